import Foundation
import ShockFlowFormats
import ShockFlowLinearAlgebra
import ShockFlowModel
import Testing

/// `shockflow validate` and `shockflow schema` as a user runs them: exit codes, what goes to which
/// stream, and that validation writes no files.
@Suite struct ValidateCommandTests {
    /// A scenario on the built-in WIOD table (41 regions × 35 sectors).
    static let worldScenario = """
        schema_version: 1
        name: world-chips
        economy: world-2011
        horizon: {periods: 8}
        priorities:
          - {regions: [CHN, Japan], sectors: c14, tilt: 0.3, reason: electrical and optical equipment}
        shocks:
          - {id: chips, kind: capacity, regions: TWN, sectors: c14, magnitude: 0.4, profile: {type: recovery, start: 1, half_life: 3}}
        """

    /// Writes `files` into a fresh folder, runs `shockflow` there, and checks that it wrote nothing.
    private func run(_ arguments: [String], files: [String: String]) throws -> CommandResult {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let before = try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted()
        let result = try CommandRunner.run(arguments, in: folder)
        #expect(try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted() == before, "validate wrote files")
        return result
    }

    @Test func validScenarioPrintsOneSummaryLine() throws {
        let result = try run(["validate", "world.yaml"], files: ["world.yaml": Self.worldScenario])
        #expect(result.exitCode == 0)
        #expect(result.standardError.isEmpty)
        #expect(
            result.standardOutput
                == "world.yaml: valid — scenario world-chips: economy world-2011 (41 regions × 35 sectors), dynamic model, 8 quarters, 1 shock\n"
        )
    }

    @Test func everyProblemIsListedWithFileLineColumnAndField() throws {
        let broken = Self.worldScenario
            .replacingOccurrences(of: "[CHN, Japan]", with: "[CHN, Japn]")
            .replacingOccurrences(of: "magnitude: 0.4", with: "magnitude: 1.4")
            .replacingOccurrences(of: "horizon: {periods: 8}", with: "horizon: {periods: 8, seeds: 3}")
        let result = try run(["validate", "broken.yaml"], files: ["broken.yaml": broken])
        #expect(result.exitCode == 1)
        #expect(result.standardOutput.isEmpty)
        #expect(
            result.standardError == """
                broken.yaml:4:23: horizon.seeds: unknown field `seeds` — did you mean `seed`?
                broken.yaml:6:21: priorities[0].regions[1]: unknown region 'Japn' — did you mean `JPN` (Japan)?
                broken.yaml:8:72: shocks[0].magnitude: expected a number in [0, 1] (for a capacity shock), found the number 1.4
                3 problems

                """)
    }

    @Test func unknownEconomyGetsTheClosestBuiltInName() throws {
        let scenario = Self.worldScenario.replacingOccurrences(of: "economy: world-2011", with: "economy: wrld-2011")
        let result = try run(["validate", "s.yaml"], files: ["s.yaml": scenario])
        #expect(result.exitCode == 1)
        let firstLine = result.standardError.split(separator: "\n").first.map(String.init) ?? ""
        #expect(
            firstLine.hasPrefix(
                "s.yaml:3:10: economy: unknown economy 'wrld-2011': neither a folder or file next to the scenario nor a built-in economy — did you mean `world-2011`? (built-in economies: "
            ))
    }

    /// `economy` may name a folder next to the scenario file; the Chinese names in it work as selectors.
    @Test func economyFolderRelativeToTheScenario() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try EconomyFolderWriter.write(Self.smallEconomy(), to: folder.appendingPathComponent("data/small").path)
        let scenarios = folder.appendingPathComponent("scenarios")
        try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
        try """
        schema_version: 1
        name: small
        economy: ../data/small
        priorities: [{regions: 浙江, sectors: "31", tilt: 0.5}]
        shocks: [{id: chips, kind: import, products: "20", share: 0.78, magnitude: 0.6}]
        """.write(to: scenarios.appendingPathComponent("small.yaml"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["validate", "scenarios/small.yaml"], in: folder)
        #expect(result.standardError.isEmpty)
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.hasPrefix("scenarios/small.yaml: valid — scenario small: economy ../data/small (2 regions × 2 sectors)"))
    }

    @Test func aliasBombIsRefused() throws {
        var lines = ["schema_version: 1", "name: bomb", "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for (level, name) in "bcdefghi".enumerated() {
            let previous = level == 0 ? "a" : String(Array("bcdefghi")[level - 1])
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]")
        }
        let result = try run(["validate", "bomb.yaml"], files: ["bomb.yaml": lines.joined(separator: "\n")])
        #expect(result.exitCode == 1)
        #expect(result.standardError.hasPrefix("bomb.yaml:4:8: YAML aliases (`*a`) are not allowed in scenario files"))
    }

    @Test func hugeFileIsRefused() throws {
        let padding = String(repeating: "# " + String(repeating: "x", count: 98) + "\n", count: 120_000)  // 12 MB
        let result = try run(["validate", "huge.yaml"], files: ["huge.yaml": "schema_version: 1\nname: huge\n" + padding])
        #expect(result.exitCode == 1)
        #expect(result.standardError == "huge.yaml: the file is 11.6 MB; scenario files are limited to 10.0 MB\n1 problem\n")
    }

    @Test func missingArgumentIsAUsageError() throws {
        let result = try CommandRunner.run(["validate"])
        #expect(result.exitCode != 0 && result.exitCode != 1)
        #expect(result.standardError.contains("Missing expected argument '<file>'"))
    }

    /// `shockflow schema` prints the JSON Schema generated from the validator's own definitions.
    @Test func schemaCommandPrintsTheJSONSchema() throws {
        let result = try CommandRunner.run(["schema"])
        #expect(result.exitCode == 0)
        #expect(result.standardOutput == ScenarioFormat.jsonSchema())
        let parsed = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        #expect(parsed?["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        let markdown = try CommandRunner.run(["schema", "--format", "markdown"])
        #expect(markdown.exitCode == 0 && markdown.standardOutput == ScenarioFormat.referenceMarkdown())
    }

    /// `shockflow schema --file sweep`: the sweep files' JSON Schema, from the sweep validator's definitions.
    @Test func schemaCommandPrintsTheSweepSchema() throws {
        let result = try CommandRunner.run(["schema", "--file", "sweep"])
        #expect(result.exitCode == 0)
        #expect(result.standardOutput == SweepFormat.jsonSchema())
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(parsed["title"] as? String == "ShockFlow sweep, schema version 1")
        #expect(parsed["required"] as? [String] == ["schema_version", "name", "scenario", "design", "parameters", "outputs"])
        let properties = try #require(parsed["properties"] as? [String: Any])
        let parameters = try #require(properties["parameters"] as? [String: Any])
        let items = try #require(parameters["items"] as? [String: Any])
        // One alternative per distribution, each requiring `path` and `distribution`.
        let alternatives = try #require(items["oneOf"] as? [[String: Any]])
        #expect(alternatives.count == 6)
        #expect(alternatives.allSatisfy { ($0["required"] as? [String])?.contains("path") == true })
        let markdown = try CommandRunner.run(["schema", "--file", "sweep", "--format", "markdown"])
        #expect(markdown.exitCode == 0 && markdown.standardOutput.contains("`parameters[].path`"))
    }

    /// 2 regions (with Chinese names) × 2 sectors, balanced: no intermediate flows, household demand = output = 10.
    static func smallEconomy() throws -> Economy {
        let regions = [Label(code: "CN-BJ", name: "Beijing", aliases: ["北京"]), Label(code: "CN-ZJ", name: "Zhejiang", aliases: ["浙江"])]
        let sectors = [Label(code: "20", name: "Electronics"), Label(code: "31", name: "Software")]
        let categories = [Label(code: "households"), Label(code: "gfcf"), Label(code: "exports")]
        let columns = regions.indices.flatMap { region in categories.indices.map { FinalDemandColumn(region: region, category: $0) } }
        var finalDemand = Matrix(rows: 4, columns: columns.count)
        for cell in 0..<4 { finalDemand[cell, (cell / 2) * categories.count] = 10 }
        return Economy(
            metadata: EconomyMetadata(name: "small", moneyUnit: "yuan"), regions: regions, sectors: sectors,
            finalDemandCategories: categories, intermediateFlows: Matrix(rows: 4, columns: 4), finalDemand: finalDemand,
            finalDemandColumns: columns, valueAdded: [10, 10, 10, 10], importProducts: [Label(code: "20", name: "Electronics")],
            grossOutput: [10, 10, 10, 10])
    }
}
