import ShockFlowLinearAlgebra

extension ARIOLockstep {
    /// (A14), (A18)–(A20) in one pass over each product's n × N blocks, column blocks contiguous: the
    /// inventories take in the day's receipts R = G ∘ Z⁰_pᵀ·(x/D ∘ w) less the use U = x·A_C (unless every
    /// R of the column is numpy-close to its U), and the order scales become G = Q ⊘ Z⁰_pᵀ·w′ with
    /// Q = gap/τ_INV + x·A_C (A19). `supplied` must hold both products with Z⁰_pᵀ (`supplyProducts`) and
    /// `optimal` x′_opt (A18). A column whose inventories all end numpy-close to their targets orders no
    /// gap: its scales are set again without it.
    mutating func restockAndScaleOrders(optimal: Matrix, day t: Int) throws {
        let (n, N) = (n, columnCount)
        let restocking = receiptsMatchUse().map(!)
        var nearTarget = [Bool](repeating: true, count: N)
        var invalid = [(product: Int, industry: Int)?](repeating: nil, count: N)
        production.elements.withUnsafeBufferPointer { production in
            optimal.elements.withUnsafeBufferPointer { optimal in
                model.inputCoefficients.elements.withUnsafeBufferPointer { coefficients in
                    for p in 0..<sectorCount {
                        let coefficient = UnsafeBufferPointer(rebasing: coefficients[(p * n)..<((p + 1) * n)])
                        supplied[p].elements.withUnsafeBufferPointer { supplied in
                            inventories[p].elements.withUnsafeMutableBufferPointer { inventory in
                                orderScales[p].elements.withUnsafeMutableBufferPointer { scale in
                                    for c in 0..<N {
                                        let (rows, shifted) = ((c * n)..<((c + 1) * n), ((N + c) * n)..<((N + c + 1) * n))
                                        let block = ARIORestockingBlock(
                                            inventory: UnsafeMutableBufferPointer(rebasing: inventory[rows]),
                                            scale: UnsafeMutableBufferPointer(rebasing: scale[rows]),
                                            receipts: UnsafeBufferPointer(rebasing: supplied[rows]),
                                            suppliedWeights: UnsafeBufferPointer(rebasing: supplied[shifted]),
                                            production: UnsafeBufferPointer(rebasing: production[rows]),
                                            optimal: UnsafeBufferPointer(rebasing: optimal[rows]), coefficient: coefficient, count: n)
                                        let result = block.restockAndScale(
                                            restocking: restocking[c], duration: columns[c].inventoryDuration[p],
                                            rate: columns[c].restorationRate[p])
                                        if !result.nearTarget { nearTarget[c] = false }
                                        if let j = result.invalid, invalid[c] == nil { invalid[c] = (p, j) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if let c = (0..<N).first(where: { invalid[$0] != nil }), let (p, j) = invalid[c] {
            throw ARIOError.invalidInventory(
                scenario: columns[c].name, day: t, product: model.sectors[p].code, industry: model.industryName(j),
                value: inventories[p][j, c])
        }
        for c in 0..<N where nearTarget[c] { scaleOrdersWithoutGaps(column: c) }
    }

    /// (A14) For each column, whether every receipt R[p, j] = G[p, j]·(Z⁰_pᵀ·(x/D ∘ w))[j] is numpy-close
    /// to its use U[p, j] = x_j·A_C[p, j]; then that column's inventories stay as they are.
    private func receiptsMatchUse() -> [Bool] {
        let n = n
        return production.elements.withUnsafeBufferPointer { production in
            model.inputCoefficients.elements.withUnsafeBufferPointer { coefficients in
                (0..<columnCount).map { c in
                    (0..<sectorCount).allSatisfy { p in
                        supplied[p].elements.withUnsafeBufferPointer { supplied in
                            orderScales[p].elements.withUnsafeBufferPointer { scale in
                                let (offset, coefficient) = (c * n, p * n)
                                var far = 0
                                for j in 0..<n {
                                    let received = scale[offset + j] * supplied[offset + j]
                                    far += isCloseAsNumPy(received, production[offset + j] * coefficients[coefficient + j]) ? 0 : 1
                                }
                                return far == 0
                            }
                        }
                    }
                }
            }
        }
    }

    /// (A18)–(A20) with no gap: G[p, j] = x_j·A_C[p, j] / (Z⁰_pᵀ·w′)[j] (0 where that is 0) for column c.
    private mutating func scaleOrdersWithoutGaps(column c: Int) {
        let (n, offset, shift) = (n, c * n, (columnCount + c) * n)
        production.elements.withUnsafeBufferPointer { production in
            model.inputCoefficients.elements.withUnsafeBufferPointer { coefficients in
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

/// One product's n industries in one column: the contiguous slices the restocking pass reads and writes.
private struct ARIORestockingBlock {
    let inventory: UnsafeMutableBufferPointer<Double>
    let scale: UnsafeMutableBufferPointer<Double>
    /// (Z⁰_pᵀ·(x/D ∘ w)) and (Z⁰_pᵀ·w′) of the column.
    let receipts: UnsafeBufferPointer<Double>
    let suppliedWeights: UnsafeBufferPointer<Double>
    let production: UnsafeBufferPointer<Double>
    let optimal: UnsafeBufferPointer<Double>
    let coefficient: UnsafeBufferPointer<Double>
    let count: Int

    /// (A14) I ← (I − U) + G·(Z⁰_pᵀ·(x/D ∘ w)) when `restocking`; (A18)–(A20) G ← (gap·rate + U) / (Z⁰_pᵀ·w′)
    /// (0 where that is 0), gap = (I* − I)₊ where I* = (x′_opt·A_C)·s is finite. Returns whether every
    /// level is numpy-close to its target and, when restocking, the first industry whose level is negative or NaN.
    /// Four industries at a time in SIMD registers, with the same operations in the same order as `restockAndScale(at:)`.
    func restockAndScale(restocking: Bool, duration: Double, rate: Double) -> (nearTarget: Bool, invalid: Int?) {
        typealias Lanes = ARIOLanes
        let keep = Lanes.Mask(repeating: !restocking)
        var far = Lanes.Mask(repeating: false), bad = far
        var j = 0
        while j + Lanes.Values.scalarCount <= count {
            let used = Lanes.load(production, j) * Lanes.load(coefficient, j)
            let stocked = Lanes.load(inventory, j)
            let level = (stocked - used + Lanes.load(scale, j) * Lanes.load(receipts, j)).replacing(with: stocked, where: keep)
            Lanes.store(level, inventory, j)
            bad .|= (level .< 0) .| (level .!= level)
            let target = (Lanes.load(optimal, j) * Lanes.load(coefficient, j)) * duration
            let (difference, size) = (Lanes.magnitude(level - target), Lanes.magnitude(target))
            let finite = size .< .infinity
            far .|= .!((level .== target) .| ((difference .<= 1e-8 + 1e-5 * size) .& finite))
            let shortfall = target - level
            let gap = Lanes.Values.zero.replacing(with: shortfall * rate, where: (shortfall .>= 0) .& finite)
            let total = Lanes.load(suppliedWeights, j)
            Lanes.store(((gap + used) / total).replacing(with: 0, where: total .== 0), scale, j)
            j += Lanes.Values.scalarCount
        }
        var nearTarget = !any(far), anyInvalid = any(bad)
        while j < count {
            let (near, invalid) = restockAndScale(at: j, restocking: restocking, duration: duration, rate: rate)
            if !near { nearTarget = false }
            if invalid { anyInvalid = true }
            j += 1
        }
        let invalid = restocking && anyInvalid ? (0..<count).first { inventory[$0] < 0 || inventory[$0].isNaN } : nil
        return (nearTarget, invalid)
    }

    /// `restockAndScale` for industry j alone: whether its level is numpy-close to its target, and whether it is negative or NaN.
    @inline(__always)
    private func restockAndScale(at j: Int, restocking: Bool, duration: Double, rate: Double) -> (near: Bool, invalid: Bool) {
        let used = production[j] * coefficient[j]
        let level = restocking ? (inventory[j] - used) + scale[j] * receipts[j] : inventory[j]
        inventory[j] = level
        let target = (optimal[j] * coefficient[j]) * duration
        let gap = target.isFinite ? max(0, target - level) * rate : 0
        let total = suppliedWeights[j]
        scale[j] = total != 0 ? (gap + used) / total : 0
        return (isCloseAsNumPy(level, target), level < 0 || level.isNaN)
    }
}
