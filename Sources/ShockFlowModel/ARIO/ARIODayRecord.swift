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
}

extension ARIOModel {
    /// Runs the scenarios for `days` days (0..<days) as the columns of n × N matrices, handing
    /// each day's record to `onDay` as soon as it is computed. Column c of every record is the
    /// run of `scenarios[c]`, the same as a run of that scenario alone.
    public func run(_ scenarios: [ARIOScenario], days: Int, onDay: (ARIODayRecord) throws -> Void) throws {
        guard !scenarios.isEmpty else { throw ARIOError.noScenarios }
        guard days >= 1 else { throw ARIOError.invalidDays(days) }
        let columns = try scenarios.map { try ARIOColumn(scenario: $0, model: self) }
        var state = ARIOLockstep(model: self, columns: columns)
        for day in 0..<days {
            try onDay(try state.step(day: day))
        }
    }

    /// Runs the scenarios and keeps each day's production (n × N).
    public func production(_ scenarios: [ARIOScenario], days: Int) throws -> [Matrix] {
        var production: [Matrix] = []
        production.reserveCapacity(days)
        try run(scenarios, days: days) { production.append($0.production) }
        return production
    }
}
