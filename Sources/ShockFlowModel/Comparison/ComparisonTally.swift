/// Compares the aligned rows of several runs as they stream past: per metric, counts, the largest
/// absolute and relative differences against the first run and, with a tolerance, the rows that
/// disagree. Memory is the rankings' size, whatever the number of rows.
public struct ComparisonTally: Sendable {
    public let runCount: Int
    public let tolerance: ComparisonTolerance?
    /// Metrics in the order first seen.
    public private(set) var metrics: [MetricComparison] = []
    /// The first `partialRowLimit` rows that some run lacks, in the order met, new metrics' rows included.
    private var metPartialRows: [ComparedRow] = []
    public let partialRowLimit: Int
    /// Every row, when asked for (short tables such as `summary.csv`); empty otherwise.
    public private(set) var everyRow: [ComparedRow] = []
    private let keepsEveryRow: Bool
    private let top: Int
    private var recorded = 0

    /// - Parameters:
    ///   - top: how many rows each ranking keeps.
    ///   - tolerance: makes the tally a regression check (`agreesWithinTolerance`).
    public init(
        runCount: Int, top: Int, tolerance: ComparisonTolerance? = nil, keepingEveryRow: Bool = false,
        partialRowLimit: Int = 20
    ) {
        self.runCount = runCount
        self.top = top
        self.tolerance = tolerance
        self.keepsEveryRow = keepingEveryRow
        self.partialRowLimit = partialRowLimit
    }

    /// The index of `metric` in `metrics`, adding it when new.
    public mutating func index(ofMetric metric: String) -> Int {
        if let index = metrics.firstIndex(where: { $0.metric == metric }) { return index }
        metrics.append(MetricComparison(metric: metric, runCount: runCount, top: top))
        return metrics.count - 1
    }

    /// Records one aligned row of metric `metric` (an index from `index(ofMetric:)`); `key` builds the
    /// row's labels and runs only when the row is kept.
    /// - Parameter subjects: each run's subject, for a ranked figure: a run whose subject is not the first
    ///   run's has no numeric difference, and the row differs and is outside any tolerance.
    public mutating func record(metric: Int, values: [Double?], subjects: [String?]? = nil, key: () -> [String]) {
        let order = recorded
        recorded += 1
        let name = metrics[metric].metric
        let changed = (subjects ?? []).indices.filter { run in
            guard let subjects, let reference = subjects[0], let subject = subjects[run] else { return false }
            return subject != reference
        }
        func row() -> ComparedRow { ComparedRow(key: key(), metric: name, values: values, subjects: changed.isEmpty ? nil : subjects) }
        if keepsEveryRow { everyRow.append(row()) }
        metrics[metric].rows += 1
        guard let reference = values[0], !values.contains(nil) else {
            for run in values.indices where values[run] == nil { metrics[metric].missingRows[run] += 1 }
            if metPartialRows.count < partialRowLimit { metPartialRows.append(row()) }
            return
        }
        metrics[metric].completeRows += 1
        var largest = 0.0, largestRelative = 0.0, largestOutside = 0.0
        var outside = false
        for run in 1..<values.count where !changed.contains(run) {
            let value = values[run] ?? reference
            let difference = abs(value - reference)
            largest = max(largest, difference)
            if reference != 0 { largestRelative = max(largestRelative, difference / abs(reference)) }
            if let tolerance, !tolerance.agrees(value, reference: reference) {
                outside = true
                largestOutside = max(largestOutside, difference)
            }
        }
        if !changed.isEmpty, tolerance != nil {
            // Values of different subjects agree with no tolerance; ranked first among the rows outside it.
            outside = true
            largestOutside = .infinity
        }
        // A value equal to the reference agrees with any tolerance, so a row outside it also differs.
        guard largest > 0 || !changed.isEmpty else { return }
        metrics[metric].differingRows += 1
        if largest > 0 { metrics[metric].largestDifferences.offer(score: largest, order: order, row) }
        if largestRelative > 0 { metrics[metric].largestRelativeDifferences.offer(score: largestRelative, order: order, row) }
        if outside {
            metrics[metric].rowsOutsideTolerance += 1
            metrics[metric].worstOutsideTolerance.offer(score: largestOutside, order: order, row)
        }
    }

    /// All rows recorded.
    public var rowCount: Int { recorded }
    public var differingRowCount: Int { metrics.reduce(0) { $0 + $1.differingRows } }
    /// Rows some run lacks, apart from the rows of new metrics (`MetricComparison.isNew`).
    public var partialRowCount: Int { metrics.reduce(0) { $0 + ($1.isNew ? 0 : $1.partialRows) } }
    /// The first rows some run lacks, apart from new metrics' rows.
    public var partialRows: [ComparedRow] {
        let new = Set(newMetrics)
        return metPartialRows.filter { !new.contains($0.metric) }
    }
    /// The metrics the first run has no row of, in the order first seen.
    public var newMetrics: [String] { metrics.filter(\.isNew).map(\.metric) }
    public var rowsOutsideTolerance: Int { metrics.reduce(0) { $0 + $1.rowsOutsideTolerance } }

    /// Every run has every row (new metrics apart) and every value equals the first run's exactly.
    public var isIdentical: Bool { differingRowCount == 0 && partialRowCount == 0 }

    /// The regression verdict: every run has every row and every value agrees within the tolerance
    /// (exact equality without one).
    public var agreesWithinTolerance: Bool {
        partialRowCount == 0 && (tolerance == nil ? differingRowCount == 0 : rowsOutsideTolerance == 0)
    }
}
