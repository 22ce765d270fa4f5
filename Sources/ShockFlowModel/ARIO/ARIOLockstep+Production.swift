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
                model.constrainingCoefficients.elements.withUnsafeBufferPointer { coefficients in
                    for p in 0..<sectorCount {
                        inventories[p].elements.withUnsafeBufferPointer { inventory in
                            for c in 0..<N {
                                let block = (c * n)..<((c + 1) * n)
                                Self.constrain(
                                    ratio: UnsafeMutableBufferPointer(rebasing: ratio[block]),
                                    inventory: UnsafeBufferPointer(rebasing: inventory[block]),
                                    optimal: UnsafeBufferPointer(rebasing: optimal[block]),
                                    coefficient: UnsafeBufferPointer(rebasing: coefficients[(p * n)..<((p + 1) * n)]),
                                    psi: columns[c].psi, duration: columns[c].constraintDuration[p], count: n)
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

    /// (A12) ratio_j ← min(ratio_j, I_j / C_j) where C_j = ((x_opt,j·A_C[p, j])·ψ)·s_p ≠ 0, for one product and
    /// column; `coefficient` is 0 where p does not count in j's constraint. Four industries at a time.
    private static func constrain(
        ratio: UnsafeMutableBufferPointer<Double>, inventory: UnsafeBufferPointer<Double>, optimal: UnsafeBufferPointer<Double>,
        coefficient: UnsafeBufferPointer<Double>, psi: Double, duration: Double, count: Int
    ) {
        typealias Lanes = ARIOLanes
        var j = 0
        while j + Lanes.Values.scalarCount <= count {
            let required = ((Lanes.load(optimal, j) * Lanes.load(coefficient, j)) * psi) * duration
            let (available, current) = (Lanes.load(inventory, j) / required, Lanes.load(ratio, j))
            Lanes.store(current.replacing(with: available, where: (available .< current) .& (required .!= 0)), ratio, j)
            j += Lanes.Values.scalarCount
        }
        while j < count {
            let required = ((optimal[j] * coefficient[j]) * psi) * duration
            if required != 0 { ratio[j] = min(ratio[j], inventory[j] / required) }
            j += 1
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
}
