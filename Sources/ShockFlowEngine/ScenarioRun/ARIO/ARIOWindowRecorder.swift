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

    mutating func append(_ record: ARIODayRecord) {
        let closes = (record.day + 1) % every == 0 || record.day == days - 1
        for (index, metric) in ARIOResultMetric.allCases.enumerated() {
            let values = (baseline: Self.values(metric, record, column: baseline, valueAddedShares),
                          scenario: Self.values(metric, record, column: scenario, valueAddedShares))
            national[index].baseline.append([total(metric, values.baseline)])
            national[index].scenario.append([total(metric, values.scenario)])
            guard let position = written.firstIndex(of: metric) else { continue }
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

    /// The national figure of a day: the sum over cells or products; overproduction's mean weighted by X⁰.
    private func total(_ metric: ARIOResultMetric, _ values: [Double]) -> Double {
        guard metric == .overproduction else { return values.reduce(0, +) }
        let weight = baseOutput.reduce(0, +)
        return weight == 0 ? 0 : zip(values, baseOutput).reduce(0.0) { $0 + $1.0 * $1.1 } / weight
    }

    /// One column of a day's record as a metric: n values per cell, or P per imported product.
    static func values(_ metric: ARIOResultMetric, _ record: ARIODayRecord, column c: Int, _ valueAddedShares: [Double]) -> [Double] {
        switch metric {
        case .output: return record.production.column(c)
        case .capacity: return record.capacity.column(c)
        case .valueAdded: return zip(record.production.column(c), valueAddedShares).map { $0 * $1 }
        case .deliveredFinal, .unmetFinal:
            let (final, demand, production) = (record.finalDemand.column(c), record.totalDemand.column(c), record.production.column(c))
            // (A13) every demand addressed to i receives x_i / D_i of it.
            let delivered = final.indices.map { i in demand[i] != 0 ? final[i] * (production[i] / demand[i]) : 0 }
            return metric == .deliveredFinal ? delivered : zip(final, delivered).map { $0 - $1 }
        case .demand: return record.totalDemand.column(c)
        case .rebuildDemand: return record.rebuildingDemand.column(c)
        case .inventory: return record.inventory.column(c)
        case .overproduction: return record.overproduction.column(c)
        case .importUse: return record.importUse.column(c)
        case .importShortfall: return record.importShortfall.column(c)
        case .importInventory: return record.importInventory.column(c)
        }
    }
}
