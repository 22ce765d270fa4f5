import ShockFlowEngine

/// `weights.csv` summed by region and by sector per period: each group's share of the allocable
/// investment budget, W(t) of MODEL (22)–(23), in the baseline and in the scenario.
struct WeightShares: Sendable {
    var regions: [String] = []
    var sectors: [String] = []
    /// Share per region (sector) per period.
    var byRegion: [String: PeriodSeries] = [:]
    var bySector: [String: PeriodSeries] = [:]
    /// W(0) of the baseline per cell `REGION/SECTOR`: the base weights, K ∘ exp(π) normalised (MODEL section 4).
    var baseWeights: [String: Double] = [:]
    var periodCount = 0

    /// - Parameter expectedPeriods: the run's periods (from its manifest), to refuse a table cut short.
    init(path: String, expectedPeriods: Int? = nil) throws {
        let columns = ["period", "region", "sector", "weight_baseline", "weight_scenario"]
        var reader = try ReportTableReader(
            path: path, requiredColumns: columns, expectedPeriods: expectedPeriods, numberColumns: Array(columns.dropFirst(3)))
        let fields = columns.map { reader.position(of: $0) ?? 0 }
        var shares = self
        var seenRegions = Set<String>(), seenSectors = Set<String>()
        try reader.forEachRow { row in
            let period = try TidyTable.period(row, field: fields[0], path: path)
            let region = row.text(fields[1]), sector = row.text(fields[2])
            let baseline = try row.number(fields[3]), scenario = try row.number(fields[4])
            if seenRegions.insert(region).inserted { shares.regions.append(region) }
            if seenSectors.insert(sector).inserted { shares.sectors.append(sector) }
            shares.periodCount = max(shares.periodCount, period + 1)
            if period == 0 { shares.baseWeights[region + "/" + sector] = baseline }
            Self.add(&shares.byRegion[region, default: PeriodSeries()], period: period, baseline, scenario)
            Self.add(&shares.bySector[sector, default: PeriodSeries()], period: period, baseline, scenario)
        }
        guard shares.periodCount > 0 else { throw ReportError.emptyTable(path: path, expected: "one row per period and cell") }
        self = shares
    }

    private static func add(_ series: inout PeriodSeries, period: Int, _ baseline: Double, _ scenario: Double) {
        let current = period < series.baseline.count ? (series.baseline[period], series.scenario[period]) : (0, 0)
        series.set(period: period, baseline: current.0 + baseline, scenario: current.1 + scenario)
    }
}
