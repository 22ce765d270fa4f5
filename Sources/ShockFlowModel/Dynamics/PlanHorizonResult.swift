import ShockFlowLinearAlgebra

/// Which matrix column holds which run: every scenario, then the baselines it is paired with.
/// A scenario without shocks is its own baseline; scenarios whose parameters are equal apart from
/// θ share one (`Scenario.baseline`).
public struct ScenarioBatch: Sendable {
    /// The runs, one per matrix column.
    public let columns: [Scenario]
    /// For scenario q of the request: its column and its baseline's column.
    public let scenarioColumns: [Int]
    public let baselineColumns: [Int]

    public init(_ scenarios: [Scenario]) {
        var columns = scenarios
        var baselineColumns: [Int] = []
        // The shock-free columns in column order, with the parameters their baselines would have.
        var shockFree = scenarios.indices.filter { scenarios[$0].shocks.isEmpty }.map {
            (column: $0, parameters: scenarios[$0].baseline.parameters)
        }
        for (index, scenario) in scenarios.enumerated() {
            if scenario.shocks.isEmpty {
                baselineColumns.append(index)
                continue
            }
            let baseline = scenario.baseline
            if let shared = shockFree.first(where: { $0.parameters == baseline.parameters }) {
                baselineColumns.append(shared.column)
            } else {
                baselineColumns.append(columns.count)
                shockFree.append((columns.count, baseline.parameters))
                columns.append(baseline)
            }
        }
        self.columns = columns
        self.scenarioColumns = Array(scenarios.indices)
        self.baselineColumns = baselineColumns
    }

    public var columnCount: Int { columns.count }
}

/// What one period recorded, every column side by side (MODEL section 4, period loop).
public struct PeriodRecord: Sendable {
    public let period: Int
    /// Output, capacity, orders, rationing, final demand, imports, substitution, value added.
    public let rationing: RationingResult
    /// W(t) (n×N): the investment weights in force this period.
    public let investmentWeight: Matrix
    /// I(t) (n×N): investment by cell (19), per period.
    public let investment: Matrix
    /// K ∘ k(t) (n×N): capital by cell, in money.
    public let capital: Matrix
}

/// A whole run: the batch layout and every period's record.
public struct PlanHorizonResult: Sendable {
    public let batch: ScenarioBatch
    public let periods: [PeriodRecord]
}
