import ShockFlowFormats
import ShockFlowLinearAlgebra
import ShockFlowModel

/// Collects one ario scenario and its baseline (two columns of a lockstep batch) day after day into
/// windows of `every` days: flows summed over the window, stocks taken on its last day; and every
/// metric's national total every day (docs/results-format.md, "ARIO runs").
struct ARIOWindowRecorder {
    let written: [ARIOResultMetric]
    let every: Int
    let days: Int
    let scenario: Int
    let baseline: Int
    /// Value added per unit of output, v_i / x_i of the economy (0 where x_i = 0).
    let valueAddedShares: [Double]
    /// X⁰: weights of overproduction's national mean.
    let baseOutput: [Double]
    private(set) var windows: [RunMetric]
    private var open: [(baseline: [Double], scenario: [Double])]
    private(set) var national: [RunMetric]

    init(settings: ARIOSettings, days: Int, scenario: Int, baseline: Int, valueAddedShares: [Double], baseOutput: [Double]) {
        written = settings.metrics
        every = settings.every
        self.days = days
        self.scenario = scenario
        self.baseline = baseline
        self.valueAddedShares = valueAddedShares
        self.baseOutput = baseOutput
        windows = written.map { RunMetric(name: $0.rawValue, baseline: [], scenario: []) }
        open = written.map { _ in ([], []) }
        national = ARIOResultMetric.allCases.map { RunMetric(name: $0.rawValue, baseline: [], scenario: []) }
    }

    /// Takes in a day: `baseline` must be the day's values of the baseline column (`ARIOColumnDay`), which
    /// scenarios sharing a baseline compute once.
    mutating func append(_ record: ARIODayRecord, baseline baselineDay: ARIOColumnDay) {
        let scenarioDay = ARIOColumnDay(record, column: scenario, valueAddedShares: valueAddedShares, baseOutput: baseOutput)
        let closes = (record.day + 1) % every == 0 || record.day == days - 1
        for (index, metric) in ARIOResultMetric.allCases.enumerated() {
            national[index].baseline.append([baselineDay.totals[index]])
            national[index].scenario.append([scenarioDay.totals[index]])
            guard let position = written.firstIndex(of: metric) else { continue }
            let values = (baseline: baselineDay.values[index], scenario: scenarioDay.values[index])
            if metric.isStock || open[position].baseline.isEmpty {
                open[position] = values
            } else {
                for i in values.baseline.indices {
                    open[position].baseline[i] += values.baseline[i]
                    open[position].scenario[i] += values.scenario[i]
                }
            }
            if closes {
                windows[position].baseline.append(open[position].baseline)
                windows[position].scenario.append(open[position].scenario)
                open[position] = ([], [])
            }
        }
    }
}
