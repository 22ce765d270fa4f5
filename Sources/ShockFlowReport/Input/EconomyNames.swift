/// The names of a run's regions and sectors, for labels: from `manifest.json`'s `economy_metadata`
/// (every region, sector and product); for folders written before the manifest had them, China's
/// provinces from the tile grid and the five worst regions and sectors of `summary.csv`; else the code.
struct EconomyNames: Sendable {
    var regions: [String: String]
    var sectors: [String: String]

    init(regions: [String: String], sectors: [String: String]) {
        self.regions = regions
        self.sectors = sectors
    }

    init(manifest: ReportManifest, summary: SummaryTable) {
        let recorded = manifest.labels
        let named = summary.names
        regions = recorded.regions.merging(named.regions) { recorded, _ in recorded }
            .merging(ChinaTileGrid.names) { known, _ in known }
        sectors = recorded.sectors.merging(named.sectors) { recorded, _ in recorded }
    }

    /// The region's name (`Guangdong`), or its code when it has none.
    func region(_ code: String) -> String { regions[code] ?? code }

    /// The sector's name shortened to `limit` characters (`Communication equipment, computers…`), or its code.
    func sector(_ code: String, limit: Int = 38) -> String {
        sectors[code].map { ChartLabel.shortened($0, limit: limit) } ?? code
    }

    /// `Guangdong (CN-GD)`; the code alone when the region has no name.
    func regionHover(_ code: String) -> String { regions[code].map { "\($0) (\(code))" } ?? code }

    /// `Manufacture of transport equipment (sector 18)`; `sector 18` when it has no name.
    func sectorHover(_ code: String) -> String { sectors[code].map { "\($0) (sector \(code))" } ?? "sector \(code)" }

    /// A cell key `REGION/SECTOR` as `Guangdong · Transport equipment`, shortened to `limit` characters.
    func cell(_ key: String, limit: Int = 38) -> String {
        guard let (region, sector) = Self.split(key) else { return key }
        let place = self.region(region)
        return place + " · " + self.sector(sector, limit: max(12, limit - place.count - 3))
    }

    /// `Guangdong (CN-GD) · Manufacture of transport equipment (sector 18)`.
    func cellHover(_ key: String) -> String {
        guard let (region, sector) = Self.split(key) else { return key }
        return regionHover(region) + " · " + sectorHover(sector)
    }

    private static func split(_ key: String) -> (String, String)? {
        let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }
}
