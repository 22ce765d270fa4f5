import ShockFlowModel

/// An `ario` scenario's model section resolved against its economy: the parameters, the capacity
/// and capital_destruction shocks as BoARIO's events, and what the run writes. Its import, export
/// and demand shocks stay in `ResolvedScenario.shocks`.
public struct ARIOSettings: Sendable, Equatable {
    public var parameters: ARIOParameters
    public var events: [ARIOEvent]
    /// Days per results row (`results.every`).
    public var every: Int
    /// The metrics `cells.csv` and `products.csv` hold, in catalog order.
    public var metrics: [ARIOResultMetric]

    public init(parameters: ARIOParameters, events: [ARIOEvent], every: Int = 1, metrics: [ARIOResultMetric] = ARIOResultMetric.allCases) {
        self.parameters = parameters
        self.events = events
        self.every = every
        self.metrics = metrics
    }
}
