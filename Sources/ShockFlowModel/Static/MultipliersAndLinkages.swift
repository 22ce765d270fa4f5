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
    /// sides (1 and a_v) and one plain solve, both against the LU of I − A; no inverse is formed.
    public func multipliersAndLinkages() throws -> MultipliersAndLinkages {
        let n = cellCount
        let ones = [Double](repeating: 1, count: n)
        // MODEL (9): (I − A)ᵀ·[μ, w] = [1, a_v] gives μᵀ = 1ᵀL and wᵀ = a_vᵀL
        let leontiefColumnTotals = try leontiefFactorization.solve(
            Matrix(rows: n, columns: 2, columnMajor: ones + valueAddedCoefficients), transpose: .transposed)
        let outputMultipliers = leontiefColumnTotals.column(0)
        let ghoshRowSums = try ghoshRowSums()
        let result = MultipliersAndLinkages(
            outputMultipliers: outputMultipliers,
            valueAddedMultipliers: leontiefColumnTotals.column(1),
            backwardLinkages: rasmussenNormalized(outputMultipliers),
            forwardLinkages: rasmussenNormalized(ghoshRowSums))
        try result.requireFinite(describeCell: economy.describeCell)
        return result
    }
}

extension MultipliersAndLinkages {
    /// Throws `StaticModelError.nonFiniteResult` for the first NaN or infinite figure (a singular or
    /// badly ill-conditioned I − A gives such figures rather than an error from the solver).
    func requireFinite(describeCell: (Int) -> String) throws {
        let figures: [(quantity: String, values: [Double], system: String)] = [
            ("output multiplier", outputMultipliers, "I − A"), ("value-added multiplier", valueAddedMultipliers, "I − A"),
            ("backward linkage", backwardLinkages, "I − A"), ("forward linkage", forwardLinkages, "I − A (or I − B)"),
        ]
        for figure in figures {
            if let cell = figure.values.firstIndex(where: { !$0.isFinite }) {
                throw StaticModelError.nonFiniteResult(
                    quantity: figure.quantity, cell: describeCell(cell), value: figure.values[cell], system: figure.system)
            }
        }
    }
}

/// MODEL (10): divides each value by the mean of all n values (Rasmussen normalisation).
private func rasmussenNormalized(_ values: [Double]) -> [Double] {
    let mean = values.reduce(0, +) / Double(values.count)
    return values.map { $0 / mean }
}

extension InputOutputAnalysis {
    /// G·1 for the forward linkages (MODEL (10)).
    ///
    /// B = X⁻¹·A·X on the cells with output, so G = X⁻¹·L·X and G·1 = (L·x) ⊘ x: one solve with
    /// the LU of I − A already at hand, instead of forming B and factoring I − B. A zero-output
    /// cell has a zero row in B, so its row of G is e_i and its entry is 1. The similarity needs
    /// zero-output cells to have no sales or purchases in Z (as balance implies); otherwise G·1
    /// is solved against I − B itself.
    func ghoshRowSums() throws -> [Double] {
        let x = output
        let n = cellCount
        if zeroOutputCells.contains(where: { cell in
            (0..<n).contains { economy.intermediateFlows[cell, $0] != 0 || economy.intermediateFlows[$0, cell] != 0 }
        }) {
            return try ghoshFactorization().solve([Double](repeating: 1, count: n))
        }
        let leontiefOutput = try leontiefFactorization.solve(x)
        return (0..<n).map { x[$0] == 0 ? 1 : leontiefOutput[$0] / x[$0] }
    }
}

