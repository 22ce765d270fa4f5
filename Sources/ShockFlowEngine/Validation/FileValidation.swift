import Foundation
import ShockFlowFormats

/// `shockflow validate`: checks a scenario, sweep or SALib problem file (told apart by content,
/// `InputFileKind`) with the checks `run`, `sweep` and `sensitivity` make before they start — the
/// schema, the economy, a sweep's design and every run's scenario and outputs — and runs nothing.
public enum FileValidation {
    /// A valid file: its kind and one line describing it.
    public struct Valid: Sendable {
        public var kind: InputFileKind
        public var summary: String
        /// Lines printed below the summary: for a scenario with a `plan`, the rows each province uses
        /// by grade and the rows that name no sector (`PlanListing.evidence`).
        public var details: [String] = []
    }

    /// Every problem is thrown at once, as `file:line:column: field: message`.
    public static func validate(path: String) throws(ScenarioError) -> Valid {
        let url = URL(fileURLWithPath: path)
        switch InputFileKind(contentsOf: url) {
        case .scenario:
            let document = ScenarioDocument(contentsOf: url, shownAs: path)
            let (resolved, loaded) = try document.resolveLoadingEconomy()
            try ARIOScenarioRun.check(resolved, economy: loaded.economy, document: document)
            let size = (loaded.economy.regionCount, loaded.economy.sectorCount)
            let details = resolved.plan.map { PlanListing(plan: $0, economy: loaded.economy).evidence() } ?? []
            return Valid(kind: .scenario, summary: resolved.summary(economySize: size), details: details)
        case .sweep:
            let (plan, loaded) = try SweepDocument(contentsOf: url, shownAs: path).plan()
            let size = (loaded.economy.regionCount, loaded.economy.sectorCount)
            return Valid(kind: .sweep, summary: sweepSummary(plan) + "; base " + plan.baseScenario.summary(economySize: size))
        case .sensitivityProblem:
            let problem = try ProblemFileReader.check(path: path, shownAs: path).get()
            let listed = problem.parameters.prefix(5).map { "\($0.name) (\($0.distribution.name))" }
            let more = problem.dimension > listed.count ? ", …" : ""
            let count = problem.dimension == 1 ? "1 parameter" : "\(problem.dimension) parameters"
            return Valid(kind: .sensitivityProblem, summary: "SALib problem file, \(count): \(listed.joined(separator: ", "))\(more)")
        }
    }

    private static func sweepSummary(_ plan: SweepPlan) -> String {
        let parameters = plan.problem.dimension == 1 ? "1 parameter" : "\(plan.problem.dimension) parameters"
        let runs = plan.runCount == 1 ? "1 run" : "\(plan.runCount) runs"
        let outputs = plan.outputNames.count == 1 ? "1 output" : "\(plan.outputNames.count) outputs"
        return "sweep \(plan.name): \(plan.methodName) design, \(parameters), \(runs), \(outputs)"
    }
}
