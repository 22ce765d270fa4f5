import ShockFlowLinearAlgebra

/// What one day of an ARIO run gives, for every scenario column (n × N, industries × scenarios).
public struct ARIODayRecord: Sendable {
    /// Days count from 0 (BoARIO's step index); the event with occurrence o happens on day o.
    public let day: Int
    /// x(t): production realised (BoARIO's production_realised) (A12).
    public let production: Matrix
    /// Production capacity X⁰·(1 − Δ)·α (production_capacity) (A10).
    public let capacity: Matrix
    /// α(t) (overproduction) (A9).
    public let overproduction: Matrix
    /// D(t): orders received, final demand and rebuilding demand (A8).
    public let totalDemand: Matrix
    /// The rebuilding demand in D(t) (A7).
    public let rebuildingDemand: Matrix
    /// Δ(t): the share of capacity lost to the events (A6).
    public let capacityLoss: Matrix
    /// Y⁰(t)·1: final demand of the day, after export and demand shocks (A25).
    public let finalDemand: Matrix
    /// Σ_p I[p, j] over the finite inventories of domestic inputs, plus Σ_p Iᵐ[p, j] of the imported
    /// inputs held (A14), (A30), after the day's restocking.
    public let inventory: Matrix
    /// P × N: imported inputs used, Σ_j Aᵐ[p, j]·x_j (A26).
    public let importUse: Matrix
    /// P × N: imports ordered and not delivered, (1 − φ_p(t))·Σ_j Qᵐ[p, j] (A29).
    public let importShortfall: Matrix
    /// P × N: Σ_j Iᵐ[p, j], the inventories of imported inputs held (A30); 0 for products not held.
    public let importInventory: Matrix
}

extension ARIOModel {
    /// Runs the scenarios for `days` days (0..<days) as the columns of n × N matrices, handing
    /// each day's record to `onDay` as soon as it is computed. Column c of every record is the
    /// run of `scenarios[c]`, the same as a run of that scenario alone.
    public func run(_ scenarios: [ARIOScenario], days: Int, onDay: (ARIODayRecord) throws -> Void) throws {
        guard !scenarios.isEmpty else { throw ARIOError.noScenarios }
        guard days >= 1 else { throw ARIOError.invalidDays(days) }
        let columns = try scenarios.map { try ARIOColumn(scenario: $0, model: self, days: days) }
        var state = ARIOLockstep(model: self, columns: columns)
        for day in 0..<days {
            try onDay(try state.step(day: day))
        }
    }

    /// Checks the scenarios' parameters and events against the economy (what `run` checks before its
    /// first day), without running them.
    public func check(_ scenarios: [ARIOScenario], days: Int) throws {
        for scenario in scenarios { _ = try ARIOColumn(scenario: scenario, model: self, days: days) }
    }

    /// Runs the scenarios and keeps each day's production (n × N).
    public func production(_ scenarios: [ARIOScenario], days: Int) throws -> [Matrix] {
        var production: [Matrix] = []
        production.reserveCapacity(days)
        try run(scenarios, days: days) { production.append($0.production) }
        return production
    }
}
