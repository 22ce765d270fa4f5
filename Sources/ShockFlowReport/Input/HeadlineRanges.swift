import ShockFlowModel

/// One output of a sweep over all its runs: the median and the 5–95 % band (numpy's default quantiles,
/// `SampleQuantiles.linear`), the smallest and largest run, and the inputs that drive it most.
struct HeadlineRange {
    /// The probabilities of the band's ends and of the median.
    static let probabilities = (low: 0.05, median: 0.5, high: 0.95)

    var output: String
    /// The manifest's description of the output (`summary cumulative_value_added_loss`).
    var description: String?
    var kind: SweepOutputKind
    /// Whether the output is a change either way, shown with its sign.
    var isChange: Bool
    var runs: Int
    var low: Double
    var median: Double
    var high: Double
    var smallest: Double
    var largest: Double
    /// The method of the indices (`sobol`, `morris`, `regression`) and the index ranking the drivers.
    var method: String?
    var index: String?
    /// The inputs (or groups) with the largest ranking index, largest first.
    var drivers: [TornadoChart.Row]
    /// How many inputs (or groups) the indices rank.
    var factors: Int
}

extension SweepResults {
    /// Every output in the order of `outputs.csv` (the sweep file's), with its `top` drivers.
    func headlineRanges(top: Int = 3) -> [HeadlineRange] {
        let descriptions = manifest.parameters
        return outputNames.map { output in
            let values = outputs[output] ?? []
            let p = HeadlineRange.probabilities
            let quantiles = values.isEmpty ? [Double](repeating: .nan, count: 3) : SampleQuantiles.linear(values, at: [p.low, p.median, p.high])
            let description = descriptions["output.\(output)"]
            let tornado = tornado(output: output)
            return HeadlineRange(
                output: output, description: description, kind: SweepOutputKind(outputDescription: description),
                isChange: SweepOutputKind.isChange(outputDescription: description), runs: values.count,
                low: quantiles[0], median: quantiles[1], high: quantiles[2],
                smallest: values.min() ?? .nan, largest: values.max() ?? .nan,
                method: tornado?.method, index: tornado.map { Self.rankingIndex(method: $0.method).main },
                drivers: Array(tornado?.rows.prefix(top) ?? []), factors: tornado?.rows.count ?? 0)
        }
    }
}
