import ShockFlowLinearAlgebra

/// The state of N ARIO scenarios run in lockstep, column c being scenario c (docs/ario.md,
/// "Lockstep"). Industry vectors are n × N matrices; inventories and order scales are one n × N
/// matrix per product, so that the products with Z⁰ are BLAS matrix–matrix products over all
/// columns at once (A21).
///
/// The orders are never held as n × n matrices: an industry's order of product p from region r is
/// O[(r, p), j] = w_(r,p) · Z⁰[(r, p), j] · G[p, j] (A20), so the state keeps the supplier weights w
/// and the order scales G = Q ⊘ (Σ_r w_(r,p) Z⁰[(r, p), ·]).
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
    /// One n × 2N matrix per product: Z⁰_pᵀ·(x/D ∘ w) for the receipts (A14) in columns 0..<N, and
    /// Z⁰_pᵀ·w′ for the next orders' shares (A20) in columns N..<2N.
    var supplied: [Matrix]
    /// Scratch: the R × 2N supplier factors of one product, and Z⁰_p·G_p (R × N).
    var supplierFactors: Matrix
    var supplierTotals: Matrix
    /// Y⁰(t)·1: final demand of the day (A25), n × N.
    var finalDemand: Matrix
    /// The imported products some column's import shock cuts, ascending; their inputs are inventories (A26).
    let trackedImports: [Int]
    /// Iᵐ: inventories of the tracked imported products, one n × N matrix each (A27), (A30).
    var importInventories: [Matrix]
    /// Qᵐ: the imports of each tracked product ordered for the coming day, n × N each (A31).
    var importOrders: [Matrix]

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
            // (A5) the initial orders are Z⁰: w = 1, G = 1.
            intermediateDemand.setColumn(c, to: initialOrders)
        }
        carriedRebuildingDemand = Matrix(rows: n, columns: N)
        previousCapacityLoss = Matrix(rows: n, columns: N)
        orderWeights = Matrix(rows: n, columns: N, repeating: 1)
        orderScales = [Matrix](repeating: Matrix(rows: n, columns: N, repeating: 1), count: S)
        supplied = [Matrix](repeating: Matrix(rows: n, columns: 2 * N), count: S)
        supplierFactors = Matrix(rows: R, columns: 2 * N)
        supplierTotals = Matrix(rows: R, columns: N)
        finalDemand = Matrix(rows: n, columns: N)
        for c in 0..<N { finalDemand.setColumn(c, to: model.dailyFinalDemand) }
        trackedImports = columns.reduce(into: Set<Int>()) { $0.formUnion($1.shockedImports) }.sorted()
        (importInventories, importOrders) = Self.initialImports(model: model, columns: columns, tracked: trackedImports)
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
        updateFinalDemand(day: t)
        for c in 0..<columnCount {
            try applyEvents(column: c, day: t, capacityLoss: &capacityLoss, rebuilding: &rebuilding)
        }
        // (A8) D = O·1 + Y⁰·1 + rebuilding demand.
        let demand = totalDemand(rebuilding: rebuilding)
        // (A9) overproduction, from the third day on (BoARIO: current_temporal_unit > 1).
        if t > 1 { updateOverproduction(demand: demand) }
        // (A10) capacity (X⁰ ∘ (1 − Δ)) ∘ α.
        var capacity = capacityLoss
        for c in 0..<columnCount {
            for i in 0..<n {
                let index = i + c * n
                capacity.elements[index] = (model.dailyOutput[i] * (1 - capacity.elements[index])) * overproduction.elements[index]
            }
        }
        // (A11) x_opt = min(D, capacity).
        var optimal = try optimalProduction(demand: demand, capacity: capacity, day: t)
        produce(optimal: optimal)
        let newWeights = supplierWeights(capacity: capacity)
        try supplyProducts(demand: demand, newWeights: newWeights)
        // Imports, rebuilding and recovery neither read nor change the domestic inventories, so they
        // come before restocking, which then sets the orders' scales in the same pass.
        let importShortfall = try receiveImports(day: t)
        let carried = deliverRebuilding(demand: demand, rebuilding: rebuilding)
        for c in 0..<columnCount {
            for e in trackers[c].indices { trackers[c][e].recover(day: t, damageDecimals: columns[c].damageDecimals) }
        }
        // (A18) the orders are set for min(D′, capacity), D′ holding the rebuilding demand left undelivered.
        let demandLeft = totalDemand(rebuilding: carried)
        for index in optimal.elements.indices {
            optimal.elements[index] = min(demandLeft.elements[index], capacity.elements[index])
        }
        try restockAndScaleOrders(optimal: optimal, day: t)
        carriedRebuildingDemand = carried
        orderWeights = newWeights
        try placeOrders()
        placeImportOrders(optimal: optimal)
        return ARIODayRecord(
            day: t, production: production, capacity: capacity, overproduction: overproduction, totalDemand: demand,
            rebuildingDemand: rebuilding, capacityLoss: capacityLoss, finalDemand: finalDemand,
            inventory: try inventoryTotals(), importUse: try importUse(), importShortfall: importShortfall,
            importInventory: importInventoryTotals())
    }

    /// (A8) O·1 + Y⁰(t)·1 + the given rebuilding demand.
    private func totalDemand(rebuilding: Matrix) -> Matrix {
        var demand = intermediateDemand
        for index in demand.elements.indices {
            demand.elements[index] = (demand.elements[index] + finalDemand.elements[index]) + rebuilding.elements[index]
        }
        return demand
    }

    /// (A25) Y⁰(t)·1 = Y⁰·1 + Σ_k Y⁰[i, k]·(∏ factors on (i, k) − 1) for the columns with export or demand shocks.
    private mutating func updateFinalDemand(day t: Int) {
        for c in 0..<columnCount where columns[c].changesFinalDemand {
            var demand = model.dailyFinalDemand
            columns[c].shocks.addFinalDemandChange(factors: columns[c].shocks.factors(at: t), to: &demand)
            finalDemand.setColumn(c, to: demand)
        }
    }

    /// (A11) min(D, capacity); a negative value (a negative total demand) is an error.
    private func optimalProduction(demand: Matrix, capacity: Matrix, day t: Int) throws -> Matrix {
        var optimal = demand
        for index in optimal.elements.indices {
            let value = min(demand.elements[index], capacity.elements[index])
            if value < 0 {
                throw ARIOError.negativeDemand(
                    scenario: columns[index / n].name, day: t, industry: model.industryName(index % n), demand: value)
            }
            optimal.elements[index] = value
        }
        return optimal
    }
}

/// numpy's isclose(a, b) with its defaults (rtol 1e-5, atol 1e-8): |a − b| ≤ 1e-8 + 1e-5·|b| for
/// finite values, equality otherwise (∞ = ∞; NaN is never close).
@inline(__always)
func isCloseAsNumPy(_ a: Double, _ b: Double) -> Bool {
    // Without branches, so that loops over it vectorise: for finite a and b, a = b implies the
    // tolerance test; an infinite or NaN a fails the tolerance test; an infinite b is only close to itself.
    (a == b) || (abs(a - b) <= 1e-8 + 1e-5 * abs(b) && abs(b) < .infinity)
}
