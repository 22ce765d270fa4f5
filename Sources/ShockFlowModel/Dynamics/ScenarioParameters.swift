/// A per-cell quantity: one value for every cell, or one value per cell (region-major).
public enum CellValues: Sendable, Equatable {
    case uniform(Double)
    case perCell([Double])

    func values(count: Int) -> [Double]? {
        switch self {
        case .uniform(let value): return [Double](repeating: value, count: count)
        case .perCell(let values): return values.count == count ? values : nil
        }
    }
}

/// The caps of (23) on each cell's investment weight.
public enum WeightCaps: Sendable, Equatable {
    /// cap_i = multiple·W_i(0); the default multiple is 5.
    case multipleOfBaseWeight(Double)
    /// Absolute caps per cell (weights are shares of the budget).
    case perCell([Double])
    /// No caps: then the anchor λ must be at least 0.05, or the weights collapse onto one cell.
    case none
}

/// Bounds on the summed investment weight of a group of regions (23).
public struct RegionalWeightBound: Sendable, Equatable {
    public var regions: [Int]
    public var range: ClosedRange<Double>

    public init(regions: [Int], range: ClosedRange<Double>) {
        self.regions = regions
        self.range = range
    }
}

/// How the capital stocks K are set (MODEL section 4).
public enum CapitalStocks: Sendable, Equatable {
    /// Σ K = B(0)/((δ + g)(1 + g)^(G−1)), shared by depreciation of fixed assets: the balanced path.
    case calibrated
    /// K = D/δ_annual per cell (implies growth of 10–14 % a year on the 2017 tables, MODEL section 4).
    case depreciationOverRate
}

/// Every tunable number of the plan-horizon model (MODEL section 4) with its documented
/// default. Each may differ between the scenario columns of one batch, so a sweep is a batch.
public struct ScenarioParameters: Sendable, Equatable {
    /// ε: capacity headroom over base output (18).
    public var headroom: CellValues = .uniform(0.1)
    /// δ_annual: depreciation of capital per year.
    public var annualDepreciation = 0.05
    /// g_annual: the plan's growth target per year.
    public var annualGrowth = 0.05
    /// G: periods from investment to capacity (20).
    public var gestationLag = 4
    /// The base-year investment budget per year; nil for the table's own GFCF (B(0) = h·budget).
    public var annualBudget: Double?
    public var capitalStocks = CapitalStocks.calibrated
    /// η of (22).
    public var learningRate = 1.0
    /// α of (21): the weight of shortages in the score.
    public var shortageWeight = 1.0
    /// β of (21): the weight of idleness in the score.
    public var idlenessWeight = 0.5
    /// λ of (23): the pull back toward W(0); at least 0.05 unless caps are set.
    public var anchor = 0.1
    public var weightCaps = WeightCaps.multipleOfBaseWeight(5)
    /// Optional bounds on the summed weight of groups of regions; a region may be in one group only.
    public var regionalWeightBounds: [RegionalWeightBound] = []
    /// π: plan priorities, acting through W(0) ∝ K ∘ exp(π) and the anchor only.
    public var priorities = CellValues.uniform(0)
    /// strategic_i of (21) for the cells a scenario marks strategic (usually 1).
    public var strategicCells: [Int: Double] = [:]
    /// strategic_i for every other cell.
    public var strategicWeight = 0.2
    /// θ_p by imported product: how far its substitute sector can replace it.
    public var substitutability: [Int: Double] = [:]

    public init() {}
}
