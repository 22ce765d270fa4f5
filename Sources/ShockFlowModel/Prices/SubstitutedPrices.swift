import ShockFlowLinearAlgebra

/// Prices under substitution (docs/prices.md, (P5)): A′ = A + Σ_e θ̂_e·U_e·M_e (MODEL section 3,
/// `SubstitutionCorrection`), so (I − A′)ᵀp = b is (I − A)ᵀp − Σ_e θ̂_e·M_eᵀ·U_eᵀ·p = b. With
/// p₀ = (I − A)⁻ᵀb and H_e = (I − A)⁻ᵀM_eᵀ (solved once), p = p₀ + Σ_e θ̂_e·H_e·u_e, where u = Uᵀp, the
/// prices of the k substitute cells, solves the k×k system (I_k − Σ_e θ̂_e·Uᵀ·H_e·E_e)·u = Uᵀp₀.
struct SubstitutedPrices: Sendable {
    /// The substitute cells (U's columns), the product and the positions in `cells` of each entry e.
    let cells: [Int]
    let products: [Int]
    let positions: [[Int]]
    /// H_e (n×k_e).
    let priceColumns: [Matrix]

    init(correction: SubstitutionCorrection, factorization: TransposedSolve) throws {
        cells = correction.cells
        products = correction.products
        positions = correction.positions
        priceColumns = try correction.sourcing.map { try factorization.solve($0.transposed) }
    }

    /// p from p₀ = `change` at the substitution shares θ̂ (by imported product).
    func corrected(_ change: [Double], shares: [Double]) throws -> [Double] {
        let k = cells.count
        var system = Matrix.identity(k)
        for (entry, columns) in priceColumns.enumerated() where shares[products[entry]] != 0 {
            let theta = shares[products[entry]]
            for (local, position) in positions[entry].enumerated() {
                for (row, cell) in cells.enumerated() { system[row, position] -= theta * columns[cell, local] }
            }
        }
        let substitutePrices = try LUFactorization(system).solve(cells.map { change[$0] })
        var result = Matrix(column: change)
        for (entry, columns) in priceColumns.enumerated() where shares[products[entry]] != 0 {
            let own = Matrix(column: positions[entry].map { substitutePrices[$0] })
            try Matrix.gemm(columns, own, alpha: shares[products[entry]], beta: 1, into: &result)
        }
        return result.elements
    }
}
