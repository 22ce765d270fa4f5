import ShockFlowLinearAlgebra

extension ARIOLockstep {
    /// (A18–A21) The orders for the next day: the quantity of each product (A19) shared among its
    /// suppliers, G = Q ⊘ Z⁰_pᵀ·w′ (A20), and the orders each supplier receives,
    /// O·1 = w′ ∘ (Z⁰_p·G_p) (A21). `orderWeights` must hold w′ and `supplied` Z⁰_pᵀ·w′.
    mutating func placeOrders(optimal: Matrix) throws {
        let (R, S, N) = (regionCount, sectorCount, columnCount)
        for c in 0..<N { setOrderScales(optimal: optimal, column: c) }
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

    /// (A18–A20) G[p, j] = Q[p, j] / (Z⁰_pᵀ·w′)[j] (0 where that is 0) into `orderScales[p]` for
    /// column c, Q[p, j] = gap[p, j]/τ_INV + x_j·A_C[p, j], gap = (I* − I)₊ where the target
    /// I* = (x′_opt,j·A_C[p, j])·s_p is finite, and gap = 0 everywhere when the column's
    /// inventories are numpy-close to their targets.
    private mutating func setOrderScales(optimal: Matrix, column c: Int) {
        let (n, column, offset, shift) = (n, columns[c], c * n, (columnCount + c) * n)
        var close = true
        production.elements.withUnsafeBufferPointer { production in
            optimal.elements.withUnsafeBufferPointer { optimal in
                model.inputCoefficients.elements.withUnsafeBufferPointer { coefficients in
                    for p in 0..<sectorCount {
                        let (duration, rate) = (column.inventoryDuration[p], column.restorationRate[p])
                        inventories[p].elements.withUnsafeBufferPointer { inventory in
                            supplied[p].elements.withUnsafeBufferPointer { supplied in
                                orderScales[p].elements.withUnsafeMutableBufferPointer { scale in
                                    for j in 0..<n {
                                        let coefficient = coefficients[j + p * n]
                                        let target = (optimal[offset + j] * coefficient) * duration
                                        let level = inventory[offset + j]
                                        if close, !isCloseAsNumPy(level, target) { close = false }
                                        let gap = target.isFinite ? max(0, target - level) * rate : 0
                                        let total = supplied[shift + j]
                                        scale[offset + j] = total != 0 ? (gap + production[offset + j] * coefficient) / total : 0
                                    }
                                }
                            }
                        }
                    }
                    guard close else { return }
                    for p in 0..<sectorCount {
                        supplied[p].elements.withUnsafeBufferPointer { supplied in
                            orderScales[p].elements.withUnsafeMutableBufferPointer { scale in
                                for j in 0..<n {
                                    let total = supplied[shift + j]
                                    scale[offset + j] = total != 0 ? production[offset + j] * coefficients[j + p * n] / total : 0
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
