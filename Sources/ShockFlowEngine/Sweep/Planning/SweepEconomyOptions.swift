import ShockFlowFormats
import Yams

extension SweepDocument.BaseScenario {
    /// The base scenario with `economy: NAME` written as `{build: NAME}` when a parameter's path runs
    /// through `economy` (`economy.options.perturbation_seed`): a path can add fields to a mapping,
    /// not to a name. The two forms are the same economy (default options name the cached table), and
    /// a name that is not a table ShockFlow builds is then told at the parameter by the scenario schema.
    func expandingEconomy(for paths: [ScenarioValuePath]) -> Self {
        guard paths.contains(where: { $0.steps.count > 1 && $0.steps.first == .key("economy") }),
            case .mapping(var mapping) = root,
            let index = mapping.firstIndex(where: { $0.key.scalar?.string == "economy" }),
            case .scalar = mapping[index].value
        else { return self }
        let name = mapping[index].value
        mapping[index] = (key: mapping[index].key, value: .mapping(Node.Mapping([(Node("build"), name)])))
        var expanded = self
        expanded.root = .mapping(mapping)
        return expanded
    }
}
