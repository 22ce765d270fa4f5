import Foundation
import ShockFlowEngine

/// What the report shows of a run's prices (`price_indices.csv`, `prices.csv`; docs/prices.md): one
/// price index by region in the period of its largest national change, and each sector's price change
/// in that period. A run made before prices (neither file) or whose prices do not change has none.
struct PriceResults: Sendable {
    /// The index shown: `cpi`, else the first of the file (an economy without households).
    let index: String
    /// The period of the index's largest national change (the first on ties), as in summary.csv's price rows.
    let period: Int
    /// The index by region in `period`, file order (base-year prices are 1).
    let regions: [(code: String, baseline: Double, scenario: Double)]
    /// Σ_r x_rs·Δp_rs / Σ_r x_rs by sector in `period`, file order, with x the baseline output of period 0
    /// in cells.csv (the base-year output); 0 for a sector without output.
    let sectors: [(code: String, change: Double)]

    static let files = ["price_indices.csv", "prices.csv"]

    /// Whether the folder has price tables (a run made since prices exist).
    static func present(folder: String) -> Bool {
        files.contains { FileManager.default.fileExists(atPath: folder + "/" + $0) }
    }

    /// Reads both files of `folder`; nil when nothing changes. Refuses a folder with one of them only, a
    /// file cut short and a key whose rows are not one per period.
    /// - Parameter output: cells.csv with the `output` metric (the weights of the sectors' changes).
    static func read(folder: String, expectedPeriods: Int?, output: TidyTable) throws -> PriceResults? {
        let paths = try files.map { name in
            let path = folder + "/" + name
            guard FileManager.default.fileExists(atPath: path) else {
                throw ReportError.missingFile(path: path, needed: "the prices, as \(files.joined(separator: " and ")) go together")
            }
            return path
        }
        let indices = try PriceColumns(
            path: paths[0], keyColumns: ["region", "index"], values: ["baseline", "scenario"], noun: "the price index",
            expectedPeriods: expectedPeriods)
        let prices = try PriceColumns(
            path: paths[1], keyColumns: ["region", "sector"], values: ["price_baseline", "price_scenario"], noun: "price",
            expectedPeriods: expectedPeriods)
        guard indices.changes || prices.changes else { return nil }

        let names = indices.keys.map { $0[1] }
        let index = names.contains("cpi") ? "cpi" : names.first ?? "cpi"
        let keys = indices.keys.filter { $0[1] == index }
        let regionKeys = keys.count > 1 ? keys.filter { $0[0] != RunPrices.nationCode } : keys
        let nation = keys.count > 1 ? keys.first { $0[0] == RunPrices.nationCode } : keys.first
        let national = nation.flatMap { indices.series[$0] } ?? PeriodSeries()
        let nationalChange = national.difference.map(abs)
        let largest = nationalChange.max()
        let period = nationalChange.indices.first { nationalChange[$0] == largest } ?? 0
        let regions = regionKeys.compactMap { key -> (String, Double, Double)? in
            guard let series = indices.series[key], period < series.scenario.count else { return nil }
            return (key[0], series.baseline[period], series.scenario[period])
        }

        var sectorCodes: [String] = []
        var weighted: [String: Double] = [:], totals: [String: Double] = [:]
        let weights = output.series["output"] ?? [:]
        for key in prices.keys {
            let sector = key[1]
            if weighted[sector] == nil { sectorCodes.append(sector) }
            let weight = weights[key.joined(separator: "/")]?.baseline.first ?? 0
            let change = prices.series[key].flatMap { period < $0.scenario.count ? $0.scenario[period] - $0.baseline[period] : nil } ?? 0
            weighted[sector, default: 0] += weight * change
            totals[sector, default: 0] += weight
        }
        let sectors = sectorCodes.map { code in
            let total = totals[code] ?? 0
            return (code, total > 0 ? (weighted[code] ?? 0) / total : 0)
        }
        return PriceResults(index: index, period: period, regions: regions, sectors: sectors)
    }
}

/// A price table read into series by key (`CN-BJ`, `cpi`), each with one row per period.
private struct PriceColumns {
    var keys: [[String]] = []
    var series: [[String]: PeriodSeries] = [:]
    /// Whether any row's scenario differs from its baseline.
    var changes = false

    /// - Parameter noun: what a row holds, for the error of a key without one row per period.
    init(path: String, keyColumns: [String], values: [String], noun: String, expectedPeriods: Int?) throws {
        let columns = ["period"] + keyColumns + values
        var reader = try ReportTableReader(
            path: path, requiredColumns: columns, expectedPeriods: expectedPeriods,
            numberColumns: values + ["difference", "relative"])
        let fields = columns.map { reader.position(of: $0) ?? 0 }
        let keyFields = Array(fields[1...keyColumns.count])
        let baselineField = fields[keyColumns.count + 1], scenarioField = fields[keyColumns.count + 2]
        var table = self
        var rows: [[String]: Int] = [:]
        var periods = 0
        try reader.forEachRow { row in
            let period = try TidyTable.period(row, field: fields[0], path: path)
            let key = keyFields.map(row.text)
            let baseline = try row.number(baselineField), scenario = try row.number(scenarioField)
            if rows[key] == nil { table.keys.append(key) }
            rows[key, default: 0] += 1
            periods = max(periods, period + 1)
            table.changes = table.changes || scenario != baseline
            table.series[key, default: PeriodSeries()].set(period: period, baseline: baseline, scenario: scenario)
        }
        guard periods > 0 else { throw ReportError.emptyTable(path: path, expected: "one row per period and key") }
        for key in table.keys where rows[key] != periods {
            throw ReportError.incompleteSeries(
                path: path, metric: noun, key: key.joined(separator: "/"), rows: rows[key] ?? 0,
                periods: periods)
        }
        self = table
    }
}
