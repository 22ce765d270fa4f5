import ShockFlowLinearAlgebra
import ShockFlowModel

/// Runs the plan-horizon model (MODEL section 4) for a scenario and its baseline in one lockstep
/// batch and collects every recorded quantity per period.
enum DynamicScenarioRun {
    /// Per-cell metrics in the order of the rows of `cells.csv`.
    static let cellMetricNames = [
        "output", "capacity", "ordered", "rationing", "value_added", "delivered_final", "unmet_final",
        "investment_weight", "investment", "capital",
    ]
    /// Per-product metrics in the order of the rows of `products.csv`.
    static let productMetricNames = ["import_use", "import_shortfall", "substituted", "substitution_share"]

    static let substitutionNote =
        "substitution of imports is costless at fixed prices (MODEL section 3): it can raise value added above the baseline"

    static func run(_ scenario: ResolvedScenario, economy: Economy) throws -> ScenarioRunResult {
        let (model, modelScenario) = try ScenarioRun.planHorizonModel(for: scenario, economy: economy)
        let run = try model.run([modelScenario])
        let (scenarioColumn, baselineColumn) = (run.batch.scenarioColumns[0], run.batch.baselineColumns[0])
        var cells = Recorder(names: cellMetricNames, scenario: scenarioColumn, baseline: baselineColumn)
        var products = Recorder(names: productMetricNames, scenario: scenarioColumn, baseline: baselineColumn)
        var iterations = RunIterations()
        for record in run.periods {
            let result = record.rationing
            cells.append([
                result.output, result.capacity, result.ordered, result.rationing, result.valueAdded, result.deliveredFinal,
                result.unmetFinal, record.investmentWeight, record.investment, record.capital,
            ])
            products.append([result.importUse, result.importShortfall, result.substituted, result.substitutionShare])
            iterations.scenarioRationing.append(result.iterations[scenarioColumn])
            iterations.baselineRationing.append(result.iterations[baselineColumn])
            iterations.scenarioSubstitution.append(result.substitutionIterations[scenarioColumn])
            iterations.baselineSubstitution.append(result.substitutionIterations[baselineColumn])
        }
        var cellMetrics = cells.metrics
        // Rationing aggregates as the order-weighted mean: Σ ρ·d / Σ d = Σ x / Σ d (MODEL (15)).
        let (orders, weights) = (cellMetrics[2], cellMetrics[7])  // `ordered` and `investment_weight`
        cellMetrics[3].aggregationWeights = (orders.baseline, orders.scenario)  // `rationing`
        return ScenarioRunResult(
            scenario: scenario, economy: economy, cellMetrics: cellMetrics, productMetrics: products.metrics,
            investmentWeights: weights, headlineMetric: "value_added", iterations: iterations, notes: [substitutionNote])
    }

    /// Collects the scenario and baseline columns of n×N matrices, period after period.
    struct Recorder {
        var metrics: [RunMetric]
        let scenario: Int
        let baseline: Int

        init(names: [String], scenario: Int, baseline: Int) {
            metrics = names.map { RunMetric(name: $0, baseline: [], scenario: []) }
            self.scenario = scenario
            self.baseline = baseline
        }

        mutating func append(_ matrices: [Matrix]) {
            for (index, matrix) in matrices.enumerated() {
                metrics[index].scenario.append(matrix.column(scenario))
                metrics[index].baseline.append(matrix.column(baseline))
            }
        }
    }
}
