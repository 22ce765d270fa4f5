import ShockFlowLinearAlgebra

/// Per-cell multipliers and Rasmussen linkages (MODEL (9), (10)).
public struct MultipliersAndLinkages: Sendable, Equatable {
    /// μ_j = 1ᵀ·L·e_j: total output in all cells per unit of final demand for j.
    public let outputMultipliers: [Double]
    /// a_vᵀ·L·e_j: value added in all cells per unit of final demand for j.
    public let valueAddedMultipliers: [Double]
    /// BL_j = μ_j / (1ᵀ·L·1 / n): above 1 when j pulls more than the average cell on its suppliers.
    public let backwardLinkages: [Double]
    /// FL_i = (G·1)_i / (1ᵀ·G·1 / n): above 1 when i pushes more than the average cell to its buyers.
    public let forwardLinkages: [Double]
}

extension InputOutputAnalysis {
    /// Multipliers and linkages of every cell: one transposed solve with two right-hand
    /// sides (1 and a_v) against I − A, and one solve against I − B; no inverse is formed.
    public func multipliersAndLinkages() throws -> MultipliersAndLinkages {
        let n = cellCount
        let ones = [Double](repeating: 1, count: n)
        // MODEL (9): (I − A)ᵀ·[μ, w] = [1, a_v] gives μᵀ = 1ᵀL and wᵀ = a_vᵀL
        let leontiefColumnTotals = try leontiefFactorization.solve(
            Matrix(rows: n, columns: 2, columnMajor: ones + valueAddedCoefficients), transpose: .transposed)
        let outputMultipliers = leontiefColumnTotals.column(0)
        // MODEL (10): G·1 from (I − B)·g = 1
        let ghoshRowSums = try ghoshFactorization.solve(ones)
        return MultipliersAndLinkages(
            outputMultipliers: outputMultipliers,
            valueAddedMultipliers: leontiefColumnTotals.column(1),
            backwardLinkages: rasmussenNormalized(outputMultipliers),
            forwardLinkages: rasmussenNormalized(ghoshRowSums))
    }
}

/// MODEL (10): divides each value by the mean of all n values (Rasmussen normalisation).
private func rasmussenNormalized(_ values: [Double]) -> [Double] {
    let mean = values.reduce(0, +) / Double(values.count)
    return values.map { $0 / mean }
}
