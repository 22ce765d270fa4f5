/// Lines up the rows of several runs that share keys (region, sector, metric, …): every key once, in
/// the first run's order, then the keys the first run lacks, in the order of the first run that has
/// them. Used where the runs' rows are not in the same order, one period at a time.
public struct RowAlignment: Sendable {
    /// A key given twice by one run: `run` and rows are 0-based indices into the keys aligned.
    public struct DuplicateKey: Error, Equatable, Sendable {
        public var run: Int
        public var row: Int
        public var firstRow: Int
    }

    public let runCount: Int
    /// For aligned row a and run r, at a·runCount + r: the run's row with that key, or nil.
    private var rows: [Int?] = []

    /// Aligns `keys`, one list per run.
    public init<Key: Hashable>(_ keys: [[Key]]) throws(DuplicateKey) {
        runCount = keys.count
        var position: [Key: Int] = [:]
        position.reserveCapacity(keys.first?.count ?? 0)
        rows.reserveCapacity(runCount * (keys.first?.count ?? 0))
        for (run, runKeys) in keys.enumerated() {
            for (row, key) in runKeys.enumerated() {
                if let index = position[key] {
                    if let firstRow = rows[index * runCount + run] { throw DuplicateKey(run: run, row: row, firstRow: firstRow) }
                    rows[index * runCount + run] = row
                } else {
                    position[key] = count
                    rows.append(contentsOf: repeatElement(nil, count: runCount))
                    rows[rows.count - runCount + run] = row
                }
            }
        }
    }

    /// How many distinct keys.
    public var count: Int { runCount == 0 ? 0 : rows.count / runCount }

    /// The row of run `run` with the `aligned`-th key, nil where the run lacks it.
    public func row(_ aligned: Int, in run: Int) -> Int? { rows[aligned * runCount + run] }
}
