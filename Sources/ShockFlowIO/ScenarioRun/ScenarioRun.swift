import ShockFlowModel

/// Runs a resolved scenario on its economy with the model the file names.
public enum ScenarioRun {
    /// The dynamic model runs the scenario and its baseline in one lockstep batch; the static models
    /// compare the shocked economy with the table itself. The linear algebra runs on one OpenBLAS
    /// thread, so the results are the same to the last bit whatever the process's thread setting.
    public static func run(_ scenario: ResolvedScenario, economy: Economy) throws -> ScenarioRunResult {
        try ReproducibleLinearAlgebra.run {
            if case .dynamic = scenario.model { return try DynamicScenarioRun.run(scenario, economy: economy) }
            return try StaticScenarioRun.run(scenario, analysis: InputOutputAnalysis(economy: economy))
        }
    }
}
