import Foundation
import ShockFlowFormats
import Testing

/// Plan tables (docs/plan.md): the shipped 15th-fyp-2026 table as read from the package's resources,
/// and CSVs in the same columns, with every problem at its file, line and column.
@Suite struct PlanTableTests {
    typealias Support = ScenarioTestSupport

    @Test func theShippedTableHasEveryProvinceAndTheNationalLayer() throws {
        let table = try PlanTable.read("15th-fyp-2026")
        #expect(PlanTable.shipped[table.name] != nil && table.files.count == 2)
        let provincial = table.rows.filter { !$0.isNational }
        let national = table.rows.filter(\.isNational)
        #expect(provincial.count == 203 && national.count == 17)
        #expect(Set(provincial.map(\.region)).count == 31)
        #expect(provincial.filter { $0.grade == .P }.count == 17)
        #expect(provincial.filter { $0.grade == .S }.count == 85)
        #expect(provincial.filter { $0.grade == .L }.count == 101)
        let kinds = Dictionary(grouping: provincial, by: \.kind).mapValues(\.count)
        #expect(kinds == [.leading: 45, .emerging: 84, .future: 35, .traditionalUpgrade: 19, .agriculture: 5, .other: 15])
        #expect(provincial.filter(\.isContext).count == 11)
        #expect(provincial.filter(\.sectors.isEmpty).count == 10 && national.filter(\.sectors.isEmpty).count == 1)
        #expect(national.allSatisfy { $0.grade == .S && !$0.source.isEmpty })
        // Lines count from the header (line 1); quoted fields keep their commas and doubled quotes.
        let first = try #require(table.rows.first)
        #expect(first.line == 2 && first.region == "CN-BJ" && first.sectors == ["31", "20"] && first.kind == .emerging)
        #expect(first.priority.hasPrefix("Artificial intelligence (intelligence-native firms, general-purpose agents,"))
        #expect(table.rows[2].priority == "Integrated circuits (\"energy-level leap\" cluster)")
        #expect(first.sectorsLocation.line == 2 && first.regionLocation == TextLocation(line: 2, column: 1))
        let yunnan = provincial.filter { $0.region == "CN-YN" }
        #expect(yunnan.count == 4 && yunnan.allSatisfy(\.isContext))
    }

    @Test func everyProblemNamesTheTableLineAndColumn() {
        let problems = Support.problems("""
            schema_version: 1
            name: bad-table
            plan: {priorities: plans/bad-plan.csv}
            """)
        let shown = problems.map { "\($0.file):\($0.line ?? 0):\($0.column ?? 0): \($0.fieldPath): \($0.message)" }
        #expect(shown == [
            "plans/bad-plan.csv:2:22: plan.priorities: unknown kind `emergent` — did you mean `emerging`? (kinds: `leading`, `emerging`, `future`, `traditional-upgrade`, `agriculture`, `other`)",
            "plans/bad-plan.csv:3:44: plan.priorities: empty `source`: every row of a plan table names where its priority is stated",
            "plans/bad-plan.csv:3:45: plan.priorities: unknown grade `Q`: expected `P` (primary), `S` (secondary) or `L` (low-quality source)",
            "plans/bad-plan.csv:4:22: plan.priorities: an empty sector code in `12;;20`: codes are separated by `;`",
        ])
    }

    @Test func codesTheEconomyLacksAreErrorsAtTheirPlaceInTheTable() {
        let problems = Support.problems("""
            schema_version: 1
            name: unknown-codes
            plan: {priorities: plans/unknown-codes.csv}
            """)
        #expect(problems.map { "\($0.file):\($0.line ?? 0):\($0.column ?? 0): \($0.message)" } == [
            "plans/unknown-codes.csv:3:1: region `CN-XX` is not a region of economy test-economy — did you mean `CN-BJ`, `CN-ZJ` or `CN-SH`? (`CN` is the national layer)",
            "plans/unknown-codes.csv:4:21: sector `12` is not a sector code of economy test-economy — did you mean `16`?",
        ])
    }

    @Test func aTableThatIsNeitherShippedNorAFileIsNamed() {
        let problems = Support.problems("schema_version: 1\nname: no-table\nplan: {priorities: 15th-fyp-2025}")
        #expect(problems.map(\.fieldPath) == ["plan.priorities"])
        #expect(problems.first?.message.hasPrefix("no plan table `15th-fyp-2025`: not a shipped table (`15th-fyp-2026`) and no file 15th-fyp-2025") == true)
        #expect(problems.first?.message.hasSuffix("did you mean `15th-fyp-2026`?") == true)
    }

    @Test func aHeaderWithoutTheNeededColumnsIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plan-header-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "region,priority,sectors\nCN-ZJ,AI,31\n".write(to: folder.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
        try "region,priority,sectors,kind,source,grade\nCN-ZJ,\"AI, unclosed,31,emerging,x,S\n"
            .write(to: folder.appendingPathComponent("q.csv"), atomically: true, encoding: .utf8)
        let document = { (file: String) in
            ScenarioDocument(yaml: "schema_version: 1\nname: h\nplan: {priorities: \(file)}", file: "h.yaml", directory: folder)
        }
        #expect(document("t.csv").problems.map(\.description) == [
            "t.csv:1:1: plan.priorities: the header lacks the columns `kind`, `source` and `grade` (a plan table's columns: region, region_name, priority, sectors, kind, quantity, date, source, grade)"
        ])
        #expect(document("q.csv").problems.map(\.description) == [
            "q.csv:2:1: plan.priorities: a quoted field is not closed: its opening quote `\"` is on this line"
        ])
    }

    @Test func aPlanAppliesToTheDynamicModelOnly() {
        let problems = Support.problems("""
            schema_version: 1
            name: static-plan
            model: leontief
            plan: {priorities: plans/small-plan.csv}
            shocks: [{id: d, kind: demand, sectors: "20", magnitude: 0.1}]
            """)
        #expect(problems.map(\.message) == ["`plan` applies to the dynamic model only; this scenario runs the leontief model"])
    }
}
