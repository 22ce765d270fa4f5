import ShockFlowLinearAlgebra

/// The orders of MODEL (13) before substitution, d(t) = (I − A)⁻¹·y(t), as one small product per
/// period instead of a triangular solve of every column. Final demand (24) of column j is
/// y_j(t) = (1+g_j)^t·(y_base + Σ_g (∏ factors of g's shocks − 1)·v_g) + Γ·ΔĪ_j(t), where v_g holds
/// the flows h·Y[i, k] of the final-demand entries one group of shocks scales. With L = (I − A)⁻¹,
/// d_j(t) = (1+g_j)^t·L·y_base + Σ_g (1+g_j)^t·(∏ − 1)·L·v_g + (L·Γ)·ΔĪ_j(t): the solves
/// [L·y_base | L·Γ] are made once per model (`PlanHorizonModel.fixedDemandOrders`), those of the
/// patterns v_g once per batch, and each period combines them with one gemm.
struct OrdersCombination {
    /// A group of final-demand entries scaled by the same shocks: the cells and their summed flows.
    struct Pattern: Hashable {
        var cells: [Int]
        var flows: [Double]
    }

    /// [L·y_base | L·Γ | L·v_1 … L·v_P] (n × (1 + R + P)).
    let solves: Matrix
    let regionCount: Int
    /// Per column: each group's pattern (an index into the v_g) and the shocks whose factors scale it.
    let groups: [[(pattern: Int, shocks: [Int])]]

    init(model: PlanHorizonModel, schedules: [ShockSchedule]) throws {
        let n = model.rationing.structure.cellCount
        var patterns: [Pattern: Int] = [:]
        var groups: [[(pattern: Int, shocks: [Int])]] = []
        for schedule in schedules {
            groups.append(
                schedule.finalDemandPatterns().map { shocks, pattern in
                    if let index = patterns[pattern] { return (index, shocks) }
                    patterns[pattern] = patterns.count
                    return (patterns.count - 1, shocks)
                })
        }
        let fixed = model.fixedDemandOrders
        var vectors = Matrix(rows: n, columns: patterns.count)
        for (pattern, column) in patterns {
            for (cell, flow) in zip(pattern.cells, pattern.flows) { vectors[cell, column] = flow }
        }
        let patternOrders = try model.rationing.factorization.solve(vectors)
        var solves = Matrix(rows: n, columns: fixed.columns + patterns.count)
        solves.elements.replaceSubrange(0..<fixed.elements.count, with: fixed.elements)
        solves.elements.replaceSubrange(fixed.elements.count..<solves.elements.count, with: patternOrders.elements)
        self.solves = solves
        self.regionCount = fixed.columns - 1
        self.groups = groups
    }

    /// The coefficients (1 + R + P rows) that `orders` combines the solves with, one column per scenario
    /// column, all zero until `setCoefficients` fills them.
    func coefficientMatrix() -> Matrix { Matrix(rows: solves.columns, columns: groups.count) }

    /// Column `column`'s coefficients in period t: (1+g)^t, ΔĪ(t) and (1+g)^t·(∏ factors − 1) per group.
    func setCoefficients(
        _ coefficients: inout Matrix, column: Int, grown: Double, investmentChange: Matrix, schedule: ShockSchedule,
        factors: [Double]
    ) {
        coefficients[0, column] = grown
        for region in 0..<regionCount { coefficients[1 + region, column] = investmentChange[region, column] }
        for group in groups[column] {
            coefficients[1 + regionCount + group.pattern, column] += grown * (schedule.combined(group.shocks, factors) - 1)
        }
    }

    /// d = [L·y_base | L·Γ | L·V]·coefficients (n×N).
    func orders(_ coefficients: Matrix) throws -> Matrix {
        try Matrix.product(solves, coefficients)
    }
}
