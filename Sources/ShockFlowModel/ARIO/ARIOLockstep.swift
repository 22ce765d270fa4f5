import ShockFlowLinearAlgebra

/// The state of N ARIO scenarios run in lockstep, column c being scenario c (docs/ario.md,
/// "Lockstep"). Industry vectors are n × N matrices; inventories and order shares are one n × N
/// matrix per product, so that the products with Z⁰ are BLAS matrix–matrix products over all
/// columns at once (A21).
///
/// The orders are never held as n × n matrices: an industry's order of product p from region r is
/// O[(r, p), j] = w_(r,p) · Z⁰[(r, p), j] · G[p, j] (A20), so the state keeps the supplier weights w
/// and the order scale G = Q ⊘ (Σ_r w_(r,p) Z⁰[(r, p), ·]).
struct ARIOLockstep {
    let model: ARIOModel
    let columns: [ARIOColumn]
    let n: Int, regionCount: Int, sectorCount: Int, columnCount: Int
    var trackers: [[ARIOEventTracker]]

    /// x: production of the last day computed (X⁰ before day 0).
    var production: Matrix
    /// α (A9).
    var overproduction: Matrix
    /// O·1: the orders each industry has received for the coming day (A20).
    var intermediateDemand: Matrix
    /// The rebuilding demand left after the last delivery (BoARIO's model.rebuild_demand after
    /// distribute_production); it is the next day's rebuilding demand when no event is rebuilding (A7).
    var carriedRebuildingDemand: Matrix
    /// The maximum capacity loss of the capacity-loss events as of the previous day (A6).
    var previousCapacityLoss: Matrix
    /// w of the orders in force (A20).
    var orderWeights: Matrix
    /// I: inventories, one n × N matrix per product (A4, A14).
    var inventories: [Matrix]
    /// G: order scales, one n × N matrix per product (A20).
    var orderScales: [Matrix]
    /// Scratch, one n × N matrix per product: receipts (A14), then Σ_r w Z⁰ (A20).
    var received: [Matrix]
    /// Scratch R × N: the supplier factors of one product; the products of one product's suppliers.
    var supplierFactors: Matrix
    var supplierTotals: Matrix

    init(model: ARIOModel, columns: [ARIOColumn]) {
        let (n, R, S, N) = (model.industryCount, model.regionCount, model.sectorCount, columns.count)
        self.model = model
        self.columns = columns
        (self.n, regionCount, sectorCount, columnCount) = (n, R, S, N)
        trackers = columns.map { $0.events.map(ARIOEventTracker.init) }
        production = Matrix(rows: n, columns: N)
        overproduction = Matrix(rows: n, columns: N)
        var initialOrders = [Double](repeating: 0, count: n)
        for p in 0..<S {
            let block = model.dailyFlowsByProduct[p]
            for j in 0..<n {
                for r in 0..<R { initialOrders[r * S + p] += block[r, j] }
            }
        }
        intermediateDemand = Matrix(rows: n, columns: N)
        for (c, column) in columns.enumerated() {
            production.setColumn(c, to: model.dailyOutput)
            overproduction.setColumn(c, to: [Double](repeating: column.alphaBase, count: n))
            // (A5) the initial orders are Z⁰.
            intermediateDemand.setColumn(c, to: initialOrders)
        }
        carriedRebuildingDemand = Matrix(rows: n, columns: N)
        previousCapacityLoss = Matrix(rows: n, columns: N)
        orderWeights = Matrix(rows: n, columns: N, repeating: 1)
        orderScales = [Matrix](repeating: Matrix(rows: n, columns: N, repeating: 1), count: S)
        received = [Matrix](repeating: Matrix(rows: n, columns: N), count: S)
        supplierFactors = Matrix(rows: R, columns: N)
        supplierTotals = Matrix(rows: R, columns: N)
        // (A4) I⁰[p, j] = (X⁰_j · A_C[p, j]) · s_p; ∞ for an infinite inventory (BoARIO's nan_to_num).
        inventories = (0..<S).map { p in
            var inventory = Matrix(rows: n, columns: N)
            for (c, column) in columns.enumerated() {
                for j in 0..<n {
                    let level = (model.dailyOutput[j] * model.inputCoefficients[j, p]) * column.inventoryDuration[p]
                    inventory[j, c] = level.isNaN ? .infinity : level
                }
            }
            return inventory
        }
    }

    /// One day in BoARIO's order (Simulation.next_step): events, overproduction, production,
    /// distribution and restocking, rebuilding and recovery, then the orders for the next day.
    mutating func step(day t: Int) throws -> ARIODayRecord {
        var capacityLoss = Matrix(rows: n, columns: columnCount)
        var rebuilding = Matrix(rows: n, columns: columnCount)
        for c in 0..<columnCount {
            try applyEvents(column: c, day: t, capacityLoss: &capacityLoss, rebuilding: &rebuilding)
        }
        // (A8) D = O·1 + Y⁰·1 + rebuilding demand.
        var demand = intermediateDemand
        for c in 0..<columnCount {
            demand.withMutableColumn(c) { demand in
                rebuilding.withColumn(c) { rebuilding in
                    for i in 0..<n { demand[i] = (demand[i] + model.dailyFinalDemand[i]) + rebuilding[i] }
                }
            }
        }
        // (A9) overproduction, from the third day on (BoARIO: current_temporal_unit > 1).
        if t > 1 { updateOverproduction(demand: demand) }
        // (A10) capacity X⁰·(1 − Δ)·α.
        var capacity = Matrix(rows: n, columns: columnCount)
        for index in capacity.elements.indices {
            let i = index % n
            capacity.elements[index] = (model.dailyOutput[i] * (1 - capacityLoss.elements[index])) * overproduction.elements[index]
        }
        // (A11) x_opt = min(D, capacity).
        var optimal = Matrix(rows: n, columns: columnCount)
        for index in optimal.elements.indices {
            let value = min(demand.elements[index], capacity.elements[index])
            if value < 0 {
                let (i, c) = (index % n, index / n)
                throw ARIOError.negativeDemand(scenario: columns[c].name, day: t, industry: model.industryName(i), demand: value)
            }
            optimal.elements[index] = value
        }
        produce(optimal: optimal)
        try restock(demand: demand, day: t)
        let carried = deliverRebuilding(demand: demand, rebuilding: rebuilding)
        for c in 0..<columnCount {
            for e in trackers[c].indices { trackers[c][e].recover(day: t, damageDecimals: columns[c].damageDecimals) }
        }
        // (A18) the orders are set for min(D′, capacity), D′ holding the rebuilding demand left undelivered.
        var demandLeft = intermediateDemand
        for index in demandLeft.elements.indices {
            let i = index % n
            demandLeft.elements[index] = (demandLeft.elements[index] + model.dailyFinalDemand[i]) + carried.elements[index]
            optimal.elements[index] = min(demandLeft.elements[index], capacity.elements[index])
        }
        carriedRebuildingDemand = carried
        try placeOrders(optimal: optimal, capacity: capacity)
        return ARIODayRecord(
            day: t, production: production, capacity: capacity, overproduction: overproduction, totalDemand: demand,
            rebuildingDemand: rebuilding, capacityLoss: capacityLoss)
    }

    // MARK: - Events (A6, A7)

    /// Statuses on day t, then Δ = max(L ⊘ K, capacity loss of the day before) and the rebuilding demand.
    private mutating func applyEvents(column c: Int, day t: Int, capacityLoss: inout Matrix, rebuilding: inout Matrix) throws {
        let column = columns[c]
        for e in trackers[c].indices { trackers[c][e].updateStatus(day: t) }
        // (A6) capital lost L: the damages of the events in force add up.
        var lost = [Double](repeating: 0, count: n)
        var currentLoss = [Double](repeating: 0, count: n)
        var anyRebuilding = false
        for tracker in trackers[c] {
            if tracker.destroysCapital, let damage = tracker.capitalDamage {
                for (k, i) in tracker.event.industries.enumerated() { lost[i] += damage[k] }
            }
            if tracker.limitsCapacity, let loss = tracker.capacityLoss {
                for (k, i) in tracker.event.industries.enumerated() { currentLoss[i] = max(currentLoss[i], loss[k]) }
            }
            if tracker.status == .rebuilding { anyRebuilding = true }
        }
        for i in 0..<n where lost[i] > column.capital[i] {
            throw ARIOError.capitalLossExceedsCapital(
                scenario: column.name, day: t, industry: model.industryName(i), loss: lost[i], capital: column.capital[i])
        }
        // BoARIO updates the total loss before it takes in the day's capacity-loss events, so those act one day late.
        previousCapacityLoss.withColumn(c) { previous in
            capacityLoss.withMutableColumn(c) { loss in
                for i in 0..<n {
                    let capitalShare = column.capital[i] != 0 ? lost[i] / column.capital[i] : 0
                    loss[i] = max(capitalShare, previous[i])
                }
            }
        }
        previousCapacityLoss.setColumn(c, to: currentLoss)
        // (A7) rebuilding demand: each rebuilding event asks D_e / τ_e a day; with none rebuilding, the
        // demand left undelivered the day before stays in force.
        if anyRebuilding {
            var total = [Double](repeating: 0, count: n)
            for tracker in trackers[c] where tracker.status == .rebuilding {
                guard case .rebuilding(let tau, _, let rows, _) = tracker.event.effect, let remaining = tracker.rebuildingDemand else { continue }
                let rate = 1 / Double(tau)
                for (k, i) in rows.enumerated() {
                    var rowTotal = 0.0
                    for j in 0..<remaining.columns { rowTotal += remaining[k, j] * rate }
                    total[i] += rowTotal
                }
            }
            rebuilding.setColumn(c, to: total)
        } else {
            rebuilding.setColumn(c, to: carriedRebuildingDemand.column(c))
        }
    }

    // MARK: - Overproduction (A9)

    /// α += ((α_max − α)·σ)/τ_α + ((α_base − α)·[σ = 0])/τ_α, σ = (D − x)/D the scarcity of the day
    /// before's production; α never below 1.
    private mutating func updateOverproduction(demand: Matrix) {
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

    // MARK: - Production (A12)

    /// x_j = x_opt,j · min(1, min over constraining products p of I[p, j] / C[p, j]),
    /// C[p, j] = ((x_opt,j · A_C[p, j]) · ψ) · s_p.
    private mutating func produce(optimal: Matrix) {
        var ratio = Matrix(rows: n, columns: columnCount, repeating: 1)
        let coefficients = model.inputCoefficients
        for p in 0..<sectorCount {
            let inventory = inventories[p]
            for c in 0..<columnCount {
                let column = columns[c]
                let duration = column.constraintDuration[p]
                let offset = c * n
                for j in 0..<n where model.constrainingInput[j + p * n] {
                    let required = ((optimal.elements[offset + j] * coefficients[j, p]) * column.psi) * duration
                    if required != 0 {
                        let share = inventory.elements[offset + j] / required
                        if share < ratio.elements[offset + j] { ratio.elements[offset + j] = share }
                    }
                }
            }
        }
        for index in production.elements.indices {
            production.elements[index] = optimal.elements[index] * ratio.elements[index]
        }
    }

    // MARK: - Distribution and restocking (A13, A14)

    /// Every buyer of i gets the share x_i / D_i of its order; the inventories change by what is
    /// received minus what production used, unless the two are numpy-allclose everywhere.
    private mutating func restock(demand: Matrix, day t: Int) throws {
        var share = Matrix(rows: n, columns: columnCount)
        for index in share.elements.indices {
            let d = demand.elements[index]
            share.elements[index] = d != 0 ? production.elements[index] / d : 0
        }
        // (A14) receipts R[p, j] = G[p, j] · Σ_r (x/D · w)_(r,p) Z⁰[(r, p), j]: one product Z_pᵀ·F_p per product.
        for p in 0..<sectorCount {
            gatherSuppliers(of: p, from: share, times: orderWeights)
            try Matrix.gemm(model.dailyFlowsByProduct[p], supplierFactors, transposeA: .transposed, into: &received[p])
            let scale = orderScales[p]
            received[p].elements.withUnsafeMutableBufferPointer { receipts in
                for index in receipts.indices { receipts[index] *= scale.elements[index] }
            }
        }
        let coefficients = model.inputCoefficients
        for c in 0..<columnCount {
            let offset = c * n
            var close = true
            for p in 0..<sectorCount where close {
                let receipts = received[p]
                for j in 0..<n {
                    let used = production.elements[offset + j] * coefficients[j, p]
                    if !isCloseAsNumPy(receipts.elements[offset + j], used) { close = false; break }
                }
            }
            if close { continue }
            for p in 0..<sectorCount {
                let receipts = received[p]
                try inventories[p].withMutableColumn(c) { inventory in
                    for j in 0..<n {
                        let used = production.elements[offset + j] * coefficients[j, p]
                        let level = (inventory[j] - used) + receipts.elements[offset + j]
                        if level < 0 || level.isNaN {
                            throw ARIOError.invalidInventory(
                                scenario: columns[c].name, day: t, product: model.sectors[p].code,
                                industry: model.industryName(j), value: level)
                        }
                        inventory[j] = level
                    }
                }
            }
        }
    }

    /// supplierFactors[r, c] = a[(r, p), c] · b[(r, p), c] (a alone without b).
    private mutating func gatherSuppliers(of p: Int, from a: Matrix, times b: Matrix? = nil) {
        for c in 0..<columnCount {
            for r in 0..<regionCount {
                let index = r * sectorCount + p + c * n
                supplierFactors[r, c] = b.map { a.elements[index] * $0.elements[index] } ?? a.elements[index]
            }
        }
    }

    // MARK: - Rebuilding (A15)

    /// Each rebuilding event receives x_i / D_i of its demand from industry i; what is left is
    /// rounded as BoARIO rounds it, and the event's capital damage is what is left to rebuild.
    /// Returns the rebuilding demand left undelivered (BoARIO's model.rebuild_demand − rebuild_prod).
    private mutating func deliverRebuilding(demand: Matrix, rebuilding: Matrix) -> Matrix {
        var carried = rebuilding
        for index in carried.elements.indices {
            let d = demand.elements[index]
            let asked = rebuilding.elements[index]
            carried.elements[index] = asked - (d != 0 ? asked / d : 0) * production.elements[index]
        }
        for c in 0..<columnCount {
            let decimals = columns[c].damageDecimals
            let offset = c * n
            for e in trackers[c].indices where trackers[c][e].status == .rebuilding {
                guard case .rebuilding(let tau, let factor, let rows, _) = trackers[c][e].event.effect,
                    var remaining = trackers[c][e].rebuildingDemand
                else { continue }
                let rate = 1 / Double(tau)
                var anyLeft = false
                for j in 0..<remaining.columns {
                    for (k, i) in rows.enumerated() {
                        let d = demand.elements[offset + i]
                        let delivered = d != 0 ? ((remaining[k, j] * rate) / d) * production.elements[offset + i] : 0
                        var left = roundedAsNumPy(remaining[k, j] - delivered, decimals: decimals)
                        if left < 0 { left = 0 }
                        if left != 0 { anyLeft = true }
                        remaining[k, j] = left
                    }
                }
                if anyLeft {
                    let damage = (0..<remaining.columns).map { j in
                        (0..<remaining.rows).reduce(0.0) { $0 + remaining[$1, j] } / factor
                    }
                    trackers[c][e].rebuildingDemand = remaining
                    trackers[c][e].capitalDamage = damage
                } else {
                    trackers[c][e].rebuildingDemand = nil
                    trackers[c][e].capitalDamage = nil
                    trackers[c][e].status = .finished
                }
            }
        }
        return carried
    }

    // MARK: - Orders (A18–A20)

    /// Q[p, j] = gap[p, j]/τ_INV + x_j·A_C[p, j], gap = max(0, x_opt′,j·A_C[p, j]·s_p − I[p, j]) (0 when
    /// the inventories are numpy-allclose to their targets); shared among the suppliers of p in
    /// proportion to w·Z⁰, w = capacity/X⁰ (alt) or 1 (noalt).
    private mutating func placeOrders(optimal: Matrix, capacity: Matrix) throws {
        let coefficients = model.inputCoefficients
        for c in 0..<columnCount {
            let column = columns[c]
            let offset = c * n
            var close = true
            for p in 0..<sectorCount where close {
                let inventory = inventories[p]
                for j in 0..<n {
                    let target = (optimal.elements[offset + j] * coefficients[j, p]) * column.inventoryDuration[p]
                    if !isCloseAsNumPy(inventory.elements[offset + j], target) { close = false; break }
                }
            }
            for p in 0..<sectorCount {
                let inventory = inventories[p]
                let rate = column.restorationRate[p]
                let duration = column.inventoryDuration[p]
                orderScales[p].withMutableColumn(c) { quantity in
                    for j in 0..<n {
                        let used = production.elements[offset + j] * coefficients[j, p]
                        var gap = 0.0
                        if !close {
                            let target = (optimal.elements[offset + j] * coefficients[j, p]) * duration
                            if target.isFinite { gap = max(0, target - inventory.elements[offset + j]) * rate }
                        }
                        quantity[j] = gap + used
                    }
                }
            }
        }
        // (A20) w = capacity / X⁰ (1 where X⁰ = 0) for alt, 1 for noalt.
        for c in 0..<columnCount {
            let weighted = columns[c].usesCapacityWeights
            orderWeights.withMutableColumn(c) { weights in
                for i in 0..<n {
                    let output = model.dailyOutput[i]
                    weights[i] = weighted && output != 0 ? capacity.elements[i + c * n] / output : 1
                }
            }
        }
        // (A21) per product: S_p = Z_pᵀ·W_p (n × N), G = Q ⊘ S_p, then O·1 for its suppliers = w ∘ (Z_p·G).
        for p in 0..<sectorCount {
            gatherSuppliers(of: p, from: orderWeights)
            try Matrix.gemm(model.dailyFlowsByProduct[p], supplierFactors, transposeA: .transposed, into: &received[p])
            let supplied = received[p]
            orderScales[p].elements.withUnsafeMutableBufferPointer { scale in
                for index in scale.indices {
                    let total = supplied.elements[index]
                    scale[index] = total != 0 ? scale[index] / total : 0
                }
            }
            try Matrix.gemm(model.dailyFlowsByProduct[p], orderScales[p], into: &supplierTotals)
            for c in 0..<columnCount {
                for r in 0..<regionCount {
                    let i = r * sectorCount + p
                    intermediateDemand[i, c] = orderWeights[i, c] * supplierTotals[r, c]
                }
            }
        }
    }
}

/// numpy's isclose(a, b) with its defaults (rtol 1e-5, atol 1e-8): |a − b| ≤ 1e-8 + 1e-5·|b| for
/// finite values, equality otherwise (∞ = ∞; NaN is never close).
@inline(__always)
func isCloseAsNumPy(_ a: Double, _ b: Double) -> Bool {
    if a.isFinite && b.isFinite { return abs(a - b) <= 1e-8 + 1e-5 * abs(b) }
    return a == b
}
