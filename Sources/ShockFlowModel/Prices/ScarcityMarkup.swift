import ShockFlowLinearAlgebra

/// The optional scarcity mark-up of prices (docs/prices.md, (P7)): a rationed cell charges more in
/// proportion to the orders it cannot meet, μ_j = ε·(1 − ρ_j) with ρ_j the share of its orders delivered
/// (MODEL (15)); μ enters (P1) as a cost per unit of the cell's output and reaches its buyers' prices
/// through (I − A′ᵀ)⁻¹. Quantities do not respond.
public enum ScarcityMarkup {
    /// μ (n×k): one column per entry of `rationing` (ρ by cell, one list per period and run); 0 where
    /// every order is delivered (ρ ≥ 1).
    public static func markups(rationing: [[Double]], elasticity: Double) throws -> Matrix {
        let n = rationing.first?.count ?? 0
        var markups = Matrix(rows: n, columns: rationing.count)
        for (column, shares) in rationing.enumerated() {
            guard shares.count == n else {
                throw PriceModelError.inconsistentShape(field: "rationing shares ρ", expected: "\(n) values", actual: "\(shares.count) values")
            }
            markups.setColumn(column, to: shares.map { elasticity * max(0, 1 - $0) })
        }
        return markups
    }
}
