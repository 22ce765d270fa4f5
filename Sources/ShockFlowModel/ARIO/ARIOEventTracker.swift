import ShockFlowLinearAlgebra

/// The state of one event in one scenario column, as BoARIO's `EventTracker` (simulation.py).
struct ARIOEventTracker: Sendable {
    enum Status: Sendable { case pending, happening, recovering, rebuilding, finished }

    let event: ARIOResolvedEvent
    var status: Status = .pending
    /// Capital destroyed and not yet recovered or rebuilt, by hit industry (`_indus_dmg`); nil once none is left.
    var capitalDamage: [Double]?
    /// Capacity share lost, by hit industry (`_prod_delta_from_arb`); nil once none is left.
    var capacityLoss: [Double]?
    /// Rebuilding demand not yet delivered, rebuilding industries × hit industries (`_distributed_reb_dem_indus`).
    var rebuildingDemand: Matrix?

    init(_ event: ARIOResolvedEvent) {
        self.event = event
        switch event.effect {
        case .capacityLoss: capacityLoss = event.impacts
        case .capitalDestruction: capitalDamage = event.impacts
        case .rebuilding(_, _, _, let demand):
            capitalDamage = event.impacts
            rebuildingDemand = demand
        }
    }

    /// (A6) Simulation._check_happening_events on day t: an event happens on its occurrence day and
    /// starts recovering, or rebuilding, `duration` days later.
    mutating func updateStatus(day t: Int) {
        if status == .pending, t - 1 <= event.occurrence, event.occurrence <= t { status = .happening }
        if status == .happening, t >= event.occurrence + event.duration {
            if case .rebuilding = event.effect { status = .rebuilding } else { status = .recovering }
        }
    }

    /// Whether the capital damage counts in the capital lost (`update_productive_capital_lost`).
    var destroysCapital: Bool { status == .happening || status == .rebuilding || status == .recovering }
    /// Whether the capacity loss counts (`update_prod_cap_delta_arb`).
    var limitsCapacity: Bool { status == .happening || status == .recovering }

    /// (A16) EventTracker.recover at the end of day t: the damage left by the recovery function,
    /// rounded as BoARIO rounds it; the event is finished when nothing is left.
    mutating func recover(day t: Int, damageDecimals: Int) {
        guard status == .recovering else { return }
        let elapsed = t - (event.occurrence + event.duration)
        switch event.effect {
        case .capitalDestruction(let recovery):
            if capitalDamage != nil {
                let left = event.impacts.map { roundedAsNumPy(recovery.remaining($0, elapsed: elapsed), decimals: damageDecimals) }
                capitalDamage = left.contains { $0 != 0 } ? left : nil
            }
        case .capacityLoss(let recovery):
            if capacityLoss != nil {
                let left = event.impacts.map { roundedAsNumPy(recovery.remaining($0, elapsed: elapsed), decimals: capacityLossDecimals) }
                capacityLoss = left.contains { $0 != 0 } ? left : nil
            }
        case .rebuilding:
            return
        }
        if capitalDamage == nil, capacityLoss == nil { status = .finished }
    }
}
