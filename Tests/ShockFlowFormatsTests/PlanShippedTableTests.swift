import Foundation
import ShockFlowFormats
import Testing

/// The shipped table 15th-fyp-2026 on china-2017: π of every cell under three settings equals the
/// tilts scripts/fixtures/plan_tilts_reference.py computes from the CSV files in plain Python
/// (Fixtures/plan/15th-fyp-2026-tilts.csv), for the provinces' own rows and the national layer apart.
@Suite struct PlanShippedTableTests {
    typealias Shipped = ScenarioShippedTests

    static let settings = [
        "defaults": "{priorities: 15th-fyp-2026}",
        "sum-no-L-no-national": "{priorities: 15th-fyp-2026, combine: sum, evidence: {L: 0}, national: false}",
        "uneven": """
            {priorities: 15th-fyp-2026, tilt: {leading: 0.8, emerging: 0.3, future: 1.1, traditional-upgrade: 0.15, \
            agriculture: 0.6, other: 0.2}, evidence: {P: 0.9, S: 0.7, L: 0.35}}
            """,
    ]

    /// settings → (province tilts, national tilts) per cell, 0 where the reference has no row.
    static func reference() throws -> [String: (province: [Double], national: [Double])] {
        let file = ScenarioTestSupport.fixtures.deletingLastPathComponent().appendingPathComponent("plan/15th-fyp-2026-tilts.csv")
        let economy = Shipped.chinaLabels
        var tilts: [String: (province: [Double], national: [Double])] = [:]
        for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",").map(String.init)
            let region = try #require(economy.regions.firstIndex { $0.code == fields[1] })
            let sector = try #require(economy.sectors.firstIndex { $0.code == fields[2] })
            var entry = tilts[fields[0]] ?? ([Double](repeating: 0, count: economy.cellCount), [Double](repeating: 0, count: economy.cellCount))
            entry.province[region * economy.sectorCount + sector] = try #require(Double(fields[3]))
            entry.national[region * economy.sectorCount + sector] = try #require(Double(fields[4]))
            tilts[fields[0]] = entry
        }
        return tilts
    }

    @Test(arguments: settings.keys.sorted())
    func everyCellsTiltIsThePythonReferences(_ name: String) throws {
        let yaml = "schema_version: 1\nname: shipped-plan\nplan: \(try #require(Self.settings[name]))\n"
        let scenario = try ScenarioDocument(yaml: yaml, file: "plan.yaml", directory: Shipped.repository).resolve(against: Shipped.chinaLabels)
        let plan = try #require(scenario.plan)
        let expected = try #require(try Self.reference()[name])
        #expect(plan.provinceTilt == expected.province)
        #expect(plan.nationalTilt == expected.national)
        #expect(scenario.planTilt == zip(expected.province, expected.national).map { $0 + $1 })
    }
}
