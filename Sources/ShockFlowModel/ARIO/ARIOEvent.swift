/// One event of an ARIO scenario (docs/ario.md, "Events"): an amount shared over regions ×
/// sectors, the day it occurs and how long it lasts before recovery or rebuilding starts.
/// These are ARIO's own events (BoARIO's `EventArbitraryProd`, `EventKapitalRecover`,
/// `EventKapitalRebuild`): a scenario file's capacity and capital_destruction shocks under the ario model.
public struct ARIOEvent: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A share of the industries' production capacity lost (BoARIO "arbitrary"); `amount` is a
        /// share in (0, 1] before distribution. Several combine by their maximum (A6).
        case capacityLoss(recovery: ARIORecovery)
        /// Productive capital destroyed and recovered by a recovery function (BoARIO "recovery");
        /// `amount` is money. Several add up (A6).
        case capitalDestruction(recovery: ARIORecovery)
        /// Productive capital destroyed and rebuilt by the rebuilding sectors of every region
        /// (BoARIO "rebuild"); `amount` is money (A7, A15).
        case capitalDestructionWithRebuilding(ARIORebuilding)
    }

    /// How the amount is shared among the event's regions, or among its sectors (A22–A24).
    public enum Distribution: Sendable, Equatable {
        case equal
        /// In proportion to value added (BoARIO's, A2): a region's over the event's sectors, a
        /// sector's over the event's regions.
        case valueAdded
        /// In proportion to the given weights, by region (or sector) index; every one of the event's
        /// regions (or sectors) needs a weight.
        case weights([Int: Double])
        /// Every one of the event's regions (or sectors) takes the whole amount: each industry hit
        /// gets `amount` (BoARIO's `from_series` with one impact for every industry).
        case each
    }

    public var id: String
    public var kind: Kind
    /// `impact`: a capacity share or an amount of capital in the table's money unit (BoARIO's
    /// `event_monetary_factor` taken equal to the model's `monetary_factor`).
    public var amount: Double
    /// Region and sector indices; the event hits every region × sector pair.
    public var regions: [Int]
    public var sectors: [Int]
    /// `impact_regional_distrib`, `impact_sectoral_distrib`.
    public var regionalDistribution: Distribution
    public var sectoralDistribution: Distribution
    /// The day the event occurs (≥ 1, BoARIO's `occurrence`): a capital event first lowers capacity
    /// on that day (day `occurrence` counting from 0, the day `occurrence + 1` counting from 1); a
    /// capacity loss one day later (docs/ario.md, "The day an event first shows").
    public var occurrence: Int
    /// Days (≥ 1) before recovery or rebuilding starts.
    public var duration: Int

    public init(
        id: String, kind: Kind, amount: Double, regions: [Int], sectors: [Int],
        regionalDistribution: Distribution = .equal, sectoralDistribution: Distribution = .equal,
        occurrence: Int, duration: Int = 1
    ) {
        self.id = id
        self.kind = kind
        self.amount = amount
        self.regions = regions
        self.sectors = sectors
        self.regionalDistribution = regionalDistribution
        self.sectoralDistribution = sectoralDistribution
        self.occurrence = occurrence
        self.duration = duration
    }
}

/// How destroyed capital, or a lost capacity share, returns (A16, A17).
public struct ARIORecovery: Sendable, Equatable {
    /// The functions of `boario/utils/recovery_functions.py`, by their names there. BoARIO selects
    /// them by other strings: "linear", "convexe noscale" (`convexe`), "convexe" (`convexeScaled`),
    /// "concave".
    public enum Function: String, Sendable, Equatable, CaseIterable {
        case linear
        case convexe
        case convexeScaled = "convexe scaled"
        case concave
    }

    public var function: Function
    /// `recovery_tau`, days (≥ 1).
    public var tau: Int

    public init(_ function: Function = .linear, tau: Int) {
        self.function = function
        self.tau = tau
    }
}

/// What rebuilding destroyed capital asks of the economy (A7, A15).
public struct ARIORebuilding: Sendable, Equatable {
    /// `rebuild_tau`, days; nil takes the scenario's `rebuildTau`.
    public var tau: Int?
    /// `rebuilding_sectors`: shares of the rebuilding demand by sector index, summing to 1.
    public var sectors: [Int: Double]
    /// `rebuilding_factor`: rebuilding demand per unit of capital destroyed.
    public var factor: Double

    public init(tau: Int? = nil, sectors: [Int: Double], factor: Double = 1) {
        self.tau = tau
        self.sectors = sectors
        self.factor = factor
    }
}

/// One ARIO scenario: its parameters, events and shocks. A batch of scenarios runs as matrix columns.
public struct ARIOScenario: Sendable, Equatable {
    public var name: String
    public var parameters: ARIOParameters
    public var events: [ARIOEvent]
    /// Import shocks, which limit the restocking of imported inputs (A29), and export and demand
    /// shocks, which change final demand (A25); profiles count days. Capacity losses are events.
    public var shocks: [Shock]

    public init(name: String, parameters: ARIOParameters = ARIOParameters(), events: [ARIOEvent] = [], shocks: [Shock] = []) {
        self.name = name
        self.parameters = parameters
        self.events = events
        self.shocks = shocks
    }
}
