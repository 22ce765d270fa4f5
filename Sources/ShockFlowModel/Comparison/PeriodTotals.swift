/// Sums each key's values over the periods, run by run, for comparing whole horizons: flows add up,
/// shares and ratios are averaged over the periods a run has the row. Keys keep the order first met.
public struct PeriodTotals: Sendable {
    public struct Total: Sendable {
        /// The key's labels without the period, the metric last.
        public var labels: [String]
        public var metric: Int
        fileprivate var sums: [Double]
        fileprivate var periods: [Int]

        /// Every run's total (nil where a run never had the key): the sum, or the mean where `averaged`.
        public func values(averaged: Bool) -> [Double?] {
            sums.indices.map { run in
                guard periods[run] > 0 else { return nil }
                return averaged ? sums[run] / Double(periods[run]) : sums[run]
            }
        }
    }

    private let runCount: Int
    private var position: [[String]: Int] = [:]
    public private(set) var totals: [Total] = []

    public init(runCount: Int) {
        self.runCount = runCount
    }

    /// Adds one period's row: `values` per run, nil where the run lacks it.
    public mutating func add(labels: [String], metric: Int, values: [Double?]) {
        let index: Int
        if let known = position[labels] {
            index = known
        } else {
            index = totals.count
            position[labels] = index
            totals.append(
                Total(
                    labels: labels, metric: metric, sums: Array(repeating: 0, count: runCount),
                    periods: Array(repeating: 0, count: runCount)))
        }
        for run in values.indices {
            guard let value = values[run] else { continue }
            totals[index].sums[run] += value
            totals[index].periods[run] += 1
        }
    }
}
