import Foundation
import ShockFlowFormats
import Testing

/// How a plan table's rows become the tilts π of each cell (docs/plan.md): every sector a row names
/// gets the row's tilt (its kind's tilt × its grade's weight); rows naming one cell combine by max (or
/// sum); the national layer adds the same tilt in every region; hand-written priorities add on top.
/// The table is Fixtures/scenarios/plans/small-plan.csv on the 3-region, 4-sector test economy
/// (regions CN-BJ, CN-ZJ, CN-SH; sectors 01, 16, 20, 31).
@Suite struct PlanTiltTests {
    typealias Support = ScenarioTestSupport
    static let (bj, zj, sh) = (0, 1, 2)
    static let (agriculture, machinery, electronics, software) = (0, 1, 2, 3)

    private func scenario(_ plan: String, priorities: String = "[]") -> String {
        """
        schema_version: 1
        name: plan-tilts
        plan: {priorities: plans/small-plan.csv\(plan.isEmpty ? "" : ", " + plan)}
        priorities: \(priorities)
        """
    }

    private func tilts(_ plan: String, priorities: String = "[]") throws -> [Double] {
        try #require(Support.resolve(scenario(plan, priorities: priorities))).planTilt
    }

    private func cell(_ region: Int, _ sector: Int) -> Int { Support.cell(region, sector) }

    /// Zhejiang names electronics twice (emerging S: 0.5; future P: 0.25): the largest counts, not the sum.
    @Test func rowsNamingOneCellCombineByTheirLargestTilt() throws {
        let own = try tilts("national: false")
        #expect(own[cell(Self.zj, Self.software)] == 0.5)
        #expect(own[cell(Self.zj, Self.electronics)] == 0.5)
        #expect(own[cell(Self.zj, Self.machinery)] == 0.25, "emerging 0.5 × grade L 0.5")
        #expect(own[cell(Self.bj, Self.electronics)] == 0.5)
        #expect(own[cell(Self.zj, Self.agriculture)] == 0 && own[cell(Self.bj, Self.software)] == 0)
        let summed = try tilts("national: false, combine: sum")
        #expect(summed[cell(Self.zj, Self.electronics)] == 0.75)
        #expect(zip(own, summed).enumerated().allSatisfy { $0.offset == cell(Self.zj, Self.electronics) || $0.element.0 == $0.element.1 })
    }

    /// π of every cell is exactly what the rule gives, computed here from the rows by hand.
    @Test func everyCellsTiltIsTheRuleAppliedToTheTable() throws {
        let kindTilt = ["leading": 0.7, "emerging": 0.4, "future": 1.5, "other": 2.0]
        let gradeWeight = ["P": 0.9, "S": 0.6, "L": 0.3]
        let rows: [(region: Int?, sectors: [Int], kind: String, grade: String)] = [
            (Self.zj, [Self.software, Self.electronics], "emerging", "S"), (Self.zj, [Self.electronics], "future", "P"),
            (Self.zj, [Self.machinery], "emerging", "L"), (Self.bj, [Self.electronics], "leading", "S"), (Self.bj, [], "other", "P"),
            (nil, [Self.electronics, Self.software], "emerging", "S"),
        ]
        let settings = "tilt: {leading: 0.7, emerging: 0.4, future: 1.5, other: 2}, evidence: {P: 0.9, S: 0.6, L: 0.3}"
        for combine in ["max", "sum"] {
            var expected = [Double?](repeating: nil, count: 12)
            var national = [Double?](repeating: nil, count: 4)
            for row in rows {
                let tilt = kindTilt[row.kind]! * gradeWeight[row.grade]!
                for sector in row.sectors {
                    if let region = row.region {
                        let old = expected[cell(region, sector)]
                        expected[cell(region, sector)] = old.map { combine == "max" ? max($0, tilt) : $0 + tilt } ?? tilt
                    } else {
                        national[sector] = national[sector].map { combine == "max" ? max($0, tilt) : $0 + tilt } ?? tilt
                    }
                }
            }
            let pi = (0..<12).map { (expected[$0] ?? 0) + (national[$0 % 4] ?? 0) }
            #expect(try tilts(settings + ", combine: \(combine)") == pi, "\(combine)")
        }
    }

    /// national: true adds the same tilt to a sector in every region, whatever the region's own rows.
    @Test func theNationalLayerAddsTheSameTiltEverywhere() throws {
        let without = try tilts("national: false"), with = try tilts("national: true")
        for region in 0..<3 {
            for sector in 0..<4 {
                let added = with[cell(region, sector)] - without[cell(region, sector)]
                #expect(added == ([Self.electronics, Self.software].contains(sector) ? 0.5 : 0), "\(region), \(sector)")
            }
        }
        let plan = try #require(Support.resolve(scenario(""))?.plan)
        #expect(plan.settings.national && plan.nationalTilt == (0..<12).map { [0.0, 0, 0.5, 0.5][$0 % 4] })
    }

    /// Shanghai has no rows: no tilt of its own, only the national layer's.
    @Test func aProvinceWithNoRowsGetsNoTilt() throws {
        let own = try tilts("national: false")
        #expect((0..<4).allSatisfy { own[cell(Self.sh, $0)] == 0 })
        let plan = try #require(Support.resolve(scenario(""))?.plan)
        #expect((0..<4).allSatisfy { plan.provinceTilt[cell(Self.sh, $0)] == 0 })
        let evidence = plan.evidence(regionLabels: Support.economy.regions)
        #expect(evidence.map(\.strength) == [.thin, .supported, .noRows, .thin])
        #expect(evidence.map(\.code) == ["CN-BJ", "CN-ZJ", "CN-SH", "CN"])
    }

    /// Grades weigh the tilt; a kind or grade weighted 0 adds nothing, and such rows are counted unused.
    @Test func evidenceWeightsScaleTheTilts() throws {
        let noLowGrade = try tilts("national: false, evidence: {L: 0}")
        #expect(noLowGrade[cell(Self.zj, Self.machinery)] == 0)
        let halfSecondary = try tilts("national: false, evidence: {S: 0.5}")
        #expect(halfSecondary[cell(Self.zj, Self.software)] == 0.25 && halfSecondary[cell(Self.zj, Self.electronics)] == 0.25)
        let plan = try #require(Support.resolve(scenario("national: false, evidence: {L: 0}"))?.plan)
        #expect(plan.rows.map(\.use) == [.used, .used, .zeroTilt, .used, .noSectors, .nationalOff])
    }

    /// Rows without sectors are kept and listed, not dropped.
    @Test func rowsWithoutSectorsAreReported() throws {
        let plan = try #require(Support.resolve(scenario(""))?.plan)
        #expect(plan.rows.count == 6)
        #expect(plan.rowsWithoutSectors.map { "\($0.row.file):\($0.row.line)" } == ["plans/small-plan.csv:6"])
    }

    /// `regions` limits whose own rows count; the national layer still reaches every region.
    @Test func regionsSelectWhoseRowsAreUsed() throws {
        let zhejiangOnly = try tilts("regions: Zhejiang")
        #expect(zhejiangOnly[cell(Self.bj, Self.electronics)] == 0.5, "the national layer alone")
        #expect(zhejiangOnly[cell(Self.zj, Self.electronics)] == 1)
        #expect(Support.problems(scenario("regions: Zhejang")).map(\.message).first?.hasPrefix("unknown region 'Zhejang'") == true)
    }

    /// Hand-written `priorities` add on top of the table's tilts.
    @Test func handWrittenPrioritiesAddOnTop() throws {
        let table = try tilts("")
        let both = try tilts("", priorities: "[{regions: [CN-ZJ, CN-SH], sectors: \"20\", tilt: 0.3}]")
        for index in table.indices {
            let added = [cell(Self.zj, Self.electronics), cell(Self.sh, Self.electronics)].contains(index) ? 0.3 : 0
            #expect(both[index] == table[index] + added)
        }
    }

    /// The fixture good/plan.yaml: a table named relative to the scenario file, settings partly written.
    @Test func aTableIsFoundRelativeToTheScenarioFile() throws {
        let scenario = try #require(Support.resolve(fixture: "good/plan.yaml"))
        let plan = try #require(scenario.plan)
        #expect(plan.table.name == "../plans/small-plan.csv")
        #expect(plan.table.rows.first?.file == "good/../plans/small-plan.csv")
        #expect(plan.settings.kindTilts[.future] == 0.5 && plan.settings.kindTilts[.emerging] == 0.5)
        #expect(plan.settings.gradeWeights == [.P: 1, .S: 1, .L: 0.25])
        // Zhejiang electronics: max(emerging S 0.5, future P 0.5) + national 0.5; Shanghai machinery: the entry's 0.1.
        #expect(scenario.planTilt[cell(Self.zj, Self.electronics)] == 1)
        #expect(scenario.planTilt[cell(Self.zj, Self.machinery)] == 0.125)
        #expect(scenario.planTilt[cell(Self.sh, Self.machinery)] == 0.1)
    }

    /// Without a plan, π is the sum of the hand-written entries, as before plans existed.
    @Test func withoutAPlanOnlyTheEntriesTilt() throws {
        let resolved = try #require(Support.resolve("""
            schema_version: 1
            name: entries
            priorities: [{regions: CN-ZJ, sectors: "20", tilt: 0.5}, {regions: "*", sectors: "20", tilt: 0.25}]
            """))
        #expect(resolved.plan == nil)
        #expect(resolved.planTilt == (0..<12).map { $0 == cell(Self.zj, Self.electronics) ? 0.75 : ($0 % 4 == 2 ? 0.25 : 0) })
    }
}
