import ShockFlowLinearAlgebra

extension InputOutputAnalysis {
    /// Demand-driven output change Δx = L·Δy for N scenarios at once (MODEL (7)).
    /// - Parameter finalDemandChange: Δy, n×N, one scenario per column.
    /// - Returns: Δx, n×N, from one multi-right-hand-side solve with the cached LU of I − A.
    public func leontiefResponse(to finalDemandChange: Matrix) throws -> Matrix {
        try requireCellRows(finalDemandChange, field: "final-demand change")
        // MODEL (7): (I − A)·Δx = Δy
        return try leontiefFactorization.solve(finalDemandChange)
    }

    /// Supply-driven output change Δxᵀ = Δvᵀ·G for N scenarios at once (MODEL (8)).
    /// - Parameter primaryInputChange: Δv, n×N, one scenario per column.
    /// - Returns: Δx, n×N, from one factorisation of I − B and one transposed solve.
    public func ghoshResponse(to primaryInputChange: Matrix) throws -> Matrix {
        try requireCellRows(primaryInputChange, field: "primary-input change")
        // MODEL (8): Δx = Gᵀ·Δv, i.e. (I − B)ᵀ·Δx = Δv
        return try ghoshFactorization().solve(primaryInputChange, transpose: .transposed)
    }
}
