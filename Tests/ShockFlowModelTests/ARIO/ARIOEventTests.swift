import ShockFlowLinearAlgebra
import ShockFlowModel
import Testing

/// How ARIO's events act (docs/ario.md (A6), "The day an event first shows") and what is refused.
@Suite struct ARIOEventTests {
    static func model() throws -> (ARIOModel, Economy) {
        let economy = try ARIOFixtureFolder("pymrio-test").economy()
        return (try ARIOModel(economy: economy), economy)
    }

    /// BoARIO's productive capital: 4 × (x − Zᵀ1) (A2).
    static func capital(_ economy: Economy, _ i: Int) throws -> Double {
        4 * (economy.grossOutput[i] - (try economy.intermediateFlows.columnSums())[i])
    }

    /// A destruction of capital lowers capacity on its occurrence day; a capacity loss one day later.
    @Test func theDayAnEventFirstShows() throws {
        let (model, economy) = try Self.model()
        let industry = economy.cellIndex(region: 0, sector: 2)
        let occurrence = 5
        let events = [
            ARIOEvent(id: "capital", kind: .capitalDestruction(recovery: ARIORecovery(tau: 30)), amount: 1e8, regions: [0], sectors: [2], occurrence: occurrence),
            ARIOEvent(id: "capacity", kind: .capacityLoss(recovery: ARIORecovery(tau: 30)), amount: 0.2, regions: [0], sectors: [2], occurrence: occurrence),
        ]
        var firstDay: [Int?] = [nil, nil]
        try model.run(events.map { ARIOScenario(name: $0.id, events: [$0]) }, days: 10) { record in
            for c in 0..<2 where firstDay[c] == nil && record.capacityLoss[industry, c] > 0 { firstDay[c] = record.day }
        }
        #expect(firstDay == [occurrence, occurrence + 1])
    }

    /// Capital destroyed by several events adds up; capacity losses combine by their maximum; the
    /// industry's loss is the larger of the two (A6).
    @Test func lossesAddUpAndCapacityLossesTakeTheMaximum() throws {
        let (model, economy) = try Self.model()
        let hit = economy.cellIndex(region: 0, sector: 2), other = economy.cellIndex(region: 1, sector: 0)
        let capital = try Self.capital(economy, hit)
        let recovery = ARIORecovery(.linear, tau: 50)
        func event(_ id: String, _ kind: ARIOEvent.Kind, _ amount: Double, _ region: Int, _ sector: Int, _ occurrence: Int) -> ARIOEvent {
            ARIOEvent(id: id, kind: kind, amount: amount, regions: [region], sectors: [sector], occurrence: occurrence, duration: 20)
        }
        let scenario = ARIOScenario(name: "overlapping", events: [
            event("capital 1", .capitalDestruction(recovery: recovery), 0.15 * capital, 0, 2, 3),
            event("capital 2", .capitalDestruction(recovery: recovery), 0.05 * capital, 0, 2, 4),
            event("capacity 1", .capacityLoss(recovery: recovery), 0.1, 0, 2, 3),
            event("capacity 2", .capacityLoss(recovery: recovery), 0.1, 1, 0, 3),
            event("capacity 3", .capacityLoss(recovery: recovery), 0.3, 1, 0, 4),
        ])
        var loss: (hit: Double, other: Double) = (0, 0)
        try model.run([scenario], days: 11) { record in
            if record.day == 10 { loss = (record.capacityLoss[hit, 0], record.capacityLoss[other, 0]) }
        }
        #expect(isClose(loss.hit, (0.15 * capital + 0.05 * capital) / capital, 1e-15))
        #expect(loss.other == 0.3)
    }

    /// Capital destroyed beyond an industry's capital is refused up front for one event and when
    /// events in force together exceed it.
    @Test func capitalLossBeyondCapital() throws {
        let (model, economy) = try Self.model()
        let capital = try Self.capital(economy, economy.cellIndex(region: 0, sector: 1))
        let recovery = ARIORecovery(tau: 10)
        let single = ARIOEvent(id: "too much", kind: .capitalDestruction(recovery: recovery), amount: 1.01 * capital, regions: [0], sectors: [1], occurrence: 2)
        #expect(throws: ARIOError.self) { try model.run([ARIOScenario(name: "one", events: [single])], days: 3) { _ in } }
        var half = single
        half.amount = 0.6 * capital
        var other = half
        other.occurrence = 3
        let together = ARIOScenario(name: "two", events: [half, other])
        do {
            try model.run([together], days: 5) { _ in }
            Issue.record("two events destroying 120 % of the capital were not refused")
        } catch ARIOError.capitalLossExceedsCapital(let scenario, let day, let industry, _, _) {
            #expect(scenario == "two" && day == 3 && industry == "reg1/mining")
        }
    }

    /// Parameters and events outside their ranges are refused, naming the field.
    @Test func refusals() throws {
        let (model, _) = try Self.model()
        let recovery = ARIORecovery(tau: 10)
        let base = ARIOEvent(id: "e", kind: .capacityLoss(recovery: recovery), amount: 0.5, regions: [0], sectors: [2], occurrence: 3)
        func parameters(_ change: (inout ARIOParameters) -> Void) -> ARIOScenario {
            var parameters = ARIOParameters()
            change(&parameters)
            return ARIOScenario(name: "s", parameters: parameters)
        }
        func event(_ change: (inout ARIOEvent) -> Void) -> ARIOScenario {
            var event = base
            change(&event)
            return ARIOScenario(name: "s", events: [event])
        }
        let refused: [(ARIOScenario, String)] = [
            (parameters { $0.psi = 1.5 }, "psi"),
            (parameters { $0.alphaTau = 0 }, "alpha_tau"),
            (parameters { $0.alphaMax = .nan }, "alpha_max"),
            (parameters { $0.inventoryRestorationTau = 0 }, "inventory_restoration_tau"),
            (parameters { $0.inventoryDays = -1 }, "inventory_days"),
            (parameters { $0.inventories = [9: .days(30)] }, "inventories"),
            (parameters { $0.capitalToValueAdded = [1: -2] }, "capital_to_value_added[mining]"),
            (parameters { $0.monetaryFactor = 0 }, "monetary_factor"),
            (event { $0.occurrence = 0 }, "occurrence"),
            (event { $0.duration = 0 }, "duration"),
            (event { $0.amount = 0 }, "amount"),
            (event { $0.amount = 1.5 }, "amount"),
            (event { $0.regions = [3] }, "regions"),
            (event { $0.sectors = [2, 2] }, "sectors"),
            (event { $0.regions = [0, 1]; $0.regionalDistribution = .weights([0: 1]) }, "regional_distribution"),
            (event { $0.sectors = [2, 3]; $0.sectoralDistribution = .weights([2: 0, 3: 0]) }, "sectoral_distribution"),
            (event { $0.kind = .capacityLoss(recovery: ARIORecovery(tau: 0)) }, "recovery_tau"),
            (event { $0.kind = .capitalDestructionWithRebuilding(ARIORebuilding(sectors: [4: 0.9])); $0.amount = 10 }, "rebuilding_sectors"),
            (event { $0.kind = .capitalDestructionWithRebuilding(ARIORebuilding(tau: 0, sectors: [4: 1])); $0.amount = 10 }, "rebuild_tau"),
            (event { $0.kind = .capitalDestructionWithRebuilding(ARIORebuilding(sectors: [4: 1], factor: 0)); $0.amount = 10 }, "rebuilding_factor"),
        ]
        for (scenario, field) in refused {
            do {
                try model.run([scenario], days: 2) { _ in }
                Issue.record("\(field): not refused")
            } catch ARIOError.invalidParameter(_, let refusedField, _, _), ARIOError.invalidEvent(_, _, let refusedField, _, _) {
                #expect(refusedField == field)
            }
        }
        #expect(throws: ARIOError.noScenarios) { try model.run([], days: 2) { _ in } }
        #expect(throws: ARIOError.invalidDays(0)) { try model.run([ARIOScenario(name: "s")], days: 0) { _ in } }
    }
}

private func isClose(_ a: Double, _ b: Double, _ relative: Double) -> Bool { abs(a - b) <= relative * abs(b) }
