/// The periods that runs of different horizons (periods of one length) all have: compare reads periods
/// 0 ..< `count` of every run and leaves out the later periods of the longer runs, saying which.
public struct SharedPeriods: Sendable, Equatable {
    /// Periods compared: 0 ..< count.
    public let count: Int
    /// The labels of the runs whose manifests give their horizons, in the runs' order.
    public let labels: [String]
    /// Each of those runs' number of periods.
    public let periods: [Int]

    /// The shared periods of runs whose horizons differ; nil when every run with a manifest has the same
    /// number of periods (or fewer than two runs have one).
    init?(_ runs: [ComparedRun]) {
        let described = runs.compactMap { run in run.description?.tablePeriods.map { (run.label, $0) } }
        let counts = described.map(\.1)
        guard let shortest = counts.min(), let longest = counts.max(), shortest < longest else { return nil }
        count = shortest
        labels = described.map(\.0)
        periods = counts
    }

    /// The periods only some runs have.
    public var leftOut: ClosedRange<Int> { count...((periods.max() ?? count) - 1) }

    /// `periods 8 to 11 left out: A has 8 periods, B 12; only the 8 periods every run has (0 to 7) are compared`.
    public var note: String {
        let range = leftOut
        let leftOutText = range.count == 1 ? "period \(range.lowerBound)" : "periods \(range.lowerBound) to \(range.upperBound)"
        let shared = count == 1 ? "only period 0, the one every run has, is compared"
            : "only the \(count) periods every run has (0 to \(count - 1)) are compared"
        return "\(leftOutText) left out: \(horizons); \(shared)"
    }

    /// `A has 8 periods, B 12`.
    var horizons: String {
        zip(labels, periods).enumerated().map { index, run in
            index == 0 ? "\(run.0) has \(run.1 == 1 ? "1 period" : "\(run.1) periods")" : "\(run.0) \(run.1)"
        }.joined(separator: ", ")
    }
}
