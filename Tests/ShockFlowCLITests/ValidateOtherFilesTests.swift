import Foundation
import ShockFlowTestSupport
import Testing

/// `shockflow validate` on sweep files and SALib problem files: the kind is told by content, and the
/// problems `sweep` and `sensitivity` would refuse are listed as `file:line:column: field: message`.
@Suite struct ValidateOtherFilesTests {
    static let economy = Fixtures.path("economies/two-region")

    static let sweep = """
        schema_version: 1
        name: two-region-sweep
        scenario:
          schema_version: 1
          name: two-region-chips
          economy: \(economy)
          horizon: {periods: 4}
          shocks:
            - {id: chip-imports, kind: import, products: chips, magnitude: 0.6}
        design: {method: lhs, samples: 8}
        parameters:
          - {path: shocks.chip-imports.magnitude, name: cut, distribution: uniform, lower: 0.2, upper: 1}
        outputs:
          - {summary: cumulative_value_added_loss}
          - {name: north, metric: value_added, regions: north, statistic: cumulative_loss}
        """

    /// Runs `shockflow validate NAME` in a fresh folder holding `files`, and checks it wrote nothing.
    private func validate(_ name: String, files: [String: String]) throws -> CommandResult {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (file, text) in files { try text.write(to: folder.appendingPathComponent(file), atomically: true, encoding: .utf8) }
        let result = try CommandRunner.run(["validate", name], in: folder)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == files.keys.sorted(), "validate wrote files")
        return result
    }

    @Test func aValidSweepFileIsPlannedNotRun() throws {
        let result = try validate("sweep.yaml", files: ["sweep.yaml": Self.sweep])
        #expect(result.standardError.isEmpty)
        #expect(result.exitCode == 0)
        #expect(
            result.standardOutput
                == "sweep.yaml: valid — sweep two-region-sweep: lhs design, 1 parameter, 8 runs, 2 outputs; base scenario two-region-chips: "
                + "economy \(Self.economy) (2 regions × 2 sectors), dynamic model, 4 quarters, 1 shock\n")
    }

    @Test func aSweepFilesProblemsAreThoseSweepReports() throws {
        let broken = Self.sweep
            .replacingOccurrences(of: "{summary: cumulative_value_added_loss}", with: "{summary: cumulative_value_added_los}")
            .replacingOccurrences(of: "metric: value_added,", with: "metric: valueadded,")
            .replacingOccurrences(of: "shocks.chip-imports.magnitude", with: "shocks.chip-import.magnitude")
        let result = try validate("sweep.yaml", files: ["sweep.yaml": broken])
        #expect(result.exitCode == 1)
        #expect(result.standardOutput.isEmpty)
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(lines)")
        #expect(lines.first?.hasPrefix("sweep.yaml:12:12: parameters[0].path: `shocks.chip-import.magnitude`: the scenario's `shocks` has no item `chip-import` — did you mean `chip-imports`?") == true)
        #expect(lines.dropFirst().first?.hasPrefix("sweep.yaml:14:15: outputs[0].summary: the runs' summary.csv has no row `cumulative_value_added_los` — did you mean `cumulative_value_added_loss`") == true)
        #expect(lines.dropFirst(2).first?.hasPrefix("sweep.yaml:15:27: outputs[1].metric: the runs have no cell metric `valueadded` — did you mean `value_added`?") == true)
        #expect(lines.last == "3 problems")
        // The sweep command itself refuses the file with the same lines, before any folder is made.
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try broken.write(to: folder.appendingPathComponent("sweep.yaml"), atomically: true, encoding: .utf8)
        let sweep = try CommandRunner.run(["sweep", "sweep.yaml", "--out", "out", "--quiet"], in: folder)
        #expect(sweep.exitCode == 1)
        #expect(sweep.standardError == result.standardError)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["sweep.yaml"])
    }

    @Test func problemsInTheBaseScenarioFileNameThatFile() throws {
        let scenario = """
            schema_version: 1
            name: base
            economy: \(Self.economy)
            shocks:
              - {id: chip-imports, kind: import, products: chipz, magnitude: 0.6}
            """
        let sweep = """
            schema_version: 1
            name: s
            scenario: base.yaml
            design: {method: random, samples: 4}
            parameters:
              - {path: shocks.chip-imports.magnitude, distribution: uniform, lower: 0, upper: 1}
            outputs:
              - {summary: cumulative_value_added_loss}
            """
        let result = try validate("s.yaml", files: ["s.yaml": sweep, "base.yaml": scenario])
        #expect(result.exitCode == 1)
        #expect(result.standardError.hasPrefix("base.yaml:5:48: shocks[0].products: unknown imported product 'chipz'"))
    }

    @Test func aSALibProblemFileIsCheckedAsSensitivityReadsIt() throws {
        let valid = try validate("problem.txt", files: ["problem.txt": "# name lower upper\nx1 0 1\nx2, 0.5, 2, NA, logunif\n"])
        #expect(valid.exitCode == 0)
        #expect(valid.standardOutput == "problem.txt: valid — SALib problem file, 2 parameters: x1 (unif), x2 (logunif)\n")
        let broken = try validate(
            "problem.txt", files: ["problem.txt": "x1 0 1\nx2 1 0\nx3 0 1 NA levels 1e12\nx4 0 one\nx1 0 1\n"])
        #expect(broken.exitCode == 1)
        #expect(broken.standardError == """
            problem.txt:2:4: parameter 'x2': the lower bound 1.0 is not below the upper bound 0.0
            problem.txt:3:18: parameter 'x3': the number of levels must be a whole number from 2 to 10000, found 1e12
            problem.txt:4:6: expected a number, found "one"
            problem.txt:5:1: parameter 'x1' is already defined on line 1
            4 problems

            """)
    }

    /// What `sensitivity` reads as a problem file, `validate` checks as one, even when it also parses as
    /// YAML or has a `:` in a name; a scenario with a YAML syntax error stays a scenario.
    @Test func theKindFollowsWhatTheCommandsRead() throws {
        for text in ["cut: 0.2 1\n", "x1 0 1\ncut: 0.2 1\n"] {
            let result = try validate("p.txt", files: ["p.txt": text])
            #expect(result.exitCode == 0 && result.standardOutput.hasPrefix("p.txt: valid — SALib problem file"), "\(text)")
        }
        let broken = try validate("s.yaml", files: ["s.yaml": "schema_version: 1\nname: [x\n"])
        #expect(broken.exitCode == 1)
        #expect(broken.standardError.hasPrefix("s.yaml:3:1: YAML syntax error"))
    }

    /// A file of numbers only (a samples file) is not taken for a problem file.
    @Test func aSamplesFileIsNotAProblemFile() throws {
        let result = try validate("X.txt", files: ["X.txt": "0.1 0.2\n0.3 0.4\n"])
        #expect(result.exitCode == 1)
        #expect(result.standardError.hasPrefix("X.txt:1:1: expected a mapping of scenario fields"))
    }
}
