import ShockFlowLinearAlgebra
import ShockFlowModel
import Testing

/// N ARIO scenarios run as the N columns of one batch equal the N scenarios run alone, and an
/// economy without events stays where it started.
@Suite struct ARIOLockstepTests {
    /// The six BoARIO cases (different parameters, order types, inventories and events) and one
    /// without events, in one batch and one by one: 1e-12 relative in every recorded quantity.
    @Test func batchEqualsSingleRuns() throws {
        let folder = try ARIOFixtureFolder("pymrio-test")
        let economy = try folder.economy()
        let model = try ARIOModel(economy: economy)
        let (regions, sectors) = (economy.regions.map(\.code), economy.sectors.map(\.code))
        let scenarios = try folder.cases().map { try $0.scenario(regions: regions, sectors: sectors) } + [ARIOScenario(name: "no events")]
        let days = 120
        var batch: [ARIODayRecord] = []
        try model.run(scenarios, days: days) { batch.append($0) }
        var worst = 0.0
        for (c, scenario) in scenarios.enumerated() {
            try model.run([scenario], days: days) { single in
                let together = batch[single.day]
                for (a, b) in [
                    (together.production, single.production), (together.capacity, single.capacity),
                    (together.overproduction, single.overproduction), (together.totalDemand, single.totalDemand),
                    (together.rebuildingDemand, single.rebuildingDemand), (together.capacityLoss, single.capacityLoss),
                ] {
                    for i in 0..<b.rows {
                        let deviation = abs(a[i, c] - b[i, 0]) / max(abs(b[i, 0]), 1e-300)
                        worst = max(worst, a[i, c] == b[i, 0] ? 0 : deviation)
                    }
                }
            }
        }
        #expect(worst <= 1e-12, "largest relative difference between a column of the batch and its run alone: \(worst)")
    }

    /// With no events, production, capacity and demand stay at the initial daily output and
    /// overproduction at 1, to 1e-12 relative, over a year (the table is balanced: x = Z·1 + Y·1).
    @Test func noEventsStaysAtInitialOutput() throws {
        let folder = try ARIOFixtureFolder("pymrio-test")
        let model = try ARIOModel(economy: try folder.economy())
        let initial = model.dailyOutput
        var worst = 0.0
        try model.run([ARIOScenario(name: "no events"), ARIOScenario(name: "noalt", parameters: ARIOParameters(orderType: .noalt))], days: 365) { record in
            for c in 0..<2 {
                for i in initial.indices {
                    for value in [record.production[i, c], record.capacity[i, c], record.totalDemand[i, c]] {
                        worst = max(worst, abs(value - initial[i]) / initial[i])
                    }
                    worst = max(worst, abs(record.overproduction[i, c] - 1))
                }
            }
        }
        #expect(worst <= 1e-12, "largest relative departure from the initial state: \(worst)")
    }
}
