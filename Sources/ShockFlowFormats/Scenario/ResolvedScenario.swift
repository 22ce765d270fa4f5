import Foundation
import ShockFlowModel

/// A scenario checked against the schema and an economy, with every default applied and every name
/// resolved to indices of that economy: cells i = r·S + s (region-major), sectors s, regions r,
/// imported products p, final-demand categories. This is what an engine run is built from.
public struct ResolvedScenario: Sendable, Equatable {
    public var name: String
    public var description: String?
    /// The scenario file as the user named it.
    public var file: String
    /// The economy as written in the file (or the default), for manifests.
    public var economy: String
    /// The table built in memory for this scenario: `economy: {build: …, options: …}` with options other
    /// than the defaults (the perturbation's seed defaulting to the horizon's). Nil when `economy` names it.
    public var economyVariant: EconomyVariant? = nil
    public var horizon: ScenarioHorizon
    public var model: ScenarioModel
    /// Nil for the static models, which take no investment settings.
    public var investment: InvestmentParameters?
    public var priorities: [PlanPriority]
    /// The plan table and its settings applied to the economy (`plan`), nil when the scenario has none.
    public var plan: ResolvedPlan?
    /// π per cell (MODEL section 4): the plan table's tilts (provincial and national layers) plus the
    /// tilts of the `priorities` entries covering the cell.
    public var planTilt: [Double]
    /// strategic_i per cell (MODEL (21)): the strategic weight, or `strategic_weight` for cells not marked.
    public var strategicWeights: [Double]
    public var criticalInputs: CriticalInputRules
    public var substitutions: [ImportSubstitution]
    /// The shocks in the model's terms (`ShockFlowModel/Shocks`): cells, products and final-demand
    /// columns of this economy, each with its profile.
    public var shocks: [Shock]
    /// ε of the scarcity mark-up of prices (docs/prices.md (P7)); 0: none.
    public var scarcityElasticity: Double = 0
}

public struct ScenarioHorizon: Sendable, Equatable {
    /// T: periods t = 0..T−1.
    public var periods: Int
    /// h: length of one period in years (0.25 for quarters).
    public var periodYears: Double
    public var seed: UInt64

    public init(periods: Int, periodYears: Double, seed: UInt64) {
        self.periods = periods
        self.periodYears = periodYears
        self.seed = seed
    }
}

/// The model a scenario runs, with its parameters.
public enum ScenarioModel: Sendable, Equatable {
    /// MODEL section 4: the plan horizon.
    case dynamic
    /// MODEL (7): Δx = L·Δy from the demand and export shocks.
    case leontief
    /// MODEL (8): supply-driven response to capacity and import shocks.
    case ghosh
    /// MODEL (12): static inoperability from the demand and export shocks.
    case inoperability
    /// MODEL (11): hypothetical extraction of these cells (sorted).
    case extraction(cells: [Int])
    /// Dynamic inoperability q(t+1) = q(t) + K(A*q(t) + c*(t) − q(t)) with K = resilience·I.
    case dynamicInoperability(resilience: Double)
    /// ARIO day by day (docs/ario.md).
    case ario(ARIOSettings)
}

/// Investment and the flow of weights (MODEL (18)–(24)); rates are per year as written.
public struct InvestmentParameters: Sendable, Equatable {
    /// B(0) per year in the economy's money unit.
    public var budget: Double
    /// True when `budget` is the economy's own GFCF (the file left it out).
    public var budgetIsEconomyGFCF: Bool
    public var growth: Double
    public var depreciation: Double
    /// G in periods.
    public var gestationLag: Int
    public var capitalStocks: CapitalStockMethod
    public var eta: Double
    public var alpha: Double
    public var beta: Double
    public var lambda: Double
    /// cap_i = capMultiple · W_i(0).
    public var capMultiple: Double
    public var regionalBounds: [RegionalBound]
    /// ε of (18), the same for every cell.
    public var headroom: Double
    public var strategicWeight: Double
}

/// Bounds on the summed weights of a set of regions (MODEL (23)).
public struct RegionalBound: Sendable, Equatable {
    public var regions: [Int]
    public var minimum: Double
    public var maximum: Double

    public init(regions: [Int], minimum: Double, maximum: Double) {
        self.regions = regions
        self.minimum = minimum
        self.maximum = maximum
    }
}

/// One plan tilt as written, resolved: π += tilt on these cells.
public struct PlanPriority: Sendable, Equatable {
    public var cells: [Int]
    public var tilt: Double
    public var reason: String?

    public init(cells: [Int], tilt: Double, reason: String? = nil) {
        self.cells = cells
        self.tilt = tilt
        self.reason = reason
    }
}

/// The critical-input masks' rules (MODEL section 3): the threshold τ, strict Leontief, explicit pairs.
public struct CriticalInputRules: Sendable, Equatable {
    public var threshold: Double
    public var strictLeontief: Bool
    /// Domestic sector `input` is critical for sector `user`, whatever the regions (K[(r′,input),(r,user)] = 1).
    public var domesticPairs: [SectorPair]
    /// Imported product `input` is critical for sector `user` in every region (Kᵐ[input,(r,user)] = 1).
    public var importedPairs: [SectorPair]

    public init(threshold: Double, strictLeontief: Bool, domesticPairs: [SectorPair], importedPairs: [SectorPair]) {
        self.threshold = threshold
        self.strictLeontief = strictLeontief
        self.domesticPairs = domesticPairs
        self.importedPairs = importedPairs
    }
}

public struct SectorPair: Sendable, Hashable, Comparable {
    public var input: Int
    public var user: Int

    public init(input: Int, user: Int) {
        self.input = input
        self.user = user
    }

    public static func < (lhs: SectorPair, rhs: SectorPair) -> Bool { (lhs.input, lhs.user) < (rhs.input, rhs.user) }
}

/// Imported product p replaced by domestic sector s_p with substitutability θ_p (MODEL section 3).
public struct ImportSubstitution: Sendable, Equatable {
    public var product: Int
    public var sector: Int
    public var theta: Double
    /// Regions whose s_p cells may substitute (sorted).
    public var regions: [Int]

    public init(product: Int, sector: Int, theta: Double, regions: [Int]) {
        self.product = product
        self.sector = sector
        self.theta = theta
        self.regions = regions
    }
}

extension ScenarioModel {
    /// The ario model's settings; nil for the other models.
    public var arioSettings: ARIOSettings? {
        if case .ario(let settings) = self { settings } else { nil }
    }

    /// The model's name as written in scenario files.
    public var name: String {
        switch self {
        case .dynamic: "dynamic"
        case .leontief: "leontief"
        case .ghosh: "ghosh"
        case .inoperability: "iim"
        case .extraction: "extraction"
        case .dynamicInoperability: "diim"
        case .ario: "ario"
        }
    }
}

extension ResolvedScenario {
    /// One line for a modeler: name, economy and its size, model, horizon, shocks.
    public func summary(economySize economy: (regions: Int, sectors: Int)) -> String {
        let length: String
        switch horizon.periodYears {
        case 0.25: length = horizon.periods == 1 ? "quarter" : "quarters"
        case 1: length = horizon.periods == 1 ? "year" : "years"
        case 1 / 365: length = horizon.periods == 1 ? "day" : "days"
        default: length = "periods of \(JSONValue.format(horizon.periodYears)) years"
        }
        let count = shocks.count + (model.arioSettings?.events.count ?? 0)
        let shockCount = count == 1 ? "1 shock" : "\(count) shocks"
        return "scenario \(name): economy \(economyVariant?.description ?? self.economy) (\(economy.regions) regions × \(economy.sectors) sectors), "
            + "\(model.name) model, \(horizon.periods) \(length), \(shockCount)"
    }
}
