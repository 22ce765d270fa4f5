import Foundation
import ShockFlowFormats

extension ScenarioDocument {
    /// `resolveLoadingEconomy()` with a hook: `willLoad` gets the economy's source before its files are
    /// read, so that a run can start hashing them (`InputDigests`) while the economy loads.
    /// The economy is found as `loadEconomy` finds it: the table the file builds in memory, else a folder
    /// or file relative to the scenario when one exists there, else a built-in name.
    func resolveLoadingEconomy(
        willLoad: (EconomySource) -> Void
    ) throws(ScenarioError) -> (scenario: ResolvedScenario, economy: LoadedEconomy) {
        var loaded: LoadedEconomy?
        let resolved = try resolve(loadingEconomyWith: { reference, directory in
            let relative = URL(fileURLWithPath: reference, relativeTo: directory).standardizedFileURL.path
            let argument = !reference.hasPrefix("/") && FileManager.default.fileExists(atPath: relative) ? relative : reference
            let source: EconomySource
            do {
                source = try economyVariant.map { try EconomySource(variant: $0) } ?? EconomySource.resolve(argument)
            } catch DataFileError.economyNotFound(let name, _, let available) {
                throw UnknownEconomy(name: name, available: available)
            }
            willLoad(source)
            let economy = try EconomyLoader.load(source)
            loaded = economy
            return economy.economy
        })
        guard let loaded else { throw ScenarioError(problems: problems) }
        return (resolved.scenario, loaded)
    }
}
