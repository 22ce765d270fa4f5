import ShockFlowFormats
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
        let (model, _) = try ScenarioRun.planHorizonModel(for: scenario, economy: economy)
        return try run([scenario], on: model, economy: economy)[0]
    }

    /// Runs scenarios that share `model` (its economy, critical inputs, substitutes and horizon) in one
    /// lockstep batch with their baselines, as matrix columns, and returns each one's result. With
    /// `keeping`, only those cell metrics are recorded (a sweep keeps what its outputs read; `value_added`
    /// and `investment_weight`, which the summary reads, always stay).
    static func run(_ scenarios: [ResolvedScenario], on model: PlanHorizonModel, economy: Economy, keeping: Set<String>? = nil)
        throws -> [ScenarioRunResult]
    {
        let kept = cellMetricNames.indices.filter { index in
            let name = cellMetricNames[index]
            return keeping.map { $0.contains(name) || name == "value_added" || name == "investment_weight" } ?? true
        }
        let modelScenarios = scenarios.map(\.modelScenario)
        let layout = ScenarioBatch(modelScenarios)
        var runs = scenarios.indices.map { index in
            BatchRecorder(cellMetrics: kept, scenario: layout.scenarioColumns[index], baseline: layout.baselineColumns[index])
        }
        _ = try model.run(modelScenarios) { record in
            for index in runs.indices { runs[index].append(record) }
        }
        return zip(scenarios, runs).map { scenario, run in
            var cellMetrics = run.cells.metrics
            // Rationing aggregates as the order-weighted mean: Σ ρ·d / Σ d = Σ x / Σ d (MODEL (15)).
            if let rationing = cellMetrics.firstIndex(where: { $0.name == "rationing" }),
                let orders = cellMetrics.first(where: { $0.name == "ordered" })
            {
                cellMetrics[rationing].aggregationWeights = (orders.baseline, orders.scenario)
            }
            return ScenarioRunResult(
                scenario: scenario, economy: economy, cellMetrics: cellMetrics, productMetrics: run.products.metrics,
                investmentWeights: cellMetrics.first { $0.name == "investment_weight" }, headlineMetric: "value_added",
                iterations: run.iterations, notes: [substitutionNote])
        }
    }

    /// Everything one scenario of a batch records, period after period.
    struct BatchRecorder {
        /// Indices into `cellMetricNames` of the cell metrics recorded.
        let cellMetrics: [Int]
        var cells: Recorder
        var products: Recorder
        var iterations = RunIterations()

        init(cellMetrics: [Int], scenario: Int, baseline: Int) {
            self.cellMetrics = cellMetrics
            cells = Recorder(names: cellMetrics.map { cellMetricNames[$0] }, scenario: scenario, baseline: baseline)
            products = Recorder(names: productMetricNames, scenario: scenario, baseline: baseline)
        }

        mutating func append(_ record: PeriodRecord) {
            let result = record.rationing
            // In the order of `cellMetricNames`.
            let matrices = [
                result.output, result.capacity, result.ordered, result.rationing, result.valueAdded, result.deliveredFinal,
                result.unmetFinal, record.investmentWeight, record.investment, record.capital,
            ]
            cells.append(cellMetrics.map { matrices[$0] })
            products.append([result.importUse, result.importShortfall, result.substituted, result.substitutionShare])
            let (scenario, baseline) = (cells.scenario, cells.baseline)
            iterations.scenarioRationing.append(result.iterations[scenario])
            iterations.baselineRationing.append(result.iterations[baseline])
            iterations.scenarioSubstitution.append(result.substitutionIterations[scenario])
            iterations.baselineSubstitution.append(result.substitutionIterations[baseline])
        }
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
