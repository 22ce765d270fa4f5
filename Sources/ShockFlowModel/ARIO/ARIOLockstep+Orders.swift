import ShockFlowLinearAlgebra

extension ARIOLockstep {
    /// (A21) The orders each supplier receives for the next day, O·1 = w′ ∘ (Z⁰_p·G_p).
    /// `orderWeights` must hold w′ and `orderScales` G (`restockAndScaleOrders`).
    mutating func placeOrders() throws {
        let (R, S, N) = (regionCount, sectorCount, columnCount)
        for p in 0..<S {
            try Matrix.gemm(model.dailyFlowsByProduct[p], orderScales[p], into: &supplierTotals)
            for c in 0..<N {
                for r in 0..<R {
                    let i = r * S + p
                    intermediateDemand[i, c] = orderWeights[i, c] * supplierTotals[r, c]
                }
            }
        }
    }
}
