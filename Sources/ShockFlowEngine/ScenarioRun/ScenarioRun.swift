import ShockFlowFormats
import ShockFlowModel

/// Runs a resolved scenario on its economy with the model the file names.
public enum ScenarioRun {
    /// The dynamic and ario models run the scenario and its baseline in one lockstep batch; the static models
    /// compare the shocked economy with the table itself. Prices follow from the same LU of I − A
    /// (docs/prices.md); the extraction model, which takes no shocks, and the ario model have none. The linear algebra runs on one OpenBLAS
    /// thread, so the results are the same to the last bit whatever the process's thread setting.
    public static func run(_ scenario: ResolvedScenario, economy: Economy) throws -> ScenarioRunResult {
        try ReproducibleLinearAlgebra.run {
            if case .ario = scenario.model { return try ARIOScenarioRun.run(scenario, economy: economy) }
            if case .dynamic = scenario.model {
                let (model, _) = try planHorizonModel(for: scenario, economy: economy)
                var result = try DynamicScenarioRun.run([scenario], on: model, economy: economy)[0]
                result.prices = try RunPriceComputation.dynamic(result, rationing: model.rationing)
                return result
            }
            let analysis = try InputOutputAnalysis(economy: economy)
            var result = try StaticScenarioRun.run(scenario, analysis: analysis)
            if case .extraction = scenario.model { return result }
            result.prices = try RunPriceComputation.inputOutput(result, analysis: analysis)
            return result
        }
    }

    /// The plan-horizon model of a dynamic scenario's economy, critical inputs and substitutes
    /// (factored once), and the scenario as the model's value: variants of it (other magnitudes,
    /// other parameters) run against the same model in lockstep, as matrix columns.
    public static func planHorizonModel(for scenario: ResolvedScenario, economy: Economy) throws
        -> (model: PlanHorizonModel, scenario: Scenario)
    {
        try planHorizonModel(for: scenario, economy: economy, factored: factoredStructure(of: economy))
    }

    /// The economy's production structure with I − A factored: what the plan-horizon models of one
    /// table share, whatever their critical inputs and substitutes.
    static func factoredStructure(of economy: Economy) throws -> FactoredStructure {
        try FactoredStructure(EconomyModelInputs.productionStructure(of: economy))
    }

    /// `planHorizonModel(for:economy:)` on the economy's structure factored before (`factoredStructure(of:)`).
    static func planHorizonModel(for scenario: ResolvedScenario, economy: Economy, factored: FactoredStructure) throws
        -> (model: PlanHorizonModel, scenario: Scenario)
    {
        let rationing = try RationingModel(
            factored: factored, criticalInputs: scenario.criticalInputs(for: factored.structure),
            substitutes: scenario.importSubstitutes(regionCount: economy.regionCount))
        let model = try PlanHorizonModel(
            rationing: rationing, finalDemand: economy.finalDemand,
            capitalFormation: EconomyModelInputs.capitalFormation(of: economy),
            depreciation: EconomyModelInputs.depreciation(of: economy), horizon: scenario.planHorizon)
        return (model, scenario.modelScenario)
    }
}
