/// Counts and rankings of one metric over the compared rows. A row differs when some run's value is
/// not exactly the first run's; its rank is its largest difference over the runs after the first.
public struct MetricComparison: Sendable {
    public let metric: String
    /// Rows of this metric in any run.
    public internal(set) var rows = 0
    /// Rows that every run has.
    public internal(set) var completeRows = 0
    /// Complete rows where some run's value differs from the first run's (or is of another subject).
    public internal(set) var differingRows = 0
    /// Complete rows where some run's value is outside the tolerance (0 without one).
    public internal(set) var rowsOutsideTolerance = 0
    /// For each run, the rows of this metric that it lacks (and another run has).
    public internal(set) var missingRows: [Int]
    /// By |value − first run's value|, largest first.
    public internal(set) var largestDifferences: RankedList<ComparedRow>
    /// By |relative difference|, largest first (rows whose first value is 0 have none).
    public internal(set) var largestRelativeDifferences: RankedList<ComparedRow>
    /// Rows outside the tolerance by |difference|, largest first.
    public internal(set) var worstOutsideTolerance: RankedList<ComparedRow>

    init(metric: String, runCount: Int, top: Int) {
        self.metric = metric
        missingRows = Array(repeating: 0, count: runCount)
        largestDifferences = RankedList(capacity: top)
        largestRelativeDifferences = RankedList(capacity: top)
        worstOutsideTolerance = RankedList(capacity: top)
    }

    /// Rows some run lacks.
    public var partialRows: Int { rows - completeRows }

    /// The first run has none of this metric's rows: a figure added after that run was made (prices in
    /// a run made before they existed), listed as new rather than counted as missing rows.
    public var isNew: Bool { rows > 0 && missingRows[0] == rows }
}
