/// A plan table applied to one economy: each row's region and sectors as indices, its tilt, whether it
/// counts, and the tilts π per cell it gives (MODEL section 4: W(0) ∝ K ∘ exp(π)).
public struct ResolvedPlan: Sendable, Equatable {
    /// Whether a row adds tilt, and if not, why.
    public enum Use: String, Sendable, Equatable {
        case used
        /// The source names no industry: nothing to tilt (reported, never dropped silently).
        case noSectors = "no sectors"
        /// Its kind's tilt times its grade's weight is 0 (by default the kind `other`).
        case zeroTilt = "tilt 0"
        /// A province outside `plan.regions`.
        case regionNotSelected = "region not selected"
        /// A national row with `national: false`.
        case nationalOff = "national layer off"
    }

    public struct Row: Sendable, Equatable {
        public var row: PlanRow
        /// The province's index in the economy; nil for the national layer.
        public var region: Int?
        /// Indices of the sectors named, in the row's order.
        public var sectors: [Int]
        /// kind tilt × grade weight.
        public var tilt: Double
        public var use: Use
    }

    public var table: PlanTable
    public var settings: PlanSettings
    /// The provinces whose own rows are used (sorted region indices).
    public var regions: [Int]
    public var rows: [Row]
    /// π per cell from the provinces' own rows, and from the national layer (the same in every
    /// region; 0 everywhere when the layer is off). A scenario's π is their sum plus its hand-written
    /// `priorities`.
    public var provinceTilt: [Double]
    public var nationalTilt: [Double]

    /// Applies the table's rows (resolved to region and sector indices) with `settings`.
    /// - Parameters:
    ///   - rows: every row of the table with its region (nil: national) and sector indices.
    ///   - regions: the provinces whose own rows count.
    public init(
        table: PlanTable, settings: PlanSettings, regions: [Int], rows resolved: [(row: PlanRow, region: Int?, sectors: [Int])],
        regionCount: Int, sectorCount: Int
    ) {
        self.table = table
        self.settings = settings
        self.regions = regions
        let selected = Set(regions)
        rows = resolved.map { entry in
            let tilt = settings.tilt(of: entry.row)
            let use: Use
            if entry.sectors.isEmpty {
                use = .noSectors
            } else if let region = entry.region, !selected.contains(region) {
                use = .regionNotSelected
            } else if entry.region == nil, !settings.national {
                use = .nationalOff
            } else if tilt == 0 {
                use = .zeroTilt
            } else {
                use = .used
            }
            return Row(row: entry.row, region: entry.region, sectors: entry.sectors, tilt: tilt, use: use)
        }
        let cellCount = regionCount * sectorCount
        let used = rows.filter { $0.use == .used }
        // The provinces' own rows, combined per cell.
        let province = Self.combine(
            used.flatMap { row in row.region.map { region in row.sectors.map { (region * sectorCount + $0, row.tilt) } } ?? [] },
            count: cellCount, rule: settings.combine)
        // The national layer, combined per sector, then the same tilt in every region.
        let national = Self.combine(
            used.filter { $0.region == nil }.flatMap { row in row.sectors.map { ($0, row.tilt) } }, count: sectorCount,
            rule: settings.combine)
        provinceTilt = province
        nationalTilt = (0..<cellCount).map { national[$0 % sectorCount] }
    }

    /// Per index, the tilts given to it combined by `rule` (0 where none is), in the given order.
    static func combine(_ tilts: [(index: Int, tilt: Double)], count: Int, rule: PlanCombine) -> [Double] {
        var combined = [Double?](repeating: nil, count: count)
        for (index, tilt) in tilts {
            switch rule {
            case .max: combined[index] = Swift.max(combined[index] ?? -.infinity, tilt)
            case .sum: combined[index] = (combined[index] ?? 0) + tilt
            }
        }
        return combined.map { $0 ?? 0 }
    }

    /// The rows that name no sector: they add no tilt, and `shockflow validate` lists them.
    public var rowsWithoutSectors: [Row] { rows.filter { $0.use == .noSectors } }
}

extension [ResolvedPlan.Row] {
    /// "10 used (P 1, S 7, L 2)": how many of these rows add tilt, by grade.
    public var usedByGrade: String {
        let used = filter { $0.use == .used }
        let grades = EvidenceGrade.allCases.map { grade in "\(grade.rawValue) \(used.filter { $0.row.grade == grade }.count)" }
        return "\(used.count) used (" + grades.joined(separator: ", ") + ")"
    }
}
