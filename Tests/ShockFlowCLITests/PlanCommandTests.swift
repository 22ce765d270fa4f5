import Foundation
import Testing

/// `shockflow plan show` and what `shockflow validate` prints of a scenario's plan (issue 17): the rows
/// each province uses by grade, the provinces on weak evidence, the rows without sectors, one
/// province's rows with their sources, and the table as CSV. Counts are those of the table itself
/// (Resources/plan-priorities/15th-fyp-2026.csv, counted with a spreadsheet) and of its SOURCE.md.
@Suite struct PlanCommandTests {
    /// The provinces SOURCE.md says rest on L sources only (9) or on context rows only (Yunnan, Qinghai).
    static let weakProvinces = ["CN-TJ", "CN-HE", "CN-HL", "CN-AH", "CN-HA", "CN-HB", "CN-HN", "CN-GX", "CN-YN", "CN-QH", "CN-NX"]

    private func run(_ arguments: [String], files: [String: String] = [:]) throws -> CommandResult {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return try CommandRunner.run(arguments, in: folder)
    }

    /// The line of `region` in the evidence table: its columns split at runs of spaces.
    private func evidenceRow(_ region: String, in output: String) -> [String]? {
        output.split(separator: "\n").first { $0.hasPrefix("  \(region) ") }
            .map { $0.split(separator: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
    }

    @Test func everyProvinceIsListedWithItsRowsByGrade() throws {
        let result = try run(["plan", "show"])
        #expect(result.exitCode == 0 && result.standardError.isEmpty, "\(result.standardError)")
        let out = result.standardOutput
        #expect(out.hasPrefix("plan 15th-fyp-2026: 220 rows (203 provincial, 17 national); tilt by kind leading 0.5, emerging 0.5,"))
        #expect(out.split(separator: "\n").filter { $0.hasPrefix("  CN-") }.count == 31)
        // region, name, rows, P, S, L used, unused, evidence.
        #expect(evidenceRow("CN-ZJ", in: out) == ["CN-ZJ", "Zhejiang", "12", "1", "7", "2", "2"])
        #expect(evidenceRow("CN-BJ", in: out) == ["CN-BJ", "Beijing", "12", "0", "11", "1", "0"])
        #expect(evidenceRow("CN-AH", in: out) == ["CN-AH", "Anhui", "20", "0", "0", "20", "0", "weak: L rows only"])
        #expect(evidenceRow("CN-YN", in: out) == ["CN-YN", "Yunnan", "4", "0", "1", "3", "0", "weak: context rows only"])
        #expect(out.contains("\nweak evidence (no P or S row of the plan itself): " + Self.weakProvinces.joined(separator: ", ") + "\n"))
        // Ten provincial rows and the national CO₂ target name no sector.
        #expect(out.contains("\n11 rows name no sector and add no tilt:\n  15th-fyp-2026.csv:28: CN-HE Aggregate growth"))
        #expect(out.contains("\n  15th-fyp-2026-national.csv:18: CN CO2 emissions per unit of GDP"))
    }

    @Test func oneProvinceShowsItsRowsSourcesAndTilts() throws {
        let result = try run(["plan", "show", "ZJ"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "Zhejiang (CN-ZJ): 12 rows of 15th-fyp-2026, 10 used (P 1, S 7, L 2)")
        #expect(lines.contains("15th-fyp-2026.csv:79 · future · grade S · tilt 0.25 × 1 = 0.25 · used"))
        #expect(lines.contains("  Future industry: brain-computer interfaces"))
        #expect(lines.contains("15th-fyp-2026.csv:85 · other · grade P · tilt 0 × 1 = 0 · tilt 0"))
        #expect(lines.contains { $0.hasPrefix("  source: https://news.cgtn.com/news/2025-12-29/") })
        // Software (31): own rows 74, 80, 81 (emerging S 0.5 the largest) plus the national layer's 0.5.
        let software = lines.first { $0.hasPrefix("  31 ") }?.split(separator: " ").suffix(8).map(String.init)
        #expect(software == ["0.5", "0.5", "1", "74", "80", "81", "n2", "n15"])
        // Names, codes and the national layer all work; an unknown region is refused with a suggestion.
        #expect(try run(["plan", "show", "Zhejiang"]).standardOutput == result.standardOutput)
        #expect(try run(["plan", "show", "CN"]).standardOutput.hasPrefix("The national layer (CN): 17 rows of 15th-fyp-2026, 14 used (P 0, S 14, L 0)\n"))
        let unknown = try run(["plan", "show", "Zhejang"])
        #expect(unknown.exitCode == 1 && unknown.standardOutput.isEmpty)
        #expect(unknown.standardError.hasPrefix("shockflow: error: unknown region 'Zhejang' — did you mean `Zhejiang`?"))
    }

    /// The CSV is the table in its own columns: named as a scenario's table, it is the same plan.
    @Test func theCSVIsATableAScenarioCanName() throws {
        let csv = try run(["plan", "show", "--format", "csv"])
        #expect(csv.exitCode == 0)
        let lines = csv.standardOutput.split(separator: "\n")
        #expect(lines.first == "region,region_name,priority,sectors,kind,quantity,date,source,grade" && lines.count == 221)
        let copy = try run(["plan", "show", "--priorities", "copy.csv"], files: ["copy.csv": csv.standardOutput])
        let shipped = try run(["plan", "show"])
        #expect(copy.exitCode == 0, "\(copy.standardError)")
        let evidence = { (output: String) in output.split(separator: "\n").filter { $0.hasPrefix("  CN") || $0.hasPrefix("weak") } }
        #expect(evidence(copy.standardOutput).count == 33)
        #expect(evidence(copy.standardOutput) == evidence(shipped.standardOutput))
        let zhejiang = try run(["plan", "show", "CN-ZJ", "--format", "csv"]).standardOutput.split(separator: "\n")
        #expect(zhejiang.count == 13 && zhejiang.dropFirst().allSatisfy { $0.hasPrefix("CN-ZJ,Zhejiang,") })
    }

    @Test func aScenariosPlanIsShownWithItsSettings() throws {
        let scenario = """
            schema_version: 1
            name: plan-settings
            plan: {priorities: 15th-fyp-2026, tilt: {future: 1}, evidence: {L: 0}, national: false, regions: [CN-ZJ, CN-BJ]}
            """
        let result = try run(["plan", "show", "ZJ", "--scenario", "s.yaml"], files: ["s.yaml": scenario])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        // Two L rows weighted 0 and the two `other` rows: 8 used.
        #expect(lines.first == "Zhejiang (CN-ZJ): 12 rows of 15th-fyp-2026, 8 used (P 1, S 7, L 0)")
        #expect(lines[1].hasSuffix("; evidence P 1, S 1, L 0; combine max; national layer off; own rows of CN-BJ CN-ZJ"))
        #expect(lines.contains("15th-fyp-2026.csv:79 · future · grade S · tilt 1 × 1 = 1 · used"))
        let none = try run(["plan", "show", "--scenario", "s.yaml"], files: ["s.yaml": "schema_version: 1\nname: none\n"])
        #expect(none.exitCode == 1 && none.standardError == "shockflow: error: s.yaml has no `plan` section: nothing to show\n")
        let both = try run(["plan", "show", "--scenario", "s.yaml", "--priorities", "15th-fyp-2026"])
        #expect(both.exitCode == 2 && both.standardError.hasPrefix("Error: give --scenario or --priorities, not both"))
    }

    @Test func validateListsTheRowsEachProvinceUsesByGrade() throws {
        let scenario = "schema_version: 1\nname: plan-only\nplan: {priorities: 15th-fyp-2026}\n"
        let result = try run(["validate", "s.yaml"], files: ["s.yaml": scenario])
        #expect(result.exitCode == 0 && result.standardError.isEmpty, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("s.yaml: valid — scenario plan-only: economy china-2017 (31 regions × 42 sectors), dynamic model"))
        #expect(lines[1].hasPrefix("plan 15th-fyp-2026: 220 rows"))
        #expect(evidenceRow("CN-ZJ", in: result.standardOutput) == ["CN-ZJ", "Zhejiang", "12", "1", "7", "2", "2"])
        #expect(lines.contains("weak evidence (no P or S row of the plan itself): " + Self.weakProvinces.joined(separator: ", ")))
        #expect(lines.contains("11 rows name no sector and add no tilt:"))
    }

    /// A broken table: every problem at its file, line and column, exit 1, nothing on standard output.
    @Test func aBrokenTableIsRefusedWithItsPlaces() throws {
        let table = "region,priority,sectors,kind,source,grade\nCN-ZJ,AI,31,emergent,https://example.org,S\nCN-XX,Chips,20,leading,https://example.org,P\n"
        let result = try run(["plan", "show", "--priorities", "t.csv"], files: ["t.csv": table])
        #expect(result.exitCode == 1 && result.standardOutput.isEmpty)
        #expect(result.standardError.hasPrefix("t.csv:2:13: unknown kind `emergent` — did you mean `emerging`?"))
        let fixed = table.replacingOccurrences(of: "emergent", with: "emerging")
        let unknown = try run(["plan", "show", "--priorities", "t.csv"], files: ["t.csv": fixed])
        #expect(unknown.exitCode == 1)
        #expect(unknown.standardError.hasPrefix("t.csv:3:1: region `CN-XX` is not a region of economy china-2017"))
    }
}
