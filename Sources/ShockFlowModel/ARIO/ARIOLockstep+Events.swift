import ShockFlowLinearAlgebra

extension ARIOLockstep {
    /// (A6, A7) Statuses on day t, then Δ = max(L ⊘ K, capacity loss of the day before) and the
    /// day's rebuilding demand, for column c.
    mutating func applyEvents(column c: Int, day t: Int, capacityLoss: inout Matrix, rebuilding: inout Matrix) throws {
        let column = columns[c]
        for e in trackers[c].indices { trackers[c][e].updateStatus(day: t) }
        // (A6) capital lost L: the damages of the events in force add up; capacity losses take the maximum.
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
        // (A7) each rebuilding event asks R_e/τ_e a day; with none rebuilding, the demand left
        // undelivered the day before stays in force.
        if anyRebuilding {
            var total = [Double](repeating: 0, count: n)
            for tracker in trackers[c] where tracker.status == .rebuilding {
                guard case .rebuilding(let tau, _, let rows, _) = tracker.event.effect, let remaining = tracker.rebuildingDemand else {
                    continue
                }
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

    /// (A15) Each rebuilding event receives x_i / D_i of its demand from industry i; what is left is
    /// rounded as BoARIO rounds it, and the event's capital damage is what is left to rebuild.
    /// Returns the rebuilding demand left undelivered (BoARIO's model.rebuild_demand − rebuild_prod).
    mutating func deliverRebuilding(demand: Matrix, rebuilding: Matrix) -> Matrix {
        var carried = rebuilding
        for index in carried.elements.indices {
            let d = demand.elements[index]
            let asked = rebuilding.elements[index]
            carried.elements[index] = asked - (d != 0 ? asked / d : 0) * production.elements[index]
        }
        for c in 0..<columnCount {
            for e in trackers[c].indices where trackers[c][e].status == .rebuilding {
                deliver(to: &trackers[c][e], column: c, demand: demand)
            }
        }
        return carried
    }

    private func deliver(to tracker: inout ARIOEventTracker, column c: Int, demand: Matrix) {
        guard case .rebuilding(let tau, let factor, let rows, _) = tracker.event.effect, var remaining = tracker.rebuildingDemand else {
            return
        }
        let (rate, decimals, offset) = (1 / Double(tau), columns[c].damageDecimals, c * n)
        var anyLeft = false
        for j in 0..<remaining.columns {
            for (k, i) in rows.enumerated() {
                let d = demand.elements[offset + i]
                let delivered = d != 0 ? ((remaining[k, j] * rate) / d) * production.elements[offset + i] : 0
                let left = max(0, roundedAsNumPy(remaining[k, j] - delivered, decimals: decimals))
                if left != 0 { anyLeft = true }
                remaining[k, j] = left
            }
        }
        if anyLeft {
            tracker.rebuildingDemand = remaining
            tracker.capitalDamage = (0..<remaining.columns).map { j in
                (0..<remaining.rows).reduce(0.0) { $0 + remaining[$1, j] } / factor
            }
        } else {
            tracker.rebuildingDemand = nil
            tracker.capitalDamage = nil
            tracker.status = .finished
        }
    }
}
