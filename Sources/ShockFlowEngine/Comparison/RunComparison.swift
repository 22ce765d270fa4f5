import ShockFlowFormats
import ShockFlowModel

/// What to compare and how (the flags of `shockflow compare`).
public struct ComparisonOptions: Sendable {
    /// The table to read from folders (cells when nil); single CSVs are recognised by their header.
    public var level: ResultsLevel?
    public var column: ComparedColumn
    /// Only these metrics (all when empty).
    public var metrics: [String]
    public var periods: PeriodSelection
    /// How many rows each ranking keeps.
    public var top: Int
    /// Turns the comparison into a regression check.
    public var tolerance: ComparisonTolerance?

    public init(
        level: ResultsLevel? = nil, column: ComparedColumn = .scenario, metrics: [String] = [],
        periods: PeriodSelection = .each, top: Int = 10, tolerance: ComparisonTolerance? = nil
    ) {
        self.level = level
        self.column = column
        self.metrics = metrics
        self.periods = periods
        self.top = top
        self.tolerance = tolerance
    }
}

/// The outcome of comparing runs: who was compared, on which table and column, and the tally.
public struct ComparisonReport: Sendable {
    public let runs: [ComparedRun]
    public let level: ResultsLevel
    public let columnName: String
    public let periods: PeriodSelection
    /// The key columns of the compared rows, without the metric (no period when cumulative).
    public let keyColumns: [String]
    public let tally: ComparisonTally
    /// The unit of each metric's values, where known.
    public let units: [String: String]
    /// What the reader should know: checks that could not be made, periods left out.
    public let notes: [String]
    /// The periods compared when the runs' horizons differ (the later periods are left out).
    public let sharedPeriods: SharedPeriods?
}

/// `shockflow compare`: reads the runs' tables once, front to back, side by side, and tallies every
/// aligned row; rows that some run lacks are counted and listed, never dropped.
public enum RunComparison {
    /// - Parameter fullTable: receives every aligned row as CSV (`--format csv`).
    public static func compare(_ arguments: [String], options: ComparisonOptions, fullTable: ComparisonOutput? = nil) throws
        -> ComparisonReport
    {
        guard arguments.count >= 2 else { throw ComparisonError.tooFewRuns(arguments.count) }
        let opened = try arguments.enumerated().map { index, argument in
            try ComparedRun.open(argument, label: label(index), level: options.level)
        }
        let runs = opened.map(\.run)
        let level = runs[0].level
        for run in runs.dropFirst() where run.level != level {
            throw ComparisonError.mismatchedTables(
                path: runs[0].tablePath, level: level, otherPath: run.tablePath, otherLevel: run.level)
        }
        var notes = try checkComparable(runs)
        let shared = level == .summary ? nil : SharedPeriods(runs)
        if let shared {
            notes.append(shared.note)
            if case .only(let period) = options.periods, period >= shared.count {
                throw ComparisonError.periodNotShared(period, shared)
            }
        }
        let tables = try opened.map { try ResultsTableReader($0, column: options.column, periodLimit: shared?.count) }
        let cumulative = options.periods == .cumulative
        let keyColumns = cumulative ? level.labelColumns : level.keyColumns
        var tally = ComparisonTally(
            runCount: runs.count, top: options.top, tolerance: options.tolerance, keepingEveryRow: level == .summary)
        var csv = fullTable.map { ComparisonCSVWriter(output: $0, keyColumns: keyColumns, runLabels: runs.map(\.label)) }

        var merge = RowMerge(tables: tables)
        var tallyMetric: [Int?] = []  // by the merge's metric index; nil: not compared
        var totals = PeriodTotals(runCount: runs.count)
        var lastPeriod: Int?
        var periodFound = false
        let wanted = Set(options.metrics)
        while try merge.next() {
            while tallyMetric.count < merge.metrics.count {
                let name = merge.metrics[tallyMetric.count]
                tallyMetric.append(wanted.isEmpty || wanted.contains(name) ? tally.index(ofMetric: name) : nil)
            }
            lastPeriod = merge.period ?? lastPeriod
            if case .only(let period) = options.periods {
                guard merge.period == period else { continue }
                periodFound = true
            }
            guard let metric = tallyMetric[merge.metric] else { continue }
            if cumulative {
                totals.add(labels: merge.labels, metric: metric, values: merge.values)
                continue
            }
            let period = merge.period
            let subjects = level == .summary ? rankedSubjects(tally.metrics[metric].metric, values: merge.values, runs) : nil
            tally.record(metric: metric, values: merge.values, subjects: subjects) {
                (period.map { [String($0)] } ?? []) + merge.labels.dropLast()
            }
            try csv?.append(period: period, values: merge.values, subjects: subjects) { bytes, encoder in
                merge.appendLabels(to: &bytes, encoder: encoder)
            }
        }
        let unknown = options.metrics.filter { !merge.metrics.contains($0) }
        if !unknown.isEmpty {
            throw ComparisonError.unknownMetrics(unknown, path: runs[0].tablePath, available: merge.metrics)
        }
        if case .only(let period) = options.periods, !periodFound {
            throw ComparisonError.periodNotFound(period, path: runs[0].tablePath, lastPeriod: lastPeriod)
        }
        for total in totals.totals {
            let name = tally.metrics[total.metric].metric
            let values = total.values(averaged: ResultsLevel.shareMetrics.contains(name))
            tally.record(metric: total.metric, values: values) { Array(total.labels.dropLast()) }
            try csv?.append(period: nil, values: values) { bytes, encoder in bytes += encoder.encodedLabels(total.labels) }
        }
        try csv?.flush()
        notes += NewResults.fileNotes(runs) + NewResults.metricNote(tally.newMetrics, firstLabel: runs[0].label)
        return ComparisonReport(
            runs: runs, level: level, columnName: options.column.name(in: level), periods: options.periods,
            keyColumns: keyColumns, tally: tally, units: units(tally, runs: runs), notes: notes, sharedPeriods: shared)
    }

    /// Each run's subject of a ranked summary row (nil where a run lacks the row); nil for other rows.
    private static func rankedSubjects(_ metric: String, values: [Double?], _ runs: [ComparedRun]) -> [String?]? {
        guard RankedFigure.isRanked(metric) else { return nil }
        return runs.indices.map { values[$0] == nil ? nil : runs[$0].rankedSubjects[metric] }
    }

    /// A, B, …, Z, then R27, R28, ….
    static func label(_ index: Int) -> String {
        index < 26 ? String(UnicodeScalar(UInt8(ascii: "A") + UInt8(index))) : "R\(index + 1)"
    }

    /// Refuses runs on different economies or horizons (other than horizons of periods of one length, whose
    /// shared periods are compared), naming what differs from the first run with a manifest; returns notes
    /// on runs without one. Headline figures (summary.csv) compare across any runs.
    private static func checkComparable(_ runs: [ComparedRun]) throws -> [String] {
        guard runs[0].level != .summary else { return [] }
        let described = runs.compactMap { run in run.description.map { (label: run.label, description: $0) } }
        var differences: [String] = []
        if let reference = described.first {
            for run in described.dropFirst() {
                differences += reference.description.differences(
                    from: run.description, label: reference.label, otherLabel: run.label)
            }
        }
        if !differences.isEmpty { throw ComparisonError.incomparableRuns(differences: differences) }
        return runs.filter { $0.description == nil }.map { run in
            "\(run.label) (\(run.argument)) has no manifest.json: its economy and horizon were not checked"
        }
    }

    private static func units(_ tally: ComparisonTally, runs: [ComparedRun]) -> [String: String] {
        var units: [String: String] = [:]
        let money = runs.lazy.compactMap(\.moneyUnit).first
        for metric in tally.metrics {
            let name = metric.metric
            let unit = runs[0].level == .summary
                ? runs.lazy.compactMap { $0.summaryUnits[name] }.first : runs[0].level.unit(ofMetric: name, moneyUnit: money)
            if let unit, !unit.isEmpty { units[name] = unit }
        }
        return units
    }
}
