import Foundation
import ShockFlowFormats
import ShockFlowModel
import Testing

/// The ario model's scenario syntax (issue 15 §2): every field of the table resolved to
/// BoARIO's parameters and events, and one clear problem for each misuse.
@Suite struct ScenarioARIOTests {
    typealias Support = ScenarioTestSupport

    /// Test economy: regions BJ, ZJ, SH (0–2), sectors 01, 16, 20, 31 (0–3), imported products 01, 20 (0–1).
    @Test func everyFieldResolvesToBoARIOsParameters() throws {
        let scenario = try #require(Support.resolve(fixture: "good/ario.yaml"))
        let settings = try #require(scenario.model.arioSettings)
        #expect(scenario.horizon.periods == 365)
        #expect(scenario.horizon.periodYears == 1.0 / 365)
        #expect(
            settings.parameters
                == ARIOParameters(
                    orderType: .noalt, alphaBase: 1, alphaMax: 1.1, alphaTau: 100, rebuildTau: 30, inventoryDays: 60, psi: 0.9,
                    inventoryRestorationTau: 20, inventories: [3: .infinite, 0: .days(10)], importInventories: [1: .days(45)],
                    capitalToValueAdded: [3: 2.5], monetaryFactor: 10000))
        #expect(settings.every == 7)
        #expect(settings.metrics == [.output, .valueAdded, .inventory])  // catalog order, not the order written
        #expect(settings.events.count == 3)
        // A capacity shock: share × magnitude lost in each cell hit (BoARIO's capacity loss, one impact per industry).
        #expect(
            settings.events[0]
                == ARIOEvent(
                    id: "plant", kind: .capacityLoss(recovery: ARIORecovery(.linear, tau: 60)), amount: 0.5, regions: [1], sectors: [2],
                    regionalDistribution: .each, sectoralDistribution: .each, occurrence: 5, duration: 30))
        #expect(
            settings.events[1]
                == ARIOEvent(
                    id: "flood",
                    kind: .capitalDestructionWithRebuilding(ARIORebuilding(tau: 60, sectors: [3: 0.55, 1: 0.45], factor: 1)),
                    amount: 500, regions: [1, 2], sectors: [1, 2], regionalDistribution: .weights([1: 3, 2: 1]),
                    sectoralDistribution: .valueAdded, occurrence: 1, duration: 20))
        #expect(
            settings.events[2]
                == ARIOEvent(
                    id: "quake", kind: .capitalDestruction(recovery: ARIORecovery(.concave, tau: 90)), amount: 100, regions: [0],
                    sectors: [3], occurrence: 3, duration: 1))
        // The import shock stays a shock: it limits the restocking of imported inputs (A29).
        #expect(scenario.shocks.map(\.id) == ["chips"])
        #expect(scenario.shocks[0].kind == .imports(products: [1]))
    }

    /// (A32) The event profile by hand: 0 before o = 3, 1 on days 3…3 + 2 = 5, then linear
    /// recovery over τ = 4 from day 6: 1, 3/4, 1/2, 1/4, 0.
    @Test func eventProfileByHand() {
        let profile = ShockProfile.event(occurrence: 3, duration: 2, recovery: ARIORecovery(.linear, tau: 4))
        #expect(profile.values(periods: 12) == [0, 0, 0, 1, 1, 1, 1, 0.75, 0.5, 0.25, 0, 0])
    }

    static let badFiles: [BadScenarioFile] = [
        BadScenarioFile(
            file: "ario-quarter.yaml", line: 4, column: 10, field: "horizon.period",
            message: "the ario model runs day by day: write `period: day` in `horizon`"),
        BadScenarioFile(
            file: "day-dynamic.yaml", line: 3, column: 32, field: "horizon.period",
            message: "`day` periods are the ario model's; the dynamic model runs in quarters or years (`quarter`, `year` or a number of years)"),
        BadScenarioFile(
            file: "ario-capacity-step.yaml", line: 6, column: 73, field: "shocks[0].profile",
            message:
                "under the ario model a capacity shock is one of BoARIO's events: give it `profile: {type: event, occurrence: …, recovery_tau: …}`"
        ),
        BadScenarioFile(
            file: "ario-rebuild-shares.yaml", line: 11, column: 24, field: "shocks[0].rebuild.sectors",
            message: "the rebuilding shares add up to 0.9; they must add up to 1"),
        BadScenarioFile(
            file: "ario-recovery-tau.yaml", line: 6, column: 81, field: "shocks[0].profile",
            message: "missing `recovery_tau` (integer at least 1): the days over which the shock's effect recovers after its duration"),
        BadScenarioFile(
            file: "results-dynamic.yaml", line: 3, column: 10, field: "results",
            message: "`results` applies to the ario model only; this scenario runs the dynamic model"),
        BadScenarioFile(
            file: "ario-unknown-inventory.yaml", line: 3, column: 35, field: "model.inventories.Agricultur",
            message: "unknown sector 'Agricultur' — did you mean `01` (Agriculture, forestry, animal husbandry and fishery)?"),
    ]

    @Test(arguments: badFiles)
    func badFileGivesOneClearProblem(_ expected: BadScenarioFile) throws {
        let problems = Support.problems(ofFixture: "bad/\(expected.file)")
        try #require(problems.count == 1, "\(problems)")
        #expect(problems[0].file == "bad/\(expected.file)")
        #expect(problems[0].line == expected.line)
        #expect(problems[0].column == expected.column)
        #expect(problems[0].fieldPath == expected.field)
        #expect(problems[0].message == expected.message)
    }

    /// Weights name exactly the shock's regions; a capital_destruction shock is refused by the other models.
    @Test func weightsAndKindsAreChecked() {
        let weights = Support.problems(
            """
            schema_version: 1
            name: w
            model: ario
            horizon: {periods: 10, period: day}
            shocks:
              - {id: f, kind: capital_destruction, regions: [Zhejiang, Shanghai], sectors: "20", amount: 1,
                 regional_distribution: {Zhejiang: 1, Beijing: 2}, profile: {type: event, occurrence: 1, recovery_tau: 5}}
            """)
        #expect(weights.map(\.message).sorted() == [
            "CN-BJ is not one of the shock's regions", "no weight for CN-SH (Shanghai): give one for each of the shock's regions",
        ])
        let dynamic = Support.problems(
            """
            schema_version: 1
            name: d
            shocks: [{id: f, kind: capital_destruction, sectors: "20", amount: 1, profile: {type: event, occurrence: 1, recovery_tau: 5}}]
            """)
        #expect(dynamic.map(\.message) == [
            "a capital_destruction shock has no effect in the dynamic model, which uses capacity, import, export, demand, investment, import_price or cost shocks"
        ])
    }
}
