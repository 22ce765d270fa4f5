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

    /// The scenario it is compared with: the same parameters (plan priorities kept), no shocks,
    /// and no substitutability θ. θ acts only through θ_p·(1 − φ_p) (MODEL (13), (21)), which is
    /// exactly 0 when nothing cuts imports (φ = 1), so a baseline computes the same numbers with any θ
    /// (in a batch of the same width), and runs that differ only in θ or in their shocks share one
    /// baseline column.
    public var baseline: Scenario {
        var parameters = parameters
        parameters.substitutability = [:]
        return Scenario(name: "\(name) (baseline)", parameters: parameters)
    }
}
