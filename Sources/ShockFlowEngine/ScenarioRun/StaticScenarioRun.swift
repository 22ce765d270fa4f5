import ShockFlowFormats
import ShockFlowLinearAlgebra
import ShockFlowModel

/// The static models (MODEL section 2) and the dynamic inoperability model driven by a scenario
/// file, written in the same tidy layout as the dynamic model (docs/results-format.md). The static
/// models use the table's annual flows and write one period, 0; their shocks act at full strength.
enum StaticScenarioRun {
    /// The cell metrics each static model writes, in order, and its headline metric (the summary's
    /// losses); sweep planning reads these to know the outputs before anything runs.
    static func outputs(of model: ScenarioModel) -> (cellMetrics: [String], headline: String) {
        switch model {
        case .dynamic: (DynamicScenarioRun.cellMetricNames, "value_added")
        case .leontief: (["final_demand", "output", "value_added"], "value_added")
        case .ghosh: (["primary_inputs", "output"], "output")
        case .inoperability, .dynamicInoperability: (["inoperability", "output"], "output")
        case .extraction: (["output", "value_added"], "value_added")
        case .ario(let settings): ARIOScenarioRun.outputs(settings)
        }
    }

    static func run(_ scenario: ResolvedScenario, analysis: InputOutputAnalysis) throws -> ScenarioRunResult {
        try run([scenario], analysis: analysis)[0]
    }

    /// Runs scenarios on one economy's factored table; the Leontief responses of all of them are one
    /// solve with a right-hand side per scenario (MODEL (7)).
    static func run(_ scenarios: [ResolvedScenario], analysis: InputOutputAnalysis) throws -> [ScenarioRunResult] {
        let leontiefRuns = scenarios.indices.filter { scenarios[$0].model == .leontief }
        var leontiefMetrics: [Int: [RunMetric]] = [:]
        if !leontiefRuns.isEmpty {
            let changes = try leontiefRuns.map { index in
                let schedule = try shockSchedule(scenarios[index], economy: analysis.economy)
                return schedule.finalDemandChange(factors: schedule.fullStrengthFactors, cellCount: analysis.economy.cellCount)
            }
            var demandChange = Matrix(rows: analysis.economy.cellCount, columns: changes.count)
            for (column, change) in changes.enumerated() { demandChange.setColumn(column, to: change) }
            let outputChange = try analysis.leontiefResponse(to: demandChange)
            for (column, run) in leontiefRuns.enumerated() {
                leontiefMetrics[run] = leontief(change: changes[column], outputChange: outputChange.column(column), analysis: analysis)
            }
        }
        return try scenarios.indices.map { index in
            try run(scenarios[index], analysis: analysis, leontiefMetrics: leontiefMetrics[index])
        }
    }

    private static func run(_ scenario: ResolvedScenario, analysis: InputOutputAnalysis, leontiefMetrics: [RunMetric]?) throws
        -> ScenarioRunResult
    {
        let economy = analysis.economy
        func result(_ metrics: [RunMetric], note: String) -> ScenarioRunResult {
            ScenarioRunResult(
                scenario: scenario, economy: economy, cellMetrics: metrics, productMetrics: [], investmentWeights: nil,
                headlineMetric: outputs(of: scenario.model).headline, iterations: nil, notes: [note])
        }
        switch scenario.model {
        case .dynamic:
            return try DynamicScenarioRun.run(scenario, economy: economy)
        case .ario:
            return try ARIOScenarioRun.run(scenario, economy: economy)
        case .leontief:
            return result(
                leontiefMetrics ?? [],
                note: "leontief (MODEL (7)): baseline = the table's annual final demand, output x and value added; scenario = "
                    + "the same plus the change Δy of the demand and export shocks at full strength and Δx = L·Δy")
        case .ghosh:
            return result(
                try ghosh(scenario, analysis: analysis),
                note: "ghosh (MODEL (8)): a capacity shock removes that share of a cell's value added, an import shock that "
                    + "share of the product's imports, as lost primary inputs Δv; scenario output = x + Gᵀ·Δv (annual)")
        case .inoperability:
            return result(
                try inoperability(scenario, analysis: analysis),
                note: "iim (MODEL (12)): inoperability q = (I − A*)⁻¹·c* with c* = −Δy ⊘ x from the demand and export "
                    + "shocks at full strength; scenario output = x ∘ (1 − q) (annual); regions and sectors weight q by "
                    + "output")
        case .extraction(let cells):
            return result(
                try extraction(cells, analysis: analysis),
                note: "extraction (MODEL (11)): baseline = L·y, scenario = the output after the selected cells stop buying "
                    + "and selling inputs (annual); the difference is each cell's loss")
        case .dynamicInoperability(let resilience):
            return result(
                try dynamicInoperability(scenario, analysis: analysis, resilience: resilience),
                note: "diim: q(t+1) = q(t) + K·(A*·q(t) + c*(t) − q(t)) from q = 0 before period 0; period t shows q(t+1), "
                    + "the inoperability at its end, and output per period h·x ∘ (1 − q)")
        }
    }

    /// One-period metric.
    private static func metric(_ name: String, _ baseline: [Double], _ scenario: [Double]) -> RunMetric {
        RunMetric(name: name, baseline: [baseline], scenario: [scenario])
    }

    /// The scenario's shocks compiled against the table's annual flows (period length 1): the static
    /// models apply them at full strength, the dynamic inoperability model period by period.
    private static func shockSchedule(_ scenario: ResolvedScenario, economy: Economy) throws -> ShockSchedule {
        try ShockSchedule(
            scenario.shocks, scenario: scenario.name, cellCount: economy.cellCount, productCount: economy.importProducts.count,
            finalDemand: economy.finalDemand, horizon: PlanHorizon(periods: scenario.horizon.periods, periodLength: 1))
    }

    private static func plus(_ a: [Double], _ b: [Double]) -> [Double] { zip(a, b).map { $0 + $1 } }

    private static func valueAdded(_ analysis: InputOutputAnalysis, _ output: [Double]) -> [Double] {
        zip(analysis.valueAddedCoefficients, output).map { $0 * $1 }
    }

    /// MODEL (7): Δx = L·Δy, from the demand change Δy and the output change Δx solved for it.
    private static func leontief(change: [Double], outputChange: [Double], analysis: InputOutputAnalysis) -> [RunMetric] {
        let shockedOutput = plus(analysis.output, outputChange)
        return [
            metric("final_demand", analysis.totalFinalDemand, plus(analysis.totalFinalDemand, change)),
            metric("output", analysis.output, shockedOutput),
            metric("value_added", valueAdded(analysis, analysis.output), valueAdded(analysis, shockedOutput)),
        ]
    }

    /// MODEL (8): Δx = Gᵀ·Δv, with the capacity and import shocks as lost primary inputs.
    private static func ghosh(_ scenario: ResolvedScenario, analysis: InputOutputAnalysis) throws -> [RunMetric] {
        let economy = analysis.economy
        let schedule = try shockSchedule(scenario, economy: economy)
        let primaryChange = schedule.primaryInputChange(
            valueAdded: economy.valueAdded, intermediateImports: economy.intermediateImports,
            factors: schedule.fullStrengthFactors)
        let primaryInputs = plus(economy.valueAdded, try economy.totalIntermediateImports())
        let outputChange = try analysis.ghoshResponse(to: Matrix(column: primaryChange)).elements
        return [
            metric("primary_inputs", primaryInputs, plus(primaryInputs, primaryChange)),
            metric("output", analysis.output, plus(analysis.output, outputChange)),
        ]
    }

    /// MODEL (12): q = (I − A*)⁻¹·c*.
    private static func inoperability(_ scenario: ResolvedScenario, analysis: InputOutputAnalysis) throws -> [RunMetric] {
        let schedule = try shockSchedule(scenario, economy: analysis.economy)
        let change = schedule.finalDemandChange(factors: schedule.fullStrengthFactors, cellCount: analysis.economy.cellCount)
        let perturbation = ShockSchedule.demandPerturbation(change: change, output: analysis.output)
        let q = try analysis.inoperabilityModel().inoperability(demandPerturbation: perturbation)
        return inoperabilityMetrics(q: [q], output: [analysis.output])
    }

    /// DIIM: c*(t) from the demand and export shocks with their profiles, q(t+1) per period.
    private static func dynamicInoperability(
        _ scenario: ResolvedScenario, analysis: InputOutputAnalysis, resilience: Double
    ) throws -> [RunMetric] {
        let periods = scenario.horizon.periods
        let schedule = try shockSchedule(scenario, economy: analysis.economy)
        let perturbations = (0..<periods).map { period in
            Matrix(
                column: ShockSchedule.demandPerturbation(
                    change: schedule.finalDemandChange(factors: schedule.factors(at: period), cellCount: analysis.economy.cellCount),
                    output: analysis.output))
        }
        let model = try DynamicInoperabilityModel(
            interdependencyMatrix: try analysis.inoperabilityModel().interdependencyMatrix, resilience: resilience)
        let states = try model.trajectory(perturbations: perturbations).map(\.elements)
        let periodOutput = analysis.output.map { scenario.horizon.periodYears * $0 }
        return inoperabilityMetrics(q: states, output: Array(repeating: periodOutput, count: periods))
    }

    /// Inoperability (baseline 0, aggregated weighted by output) and output x ∘ (1 − q), per period.
    private static func inoperabilityMetrics(q: [[Double]], output: [[Double]]) -> [RunMetric] {
        let zero = q.map { [Double](repeating: 0, count: $0.count) }
        let shocked = zip(q, output).map { q, x in zip(q, x).map { (1 - $0) * $1 } }
        return [
            RunMetric(name: "inoperability", baseline: zero, scenario: q, aggregationWeights: (output, output)),
            RunMetric(name: "output", baseline: output, scenario: shocked),
        ]
    }

    /// MODEL (11): output with and without the extracted cells' intermediate links.
    private static func extraction(_ cells: [Int], analysis: InputOutputAnalysis) throws -> [RunMetric] {
        let extraction = try analysis.hypotheticalExtraction(of: cells)
        return [
            metric("output", extraction.baselineOutput, extraction.outputAfterExtraction),
            metric(
                "value_added", valueAdded(analysis, extraction.baselineOutput),
                valueAdded(analysis, extraction.outputAfterExtraction)),
        ]
    }
}
