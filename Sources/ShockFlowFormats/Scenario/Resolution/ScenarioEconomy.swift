import Foundation

extension ScenarioDocument {
    /// Loads the economy the file names with `EconomyLoader` and resolves the scenario against it;
    /// every problem, the economy's included, is thrown at once.
    public func resolveLoadingEconomy() throws(ScenarioError) -> (scenario: ResolvedScenario, economy: LoadedEconomy) {
        var loaded: LoadedEconomy?
        let resolved = try resolve(loadingEconomyWith: { reference, directory in
            let economy = try loadEconomy(reference, directory: directory)
            loaded = economy
            return economy.economy
        })
        guard let loaded else { throw ScenarioError(problems: problems) }
        return (resolved.scenario, loaded)
    }

    /// The economy `reference` names: the table the file builds in memory (`economyVariant`), else a
    /// folder or file relative to the scenario's `directory` when one exists there, else a built-in economy. An unknown name is told with the closest built-in names.
    func loadEconomy(_ reference: String, directory: URL) throws -> LoadedEconomy {
        if let variant = economyVariant { return try EconomyLoader.load(EconomySource(variant: variant)) }
        let relative = URL(fileURLWithPath: reference, relativeTo: directory).standardizedFileURL.path
        let argument = !reference.hasPrefix("/") && FileManager.default.fileExists(atPath: relative) ? relative : reference
        do {
            return try EconomyLoader.load(argument)
        } catch DataFileError.economyNotFound(let name, _, let available) {
            throw UnknownEconomy(name: name, available: available)
        }
    }
}

/// A scenario's `economy` that is neither a path nor a built-in name.
package struct UnknownEconomy: Error, CustomStringConvertible {
    var name: String
    var available: [String]

    package init(name: String, available: [String]) {
        self.name = name
        self.available = available
    }

    package var description: String {
        let hint = NameSuggestions.didYouMean(name, among: available)
        let list = available.isEmpty ? "" : " (built-in economies: \(available.joined(separator: ", ")))"
        return "unknown economy '\(name)': neither a folder or file next to the scenario nor a built-in economy\(hint)\(list)"
    }
}
