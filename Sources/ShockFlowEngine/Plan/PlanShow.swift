import Foundation
import ShockFlowFormats

/// `shockflow plan show`: the plan a scenario uses (its table and settings on its economy), or a
/// table with the default settings on china-2017, ready to be listed.
public enum PlanShow {
    /// - Parameters:
    ///   - scenarioFile: a scenario with a `plan` section; its table, settings and economy are used.
    ///   - table: otherwise this table (a shipped name or a CSV path), the default when nil.
    public static func listing(scenarioFile: String?, table: String?) throws -> PlanListing {
        if let scenarioFile {
            let document = ScenarioDocument(contentsOf: URL(fileURLWithPath: scenarioFile), shownAs: scenarioFile)
            let (scenario, loaded) = try document.resolveLoadingEconomy()
            guard let plan = scenario.plan else { throw PlanListingError("\(scenarioFile) has no `plan` section: nothing to show") }
            return PlanListing(plan: plan, economy: loaded.economy)
        }
        let read = try PlanTable.read(table ?? PlanTable.defaultName)
        let loaded = try EconomyLoader.load(ScenarioFormat.defaultEconomy)  // the economy of a scenario that names none
        return PlanListing(plan: try ResolvedPlan.resolve(read, economy: loaded.economy), economy: loaded.economy)
    }
}
