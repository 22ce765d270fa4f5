/// A scenario of the plan-horizon model: its parameters and its shocks.
public struct Scenario: Sendable, Equatable {
    public var name: String
    public var parameters: ScenarioParameters
    public var shocks: [Shock]

    public init(name: String, parameters: ScenarioParameters = ScenarioParameters(), shocks: [Shock] = []) {
        self.name = name
        self.parameters = parameters
        self.shocks = shocks
    }

    /// The scenario it is compared with: the same parameters (plan priorities kept), no shocks.
    public var baseline: Scenario { Scenario(name: "\(name) (baseline)", parameters: parameters) }
}
