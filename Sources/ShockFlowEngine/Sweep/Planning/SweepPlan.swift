import Foundation
import ShockFlowFormats
import ShockFlowLinearAlgebra
import ShockFlowModel
import Yams

/// A sweep checked against its base scenario and economy: the parameters and their design, the
/// scenario of every run (the base with the run's values written at the parameters' paths, checked
/// and resolved like any scenario file), the outputs kept per run, and which runs share a model.
public struct SweepPlan: Sendable {
    public let name: String
    public let description: String?
    /// The sweep file as the user named it.
    public let file: String
    public let problem: SensitivityProblem
    /// Each parameter's path into the scenario, in column order.
    public let parameterPaths: [String]
    let method: SweepMethod
    public let design: SamplingDesign
    public let seed: UInt64
    public let bootstrap: BootstrapSettings
    /// The parameter values of every run (runs × parameters).
    public let samples: Matrix
    /// The base scenario after defaults (its manifest parameters are the sweep's too).
    public let baseScenario: ResolvedScenario
    /// Run r's scenario, made on demand.
    let variants: SweepVariants
    /// For run r: the index of the first run with the same model structure (runs with equal
    /// indices can run in lockstep on one factored model).
    let structureGroups: [Int]
    let outputs: [SweepOutput]

    public var runCount: Int { samples.rows }
    /// The cell metrics the outputs read (the summary's are always recorded).
    var recordedMetrics: Set<String> {
        Set(outputs.compactMap { output in
            if case .aggregate(let metric, _, _) = output.source { return metric }
            return nil
        })
    }
    public var outputNames: [String] { outputs.map(\.name) }
    /// For each parameter whose `discrete` levels are not all numbers, the levels as `samples.csv`
    /// writes them (its column of `samples` holds level indices); nil for the others.
    var parameterLevels: [[String]?] { variants.kinds.map(\.levelTexts) }
    /// The name of the sampling method as written in sweep files.
    public var methodName: String { method.rawValue }
}

/// One number kept per run.
struct SweepOutput: Sendable, Equatable {
    enum Source: Sendable, Equatable {
        /// A metric row of `summary.csv`.
        case summary(String)
        /// A cell metric summed over cells with a statistic over periods.
        case aggregate(metric: String, cells: [Int], statistic: SweepStatistic)
    }

    var name: String
    var source: Source
}

extension SweepDocument {
    /// Resolves the sweep: loads the economy the base scenario names (`willLoad` sees its source first,
    /// to start hashing), draws the design and checks every run's scenario. Throws every problem found.
    /// `progress` hears the runs checked so far and in all, from several threads at once.
    public func plan(
        willLoad: (EconomySource) -> Void = { _ in }, progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) throws(ScenarioError) -> (plan: SweepPlan, economy: LoadedEconomy) {
        guard let spec, let baseScenario, diagnostics.problems.isEmpty else { throw ScenarioError(problems: problems) }
        let baseDocument = ScenarioDocument(
            root: baseScenario.root, file: baseScenario.file, directory: baseScenario.directory,
            diagnostics: ScenarioDiagnostics(file: baseScenario.file))
        let (base, loaded) = try baseDocument.resolveLoadingEconomy(willLoad: willLoad)
        var planner = SweepPlanner(spec: spec, base: baseScenario, economy: loaded.economy, diagnostics: diagnostics)
        guard let plan = planner.plan(baseScenario: base, progress: progress) else { throw ScenarioError(problems: planner.diagnostics.sortedProblems) }
        return (plan, loaded)
    }

    /// The files the sweep reads besides the economy: itself and its base scenario file.
    public var inputFiles: [String] {
        [URL(fileURLWithPath: file).standardizedFileURL.path] + (baseScenario?.path.map { [$0] } ?? [])
    }
}
