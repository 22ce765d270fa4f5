import ShockFlowFormats
import ShockFlowModel

/// The headline rows of the prices in `summary.csv` (docs/results-format.md): the peak change of each
/// national price index, and at the CPI's peak the regions and sectors whose prices rose most.
extension RunResultsWriter {
    static func priceSummaryRows(_ result: ScenarioRunResult, wants: (String) -> Bool) -> [SummaryRow] {
        guard let prices = result.prices else { return [] }
        let economy = result.economy
        let nation = economy.regionCount > 1 ? economy.regionCount : 0
        var rows: [SummaryRow] = []
        func change(_ metric: RunMetric, _ period: Int, _ index: Int) -> Double {
            100 * (metric.scenario[period][index] - metric.baseline[period][index])
        }
        func peak(_ metric: RunMetric) -> Int {
            metric.scenario.indices.max { abs(change(metric, $0, nation)) < abs(change(metric, $1, nation)) || $0 > $1 } ?? 0
        }
        let place = economy.regionCount > 1 ? "national" : economy.regions.first?.code ?? ""
        for metric in prices.indices where wants("peak_\(metric.name)_change_percent") {
            let period = peak(metric)
            rows.append(
                SummaryRow(
                    metric: "peak_\(metric.name)_change_percent", value: change(metric, period, nation), unit: "%",
                    detail: "\(place) \(metric.name) against the baseline in period \(period), the period of its largest change"))
        }
        guard let cpi = prices.indices.first(where: { $0.name == "cpi" }) ?? prices.indices.first else { return rows }
        let period = peak(cpi)
        if economy.regionCount > 1, wants("\(cpi.name)_region_") {
            let regions = economy.regions.indices.sorted { change(cpi, period, $0) > change(cpi, period, $1) || (change(cpi, period, $0) == change(cpi, period, $1) && $0 < $1) }
            for (rank, region) in regions.prefix(rankedCount).enumerated() {
                rows.append(
                    SummaryRow(
                        metric: "\(cpi.name)_region_\(rank + 1)", value: change(cpi, period, region), unit: "%",
                        detail: "\(describe(economy.regions[region])): \(cpi.name) change in period \(period)"))
            }
        }
        if wants("sector_price_") {
            let sectorChange = sectorPriceChanges(prices.cells, period: period, economy: economy)
            let sectors = sectorChange.indices.sorted { sectorChange[$0] > sectorChange[$1] || (sectorChange[$0] == sectorChange[$1] && $0 < $1) }
            for (rank, sector) in sectors.prefix(rankedCount).enumerated() {
                rows.append(
                    SummaryRow(
                        metric: "sector_price_\(rank + 1)", value: sectorChange[sector], unit: "%",
                        detail: "\(describe(economy.sectors[sector])): output-weighted price change over the regions in period \(period)"))
            }
        }
        return rows
    }

    /// The price rows a run on `economy` writes, in order (`priceSummaryRows`): what a sweep output may read.
    static func priceRowNames(_ economy: Economy) -> [String] {
        let indices = RunPriceComputation.indexBaskets(economy).map(\.name)
        let ranked = indices.contains("cpi") ? "cpi" : indices.first ?? "cpi"
        return indices.map { "peak_\($0)_change_percent" }
            + (economy.regionCount > 1 ? (0..<min(rankedCount, economy.regionCount)).map { "\(ranked)_region_\($0 + 1)" } : [])
            + (0..<min(rankedCount, economy.sectorCount)).map { "sector_price_\($0 + 1)" }
    }

    /// Per sector, 100·Σ_r x_rs·Δp_rs / Σ_r x_rs in `period` (base-year output weights).
    static func sectorPriceChanges(_ prices: RunMetric, period: Int, economy: Economy) -> [Double] {
        var weighted = [Double](repeating: 0, count: economy.sectorCount)
        var totals = [Double](repeating: 0, count: economy.sectorCount)
        for cell in 0..<economy.cellCount {
            let sector = economy.cell(cell).sector, output = economy.grossOutput[cell]
            weighted[sector] += output * (prices.scenario[period][cell] - prices.baseline[period][cell])
            totals[sector] += output
        }
        return weighted.indices.map { totals[$0] > 0 ? 100 * weighted[$0] / totals[$0] : 0 }
    }
}
