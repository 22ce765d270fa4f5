import ShockFlowEngine

/// One key's baseline and scenario values per period (index = period).
struct PeriodSeries: Sendable, Equatable {
    var baseline: [Double] = []
    var scenario: [Double] = []

    var difference: [Double] { zip(scenario, baseline).map { $0 - $1 } }

    /// The difference over the periods: summed for flows, averaged for shares (as `shockflow compare`).
    func cumulativeDifference(isShare: Bool) -> Double { total(difference, isShare: isShare) }

    func cumulativeBaseline(isShare: Bool) -> Double { total(baseline, isShare: isShare) }

    private func total(_ values: [Double], isShare: Bool) -> Double {
        let sum = values.reduce(0, +)
        return isShare && !values.isEmpty ? sum / Double(values.count) : sum
    }

    mutating func set(period: Int, baseline value: Double, scenario other: Double) {
        while baseline.count <= period {
            baseline.append(0)
            scenario.append(0)
        }
        baseline[period] = value
        scenario[period] = other
    }
}

/// A results table (`regions.csv`, `sectors.csv`, `cells.csv`) read into series by metric and key.
struct TidyTable: Sendable {
    /// Keys in file order (`CN-BJ`, or `CN-BJ/01` for cells).
    var keys: [String] = []
    /// Every metric of the file, in file order.
    var metrics: [String] = []
    var series: [String: [String: PeriodSeries]] = [:]
    var periodCount = 0

    /// Reads `path`, keeping the rows of `wanted` metrics; `keyColumns` name the key (joined by "/").
    /// - Parameter expectedPeriods: the run's periods (from its manifest), to refuse a table cut short.
    init(path: String, keyColumns: [String], wanted: Set<String>, expectedPeriods: Int? = nil) throws {
        let valueColumns = ["period"] + keyColumns + ["metric", "baseline", "scenario"]
        var reader = try ReportTableReader(
            path: path, requiredColumns: valueColumns, expectedPeriods: expectedPeriods,
            numberColumns: ["baseline", "scenario", "difference", "relative"])
        let fields = valueColumns.map { reader.position(of: $0) ?? 0 }
        let keyFields = Array(fields[1...keyColumns.count])
        let metricField = fields[keyColumns.count + 1], baselineField = fields[keyColumns.count + 2]
        let scenarioField = fields[keyColumns.count + 3]
        var seenKeys = Set<String>(), seenMetrics = Set<String>()
        var rowCounts: [String: [String: Int]] = [:]
        var table = self
        try reader.forEachRow { row in
            let period = try Self.period(row, field: fields[0], path: path)
            let metric = row.text(metricField)
            if seenMetrics.insert(metric).inserted { table.metrics.append(metric) }
            guard wanted.contains(metric) else { return }
            let key = keyFields.map(row.text).joined(separator: "/")
            if seenKeys.insert(key).inserted { table.keys.append(key) }
            table.periodCount = max(table.periodCount, period + 1)
            rowCounts[metric, default: [:]][key, default: 0] += 1
            table.series[metric, default: [:]][key, default: PeriodSeries()].set(
                period: period, baseline: try row.number(baselineField), scenario: try row.number(scenarioField))
        }
        guard !table.metrics.isEmpty else { throw ReportError.emptyTable(path: path, expected: "one row per period, key and metric") }
        // A series with a hole (a row lost) or a row twice would be drawn with a 0 or the wrong value.
        for metric in table.metrics where wanted.contains(metric) {
            for key in table.keys {
                let count = rowCounts[metric]?[key] ?? 0
                if count != table.periodCount {
                    throw ReportError.incompleteSeries(path: path, metric: metric, key: key, rows: count, periods: table.periodCount)
                }
            }
        }
        self = table
    }

    /// The period field as a whole number from 0.
    static func period(_ row: ReportTableRow, field: Int, path: String) throws -> Int {
        let value = try row.number(field)
        guard value >= 0, value < 1e6, value == value.rounded() else {
            throw ReportError.invalidValue(
                path: path, line: row.line, column: "period", reason: "expected a whole number from 0, found \(row.text(field))")
        }
        return Int(value)
    }
}
