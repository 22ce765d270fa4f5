import ShockFlowLinearAlgebra

extension ARIOLockstep {
    /// (A9) α += ((α_max − α)·ζ)/τ_α + ((α_base − α)·[ζ = 0])/τ_α, ζ = (D − x)/D the scarcity of the
    /// day before's production; α never below 1.
    mutating func updateOverproduction(demand: Matrix) {
        for c in 0..<columnCount {
            let column = columns[c]
            let offset = c * n
            for i in 0..<n {
                let (d, x, alpha) = (demand.elements[offset + i], production.elements[offset + i], overproduction.elements[offset + i])
                let scarcity = d != 0 ? (d - x) / d : 0
                let change =
                    ((column.alphaMax - alpha) * scarcity) * column.alphaRate
                    + ((column.alphaBase - alpha) * (scarcity == 0 ? 1 : 0)) * column.alphaRate
                let updated = alpha + change
                overproduction.elements[offset + i] = updated < 1 ? 1 : updated
            }
        }
    }

    /// (A12) x_j = x_opt,j · min(1, min over constraining products p of I[p, j] / C[p, j]),
    /// C[p, j] = ((x_opt,j · A_C[p, j]) · ψ) · s_p.
    mutating func produce(optimal: Matrix) {
        let (n, N) = (n, columnCount)
        var ratio = [Double](repeating: 1, count: n * N)
        ratio.withUnsafeMutableBufferPointer { ratio in
            optimal.elements.withUnsafeBufferPointer { optimal in
                model.inputCoefficients.elements.withUnsafeBufferPointer { coefficients in
                    model.constrainingInput.withUnsafeBufferPointer { constraining in
                        for p in 0..<sectorCount {
                            inventories[p].elements.withUnsafeBufferPointer { inventory in
                                for c in 0..<N {
                                    let (psi, duration, offset) = (columns[c].psi, columns[c].constraintDuration[p], c * n)
                                    for j in 0..<n where constraining[j + p * n] {
                                        let required = ((optimal[offset + j] * coefficients[j + p * n]) * psi) * duration
                                        if required != 0 { ratio[offset + j] = min(ratio[offset + j], inventory[offset + j] / required) }
                                    }
                                }
                            }
                        }
                    }
                }
                constrainByImports(optimal: optimal, ratio: ratio)
                production.elements.withUnsafeMutableBufferPointer { production in
                    for index in production.indices { production[index] = optimal[index] * ratio[index] }
                }
            }
        }
    }

    /// (A20) The weights of the next orders: w′ = capacity/X⁰ (1 where X⁰ = 0) for alt, 1 for noalt.
    func supplierWeights(capacity: Matrix) -> Matrix {
        var weights = Matrix(rows: n, columns: columnCount, repeating: 1)
        for c in 0..<columnCount where columns[c].usesCapacityWeights {
            for i in 0..<n where model.dailyOutput[i] != 0 {
                weights[i, c] = capacity[i, c] / model.dailyOutput[i]
            }
        }
        return weights
    }

    /// (A13, A14, A21) For each product p, one product Z⁰_pᵀ·[x/D ∘ w | w′] (n × 2N): the suppliers' sales
    /// to each buyer weighted by the share of its orders delivered (x/D, 0 where D = 0: (A13)) and by the
    /// weights w of the orders in force, and by the weights w′ of the next orders.
    mutating func supplyProducts(demand: Matrix, newWeights: Matrix) throws {
        let (R, S, N) = (regionCount, sectorCount, columnCount)
        for p in 0..<S {
            for c in 0..<N {
                for r in 0..<R {
                    let index = r * S + p + c * n
                    let d = demand.elements[index]
                    supplierFactors[r, c] = (d != 0 ? production.elements[index] / d : 0) * orderWeights.elements[index]
                    supplierFactors[r, N + c] = newWeights.elements[index]
                }
            }
            try Matrix.gemm(model.dailyFlowsByProduct[p], supplierFactors, transposeA: .transposed, into: &supplied[p])
        }
    }

    /// (A14) Received R[p, j] = G[p, j]·(Z⁰_pᵀ·(x/D ∘ w))[j], used U[p, j] = x_j·A_C[p, j]; the
    /// inventories of a column change by R − U unless every R is numpy-close to its U.
    mutating func restock(day t: Int) throws {
        let (n, N) = (n, columnCount)
        for c in 0..<N {
            let offset = c * n
            let close = production.elements.withUnsafeBufferPointer { production in
                model.inputCoefficients.elements.withUnsafeBufferPointer { coefficients in
                    (0..<sectorCount).allSatisfy { p in
                        supplied[p].elements.withUnsafeBufferPointer { supplied in
                            orderScales[p].elements.withUnsafeBufferPointer { scale in
                                (0..<n).allSatisfy { j in
                                    isCloseAsNumPy(scale[offset + j] * supplied[offset + j], production[offset + j] * coefficients[j + p * n])
                                }
                            }
                        }
                    }
                }
            }
            if close { continue }
            for p in 0..<sectorCount {
                if let j = updateInventory(product: p, column: c) {
                    throw ARIOError.invalidInventory(
                        scenario: columns[c].name, day: t, product: model.sectors[p].code, industry: model.industryName(j),
                        value: inventories[p][j, c])
                }
            }
        }
    }

    /// I ← (I − U) + R for product p in column c; the first industry whose inventory became negative or NaN.
    private mutating func updateInventory(product p: Int, column c: Int) -> Int? {
        let offset = c * n
        var invalid: Int?
        production.elements.withUnsafeBufferPointer { production in
            model.inputCoefficients.elements.withUnsafeBufferPointer { coefficients in
                supplied[p].elements.withUnsafeBufferPointer { supplied in
                    orderScales[p].elements.withUnsafeBufferPointer { scale in
                        inventories[p].elements.withUnsafeMutableBufferPointer { inventory in
                            for j in 0..<n {
                                let used = production[offset + j] * coefficients[j + p * n]
                                let level = (inventory[offset + j] - used) + scale[offset + j] * supplied[offset + j]
                                if invalid == nil, level < 0 || level.isNaN { invalid = j }
                                inventory[offset + j] = level
                            }
                        }
                    }
                }
            }
        }
        return invalid
    }
}
