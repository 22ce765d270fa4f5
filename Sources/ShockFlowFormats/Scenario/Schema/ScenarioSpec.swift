/// A scenario file as written, after the schema check and with defaults filled in, before names are
/// resolved against an economy. Placeholders in these records are always overwritten by the schema.
package struct ScenarioSpec: SchemaRecord {
    var path = FieldPath.root
    var schemaVersion = 0
    var name = ""
    var description: String?
    var economy = EconomySpec()
    var horizon = HorizonSpec()
    var model = ModelSpec()
    var investment = InvestmentSpec()
    var priorities: [PriorityEntry] = []
    var plan: PlanSpec?
    var strategic: [StrategicEntry] = []
    var criticalInputs = CriticalInputsSpec()
    var substitution: [SubstitutionEntry] = []
    var prices = PricesSpec()
    package var shocks: [ShockSpec] = []
    var results = ResultsSpec()
}

/// Options of the price model (docs/prices.md).
struct PricesSpec: SchemaRecord {
    var path = FieldPath.root
    var scarcityElasticity = 0.0
}

struct HorizonSpec: SchemaRecord {
    var path = FieldPath.root
    var periods = 0
    var period = PeriodLength.quarter
    var seed = 0
}

/// Which model the scenario runs.
enum ModelKind: String, CaseIterable, Sendable {
    case dynamic, leontief, ghosh, iim, extraction, diim, ario
}

struct ModelSpec: SchemaRecord {
    var path = FieldPath.root
    var type = ModelKind.dynamic
    var regions = Selector.everything
    var sectors = Selector.everything
    var resilience = 0.0
    var ario = ARIOModelSpec()
}

/// How base capital stocks are set (MODEL section 4).
public enum CapitalStockMethod: String, CaseIterable, Sendable {
    /// Σ K = B(0) / ((δ + g)(1 + g)^(G−1)), shared out by depreciation of fixed assets: the balanced path.
    case calibrated
    /// K = D / δ from each cell's depreciation of fixed assets (implies faster growth than g).
    case depreciation
}

struct InvestmentSpec: SchemaRecord {
    var path = FieldPath.root
    var budget: Double?
    var growth = 0.0
    var depreciation = 0.0
    var gestationLag = 0
    var capitalStocks = CapitalStockMethod.calibrated
    var eta = 0.0
    var alpha = 0.0
    var beta = 0.0
    var lambda = 0.0
    var caps = 0.0
    var regionalBounds: [RegionalBoundSpec] = []
    var headroom = 0.0
    var strategicWeight = 0.0
}

struct RegionalBoundSpec: SchemaRecord {
    var path = FieldPath.root
    var regions = Selector.everything
    var minimum = 0.0
    var maximum = 0.0
}

struct PriorityEntry: SchemaRecord {
    var path = FieldPath.root
    var regions = Selector.everything
    var sectors = Selector.everything
    var tilt = 0.0
    var reason: String?
}

struct StrategicEntry: SchemaRecord {
    var path = FieldPath.root
    var regions = Selector.everything
    var sectors: Selector?
    var products: Selector?
    var weight = 0.0
}

/// Which side of a critical pair's input is meant: the domestic sector, the imported product, or both.
enum InputSource: String, CaseIterable, Sendable {
    case domestic, imported, both
}

struct CriticalInputsSpec: SchemaRecord {
    var path = FieldPath.root
    var threshold = 0.0
    var strictLeontief = false
    var pairs: [CriticalPairSpec] = []
}

struct CriticalPairSpec: SchemaRecord {
    var path = FieldPath.root
    var input = Selector.everything
    var from = InputSource.both
    var users = Selector.everything
    var enabled = true
}

struct SubstitutionEntry: SchemaRecord {
    var path = FieldPath.root
    var product = Selector.everything
    var sector = Selector.everything
    var theta = 0.0
    var regions = Selector.everything
    var enabled = true
}

/// What a shock acts on (MODEL section 4, table of shock kinds).
enum ShockKind: String, CaseIterable, Sendable {
    case capacity, `import`, export, demand, investment
    case importPrice = "import_price", cost
    case capitalDestruction = "capital_destruction"
}

package struct ShockSpec: SchemaRecord {
    var path = FieldPath.root
    var id = ""
    var kind = ShockKind.capacity
    var description: String?
    var regions = Selector.everything
    var sectors = Selector.everything
    var products = Selector.everything
    var categories = Selector.everything
    var components = Selector.everything
    var magnitude = 0.0
    var share = 0.0
    package var profile = ProfileSpec()
    var capital = CapitalDestructionSpec()
}

enum ProfileKind: String, CaseIterable, Sendable {
    case step, ramp, recovery, series, event
}

package struct ProfileSpec: SchemaRecord {
    var path = FieldPath.root
    var type = ProfileKind.step
    var start = 0
    var end: Int?
    var periods = 0
    var halfLife = 0.0
    var values: [Double]?
    package var file: String?
    var event = EventProfileSpec()
}
