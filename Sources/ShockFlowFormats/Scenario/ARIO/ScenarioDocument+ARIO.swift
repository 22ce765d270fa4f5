import ShockFlowModel

extension ScenarioDocument {
    /// An `ARIOError` about a parameter or an event, which the ario model finds once it holds the economy
    /// (capital destroyed above an industry's capital, a capacity share above 1), as a problem at the
    /// field of the scenario file that causes it, with its line and column; nil for other errors.
    public func problem(for error: ARIOError) -> ScenarioProblem? {
        var diagnostics = diagnostics
        switch error {
        case .invalidParameter(_, let field, let value, let expected):
            let name = field.split(separator: "[").first.map(String.init) ?? field
            diagnostics.report("\(field) is \(value); expected \(expected)", at: FieldPath.root.appending("model").appending(name))
        case .invalidEvent(_, let event, let field, let value, let expected):
            guard let shock = spec?.shocks.first(where: { $0.id == event }) else { return nil }
            let path: FieldPath
            switch field {
            case "amount" where shock.kind == .capacity: path = shock.path.appending("magnitude")
            case "occurrence", "duration", "recovery_tau": path = shock.path.appending("profile").appending(field)
            case "rebuild_tau": path = shock.path.appending("rebuild").appending("tau")
            case "rebuilding_sectors": path = shock.path.appending("rebuild").appending("sectors")
            case "rebuilding_factor": path = shock.path.appending("rebuild").appending("factor")
            default: path = shock.path.appending(field)
            }
            diagnostics.report("\(value) does not fit the economy: expected \(expected)", at: path)
        default:
            return nil
        }
        return diagnostics.problems.last
    }
}
