import Foundation

/// One scenario column of a batch, set up for the period loop: parameters checked, per-period
/// rates, calibrated capital K, base weights W(0), caps and the compiled shocks.
struct ScenarioColumn: Sendable {
    let name: String
    /// B(0) = h·(annual budget), per period.
    let budget: Double
    /// δ and g per period, and the gestation lag G.
    let depreciation: Double
    let growth: Double
    let lag: Int
    /// x̄ ∘ (1 + ε): capacity at k = 1 without shocks (18).
    let baseCapacity: [Double]
    let headroom: [Double]
    /// K (money) and W(0).
    let capital: [Double]
    let baseWeights: [Double]
    let caps: [Double]
    let strategic: [Double]
    let learningRate: Double
    let shortageWeight: Double
    let idlenessWeight: Double
    let anchor: Double
    let projection: CappedSimplexProjection
    /// θ per imported product.
    let substitutability: [Double]
    let schedule: ShockSchedule

    init(scenario: Scenario, model: PlanHorizonModel) throws {
        let structure = model.rationing.structure
        let (n, regions, sectors) = (structure.cellCount, structure.regionCount, structure.sectorCount)
        let parameters = scenario.parameters
        let horizon = model.horizon
        name = scenario.name
        func invalid(_ field: String, _ value: Any, _ expected: String) -> PlanHorizonError {
            .invalidParameter(scenario: scenario.name, field: field, value: "\(value)", expected: expected)
        }
        func cellValues(_ values: CellValues, _ field: String, valid: (Double) -> Bool, _ expected: String) throws -> [Double] {
            guard let resolved = values.values(count: n) else {
                throw invalid(field, "a list of another length", "one value per cell (\(n))")
            }
            if let bad = resolved.first(where: { !valid($0) }) { throw invalid(field, bad, expected) }
            return resolved
        }
        guard parameters.annualDepreciation >= 0, parameters.annualDepreciation < 1 else {
            throw invalid("annual depreciation δ", parameters.annualDepreciation, "a rate in [0, 1)")
        }
        guard parameters.annualGrowth.isFinite, parameters.annualGrowth > -1 else {
            throw invalid("annual growth g", parameters.annualGrowth, "a rate above −1")
        }
        depreciation = horizon.periodDepreciation(annual: parameters.annualDepreciation)
        growth = horizon.periodGrowth(annual: parameters.annualGrowth)
        guard depreciation + growth > 0 else {
            throw invalid("annual growth g", parameters.annualGrowth, "δ + g > 0, so that capital can be calibrated")
        }
        guard parameters.gestationLag >= 1 else { throw invalid("gestation lag G", parameters.gestationLag, "at least 1 period") }
        lag = parameters.gestationLag
        for (field, value) in [
            ("learning rate η", parameters.learningRate), ("shortage weight α", parameters.shortageWeight),
            ("idleness weight β", parameters.idlenessWeight), ("strategic weight", parameters.strategicWeight),
        ] where !(value.isFinite && value >= 0) {
            throw invalid(field, value, "a finite number ≥ 0")
        }
        guard (0...1).contains(parameters.anchor) else { throw invalid("anchor λ", parameters.anchor, "a share in [0, 1]") }
        if parameters.weightCaps == .none, parameters.anchor < 0.05 {
            throw invalid("anchor λ", parameters.anchor, "at least 0.05 when no weight caps are set (else the weights collapse onto one cell)")
        }
        let headroom = try cellValues(parameters.headroom, "headroom ε", valid: { $0.isFinite && $0 >= 0 }, "a finite number ≥ 0")
        self.headroom = headroom
        let priorities = try cellValues(parameters.priorities, "priorities π", valid: { $0.isFinite }, "a finite number")
        var strategic = [Double](repeating: parameters.strategicWeight, count: n)
        for (cell, weight) in parameters.strategicCells {
            guard (0..<n).contains(cell) else { throw invalid("strategic cells", cell, "a cell index in 0..<\(n)") }
            guard weight.isFinite, weight >= 0 else { throw invalid("strategic weight of cell \(cell)", weight, "a finite number ≥ 0") }
            strategic[cell] = weight
        }
        self.strategic = strategic
        var substitutability = [Double](repeating: 0, count: structure.importProductCount)
        let substituted = Set(model.rationing.substitutes.map(\.product))
        for (product, theta) in parameters.substitutability {
            guard substituted.contains(product) else {
                throw invalid("substitutability of imported product \(product)", theta, "a product with a substitute sector")
            }
            guard (0...1).contains(theta) else { throw invalid("substitutability θ of product \(product)", theta, "a share in [0, 1]") }
            substitutability[product] = theta
        }
        self.substitutability = substitutability

        if let annual = parameters.annualBudget, !(annual.isFinite && annual > 0) {
            throw invalid("investment budget", annual, "a positive amount per year")
        }
        let budget = parameters.annualBudget.map { horizon.periodLength * $0 } ?? model.baseBudget
        self.budget = budget
        let capital: [Double]
        switch parameters.capitalStocks {
        case .calibrated:
            // Balanced-path capital: Σ K = B(0)/((δ + g)(1 + g)^(G−1)), shared by depreciation.
            let total = CapitalCalibration.totalCapital(budget: budget, depreciation: depreciation, growth: growth, lag: lag)
            let weightTotal = model.depreciationWeights.reduce(0, +)
            capital = model.depreciationWeights.map { $0 * total / weightTotal }
        case .depreciationOverRate:
            guard model.reportsDepreciation else {
                throw invalid("capital stocks", "depreciation", "an economy with depreciation of fixed assets (K = D/δ)")
            }
            guard parameters.annualDepreciation > 0 else {
                throw invalid("annual depreciation δ", 0, "a positive rate when capital stocks are D/δ")
            }
            capital = model.depreciationWeights.map { $0 / parameters.annualDepreciation }
        }
        self.capital = capital
        // W(0) ∝ K ∘ exp(π) (π shifted by its maximum, which cancels in the normalisation).
        let highest = priorities.max() ?? 0
        var weights = (0..<n).map { capital[$0] * exp(priorities[$0] - highest) }
        let weightTotal = weights.reduce(0, +)
        weights = weights.map { $0 / weightTotal }
        let caps: [Double]
        switch parameters.weightCaps {
        case .multipleOfBaseWeight(let multiple):
            guard multiple.isFinite, multiple >= 1 else { throw invalid("weight cap multiple", multiple, "a number ≥ 1") }
            caps = weights.map { multiple * $0 }
        case .perCell(let values):
            caps = try cellValues(.perCell(values), "weight caps", valid: { $0 >= 0 }, "a weight ≥ 0")
        case .none:
            caps = [Double](repeating: .infinity, count: n)
        }
        let projection = try Self.projection(
            parameters.regionalWeightBounds, regions: regions, sectors: sectors, caps: caps, scenario: scenario.name)
        self.projection = projection
        // With regional bounds W(0) itself is projected onto the feasible set.
        if !projection.groups.isEmpty {
            var projected = weights
            weights.withUnsafeBufferPointer { values in
                caps.withUnsafeBufferPointer { capBuffer in
                    projected.withUnsafeMutableBufferPointer { projection.project(values, caps: capBuffer, into: $0) }
                }
            }
            weights = projected
        }
        baseWeights = weights
        self.caps = caps
        baseCapacity = (0..<n).map { horizon.periodLength * structure.grossOutput[$0] * (1 + headroom[$0]) }
        learningRate = parameters.learningRate
        shortageWeight = parameters.shortageWeight
        idlenessWeight = parameters.idlenessWeight
        anchor = parameters.anchor
        schedule = try ShockSchedule(
            scenario.shocks, scenario: scenario.name, cellCount: n, productCount: structure.importProductCount,
            finalDemand: model.finalDemand, horizon: horizon)
    }

    /// The projection of (23) for these bounds, after checking that the capped simplex with them is
    /// non-empty: Σ_g min(upper_g, Σ caps_g) + Σ caps of the other cells ≥ 1, Σ_g lower_g ≤ 1, lower_g ≤ Σ caps_g.
    private static func projection(
        _ bounds: [RegionalWeightBound], regions: Int, sectors: Int, caps: [Double], scenario: String
    ) throws -> CappedSimplexProjection {
        func invalid(_ field: String, _ value: Any, _ expected: String) -> PlanHorizonError {
            .invalidParameter(scenario: scenario, field: field, value: "\(value)", expected: expected)
        }
        var grouped = Set<Int>()
        var groups: [CappedSimplexProjection.Group] = []
        var reachable = 0.0, required = 0.0
        for bound in bounds {
            if let bad = bound.regions.first(where: { !(0..<regions).contains($0) }) {
                throw invalid("regional weight bounds", bad, "a region index in 0..<\(regions)")
            }
            guard !bound.regions.isEmpty, bound.range.lowerBound >= 0, bound.range.upperBound <= 1 else {
                throw invalid("regional weight bounds", bound.range, "shares within [0, 1] for at least one region")
            }
            for region in bound.regions where !grouped.insert(region).inserted {
                throw invalid("regional weight bounds", region, "each region in one bound only")
            }
            let cells = bound.regions.sorted().flatMap { (($0 * sectors)..<(($0 + 1) * sectors)) }
            let capacity = cells.reduce(0.0) { $0 + caps[$1] }
            if bound.range.lowerBound > capacity {
                throw PlanHorizonError.infeasibleWeightBounds(
                    scenario: scenario,
                    reason: "regions \(bound.regions) must hold at least \(bound.range.lowerBound) but their caps sum to \(capacity)")
            }
            reachable += min(bound.range.upperBound, capacity)
            required += bound.range.lowerBound
            groups.append(CappedSimplexProjection.Group(cells: cells, bounds: bound.range))
        }
        let freeCells = (0..<regions).filter { !grouped.contains($0) }.flatMap { (($0 * sectors)..<(($0 + 1) * sectors)) }
        reachable += freeCells.reduce(0.0) { $0 + caps[$1] }
        if reachable < 1 - 1e-12 {
            throw PlanHorizonError.infeasibleWeightBounds(scenario: scenario, reason: "caps and upper bounds allow only \(reachable) of the weight")
        }
        if required > 1 + 1e-12 {
            throw PlanHorizonError.infeasibleWeightBounds(scenario: scenario, reason: "the lower bounds add up to \(required) > 1")
        }
        return CappedSimplexProjection(groups: groups, freeCells: freeCells)
    }
}
