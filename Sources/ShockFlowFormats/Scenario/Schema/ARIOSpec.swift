import ShockFlowModel

/// The `ario` model's fields (docs/ario.md, "Parameters"), as written; names resolve later.
struct ARIOModelSpec {
    var orderType = ARIOParameters.OrderType.alt
    var alphaBase = 0.0
    var alphaMax = 0.0
    var alphaTau = 0
    var rebuildTau = 0
    var inventoryDays = 0.0
    var psi = 0.0
    var inventoryRestorationTau = 0
    var inventories: [NamedValue<ARIOParameters.InventoryDuration>] = []
    var importInventories: [NamedValue<ARIOParameters.InventoryDuration>] = []
    var capitalToValueAdded: [NamedValue<Double>] = []
    var monetaryFactor = 0
}

/// A `capital_destruction` shock's own fields (BoARIO's capital events).
struct CapitalDestructionSpec {
    var amount = 0.0
    var regionalDistribution = DistributionSpec.equal
    var sectoralDistribution = DistributionSpec.equal
    var rebuild: RebuildSpec?
}

/// How destroyed capital is rebuilt (BoARIO's `EventKapitalRebuild`).
struct RebuildSpec: SchemaRecord {
    var path = FieldPath.root
    var tau: Int?
    var sectors: [NamedValue<Double>] = []
    var factor = 0.0
}

/// An `event` profile's fields (BoARIO's occurrence, duration and recovery).
struct EventProfileSpec {
    var occurrence = 0
    var duration = 0
    var recovery = ARIORecovery.Function.linear
    var recoveryTau: Int?
}

/// `results`: which ARIO metrics to write, and over how many days each row sums.
struct ResultsSpec: SchemaRecord {
    var path = FieldPath.root
    var every = 1
    var metrics: [ARIOResultMetric]?
}

/// One `name: value` entry of a mapping keyed by region, sector or product names.
struct NamedValue<Value> {
    var name: SelectorTerm
    var value: Value
}

extension NamedValue: Sendable where Value: Sendable {}

/// How an amount is shared among a shock's regions or sectors (A23), (A24).
enum DistributionSpec {
    case equal
    case valueAdded
    case weights([NamedValue<Double>])
}
