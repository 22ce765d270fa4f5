import ShockFlowLinearAlgebra

/// The Leontief cost-push price model (docs/prices.md; Miller & Blair 2009, section 2.6): unit prices
/// p = Aᵀp + a_mᵀp_m + a_v ∘ p_v with base prices 1, solved for the change Δp with the LU of I − A the
/// quantity model already holds (a transposed solve), every driver of every scenario in one call.
public struct CostPushPriceModel: Sendable {
    public let structure: PriceStructure
    let factorization: TransposedSolve
    /// The low-rank change of A to A′ under substitution, for the dynamic model's periods (nil without substitutes).
    let substitution: SubstitutedPrices?

    /// For the static models: I − A factored by the analysis.
    public init(structure: PriceStructure, analysis: InputOutputAnalysis) {
        self.structure = structure
        factorization = .refined(analysis.leontiefFactorization)
        substitution = nil
    }

    /// For the dynamic model: I − A factored by the rationing model, with its substitutes (A′ of MODEL section 3).
    public init(structure: PriceStructure, rationing: RationingModel) throws {
        self.structure = structure
        factorization = .exact(rationing.factorization)
        substitution = try rationing.correction.map { try SubstitutedPrices(correction: $0, factorization: .exact(rationing.factorization)) }
    }

    /// The imported products whose drivers substitution scales (give them to `ShockSchedule.priceDrivers`).
    public var substitutedProducts: Set<Int> { Set(substitution?.products ?? []) }

    /// (P3) R = (I − Aᵀ)⁻¹·[c_1 … c_G]: the price response to each driver at a unit change, for every
    /// scenario's drivers in one `dgetrs` ('T') call; one n×G matrix per scenario.
    public func responses(_ drivers: [[PriceDriver]]) throws -> [Matrix] {
        let n = structure.cellCount
        let total = drivers.reduce(0) { $0 + $1.count }
        var pushes = Matrix(rows: n, columns: total)
        var column = 0
        for scenario in drivers {
            for driver in scenario {
                guard driver.costPush.count == n else {
                    throw PriceModelError.inconsistentShape(
                        field: "cost push of a price driver", expected: "\(n) values", actual: "\(driver.costPush.count) values")
                }
                pushes.setColumn(column, to: driver.costPush)
                column += 1
            }
        }
        let solved = try factorization.solve(pushes)
        var first = 0
        return try drivers.map { scenario in
            defer { first += scenario.count }
            return try Matrix(
                rows: n, columns: scenario.count, columnMajor: Array(solved.elements[first * n..<(first + scenario.count) * n]))
        }
    }

    /// (P7) (I − Aᵀ)⁻¹·μ for the scarcity mark-ups μ (n×k, `ScarcityMarkup.markups`), every column in one
    /// transposed solve; a column is `priceChange`'s `markupResponse` (the correction for A′ comes after).
    public func markupResponses(_ markups: Matrix) throws -> Matrix {
        guard markups.rows == structure.cellCount else {
            throw PriceModelError.inconsistentShape(
                field: "scarcity mark-ups μ", expected: "\(structure.cellCount) rows", actual: "\(markups.rows) rows")
        }
        return try factorization.solve(markups)
    }

    /// (P4), (P5): Δp (n) of one scenario in one period. Each driver's response is scaled by its relative
    /// change g(t) (and by 1 − θ̂_p for a substituted product); with substitution in force, the Woodbury
    /// correction turns (I − Aᵀ)⁻¹ into (I − A′ᵀ)⁻¹.
    /// - Parameters:
    ///   - responses: this scenario's matrix from `responses(_:)`.
    ///   - factors: the schedule's factors in the period (`ShockSchedule.factors(at:)`).
    ///   - substitutionShares: θ̂ by imported product in the period (nil or all 0 without substitution).
    ///   - markupResponse: (I − Aᵀ)⁻¹·μ of the period's scarcity mark-ups (`markupResponses`), nil without.
    public func priceChange(
        responses: Matrix, drivers: [PriceDriver], factors: [Double], substitutionShares: [Double]? = nil,
        markupResponse: [Double]? = nil
    ) throws -> [Double] {
        let scales = drivers.map { driver in
            let kept = driver.substitutedProduct.flatMap { product in substitutionShares.map { 1 - $0[product] } } ?? 1
            return driver.relativeChange(factors: factors) * kept
        }
        var change = try responses.multiply(scales)
        if let markupResponse {
            guard markupResponse.count == change.count else {
                throw PriceModelError.inconsistentShape(
                    field: "mark-up response", expected: "\(change.count) values", actual: "\(markupResponse.count) values")
            }
            for i in change.indices { change[i] += markupResponse[i] }
        }
        guard let substitution, let substitutionShares, substitutionShares.contains(where: { $0 != 0 }) else { return change }
        return try substitution.corrected(change, shares: substitutionShares)
    }
}

/// The LU of I − A as held by the quantity models, solved transposed: (I − A)ᵀ·X = B.
enum TransposedSolve: Sendable {
    case exact(LUFactorization)
    case refined(RefinedLUFactorization)

    func solve(_ rightHandSides: Matrix) throws -> Matrix {
        switch self {
        case .exact(let factorization): try factorization.solve(rightHandSides, transpose: .transposed)
        case .refined(let factorization): try factorization.solve(rightHandSides, transpose: .transposed)
        }
    }
}
