import Foundation
import Testing

/// Refuse what is broken, accept what is valid (issue 12, section 5): `economy analyze`, `run` and
/// `sweep` refuse an economy that `economy check` fails (exit 1, the check's errors, nothing written)
/// unless `--skip-checks` is given, which the manifest records; economies that cannot be read are refused too.
@Suite struct EconomyRefusalTests {
    static func fixture(_ relativePath: String) -> String { EconomyCommandTests.fixture(relativePath) }

    /// The `error:` lines `shockflow economy check` prints for an economy, as it prints them.
    private func checkErrors(_ economy: String) throws -> [String] {
        let check = try CommandRunner.run(["economy", "check", economy])
        #expect(check.exitCode == 1, "\(check.standardOutput)")
        return check.standardOutput.split(separator: "\n").map(String.init).filter { $0.hasPrefix("  error: ") }
    }

    /// Expects exit status 1, every error line of `economy check` on stderr exactly as the check prints
    /// it, and nothing in `directory` (neither the output nor a temporary leftover).
    private func expectRefusedByTheCheck(
        _ result: CommandResult, economy: String, directory: URL, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(result.exitCode == 1, "\(result.standardError)", sourceLocation: sourceLocation)
        #expect(
            result.standardError.hasPrefix("shockflow: error: economy \(economy) fails its checks"), "\(result.standardError)",
            sourceLocation: sourceLocation)
        let errors = try checkErrors(economy)
        #expect(!errors.isEmpty, sourceLocation: sourceLocation)
        for line in errors {
            #expect(result.standardError.contains(line + "\n"), "missing: \(line)", sourceLocation: sourceLocation)
        }
        #expect(result.standardError.contains("--skip-checks"), sourceLocation: sourceLocation)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0 != "scenario.yaml" && $0 != "sweep.yaml" }
                .isEmpty, "nothing written", sourceLocation: sourceLocation)
    }

    private func manifest(_ folder: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("manifest.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test(arguments: ["broken/column-sum-over-one", "broken/tiny-output"])
    func analyzeRefusesAnEconomyTheCheckFails(folder: String) throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let economy = Self.fixture(folder)
        let result = try CommandRunner.run(["economy", "analyze", economy, "--out", directory.appendingPathComponent("out").path])
        try expectRefusedByTheCheck(result, economy: economy, directory: directory)
    }

    /// --skip-checks goes on where the numbers allow it, and the manifest says the checks were skipped;
    /// a checked economy's manifest says they passed.
    @Test func analyzeWithSkipChecksGoesOnAndTheManifestRecordsIt() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let skipped = directory.appendingPathComponent("skipped")
        let result = try CommandRunner.run([
            "economy", "analyze", Self.fixture("broken/column-sum-over-one"), "--out", skipped.path, "--skip-checks",
        ])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(try manifest(skipped)["checks"] as? String == "skipped")
        let passed = directory.appendingPathComponent("passed")
        let checked = try CommandRunner.run(["economy", "analyze", Self.fixture("economies/two-region"), "--out", passed.path])
        #expect(checked.exitCode == 0, "\(checked.standardError)")
        #expect(try manifest(passed)["checks"] as? String == "passed")
    }

    /// An output of 5e-324 makes I − A singular: past --skip-checks, the analysis itself refuses the
    /// cell instead of writing NaN multipliers.
    @Test func skipChecksDoesNotLetNaNThrough() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run([
            "economy", "analyze", Self.fixture("broken/tiny-output"), "--out", directory.appendingPathComponent("out").path,
            "--skip-checks",
        ])
        #expect(result.exitCode == 1)
        #expect(result.standardError.hasPrefix(
            "shockflow: error: the input coefficients of region south, sector agri are not finite: its gross output 4.94e-324"),
            "\(result.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    static func scenario(economy: String) -> String {
        """
        schema_version: 1
        name: refused
        economy: \(economy)
        model: leontief
        shocks:
          - {id: fall, kind: demand, regions: north, sectors: agri, magnitude: -0.1}
        """
    }

    @Test func runRefusesAnEconomyTheCheckFailsUnlessTold() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let economy = Self.fixture("broken/column-sum-over-one")
        try Self.scenario(economy: economy).write(to: directory.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
        let refused = try CommandRunner.run(["run", "scenario.yaml", "--out", "out"], in: directory)
        try expectRefusedByTheCheck(refused, economy: economy, directory: directory)

        let skipped = try CommandRunner.run(["run", "scenario.yaml", "--out", "out", "--skip-checks", "--quiet"], in: directory)
        #expect(skipped.exitCode == 0, "\(skipped.standardError)")
        #expect(try manifest(directory.appendingPathComponent("out"))["checks"] as? String == "skipped")

        try Self.scenario(economy: Self.fixture("economies/two-region"))
            .write(to: directory.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
        let checked = try CommandRunner.run(["run", "scenario.yaml", "--out", "checked", "--quiet"], in: directory)
        #expect(checked.exitCode == 0, "\(checked.standardError)")
        #expect(try manifest(directory.appendingPathComponent("checked"))["checks"] as? String == "passed")
    }

    /// Economies that cannot be read are refused by `run` as by `analyze`, naming the file.
    @Test(arguments: [
        ("va-is-a-folder", "va-is-a-folder/va.csv: a folder where a file belongs"),
        ("imports-is-a-folder", "imports-is-a-folder/imports.csv: a folder where a file belongs"),
        ("huge-value-added", "va.csv, line 6, column 4 (value): \"1e308\" is too large"),
        ("huge-output", "x.csv, line 3, column 3 (output): \"1e308\" is too large"),
    ])
    func runRefusesAnUnreadableEconomy(folder: String, message: String) throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.scenario(economy: Self.fixture("broken/" + folder))
            .write(to: directory.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["run", "scenario.yaml", "--out", "out"], in: directory)
        #expect(result.exitCode == 1)
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["scenario.yaml"])
    }

    /// A sweep checks its economy once, before any run.
    @Test func sweepRefusesAnEconomyTheCheckFails() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let economy = Self.fixture("broken/column-sum-over-one")
        let sweep = """
            schema_version: 1
            name: refused-sweep
            scenario:
              schema_version: 1
              name: refused
              economy: \(economy)
              model: leontief
              shocks:
                - {id: fall, kind: demand, regions: north, sectors: agri, magnitude: -0.1}
            design: {method: random, samples: 4, seed: 1}
            parameters:
              - {path: shocks.fall.magnitude, name: fall, distribution: uniform, lower: -0.2, upper: 0}
            outputs:
              - {name: north_output, metric: output, regions: north, statistic: cumulative_loss}
            """
        try sweep.write(to: directory.appendingPathComponent("sweep.yaml"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["sweep", "sweep.yaml", "--out", "out", "--quiet"], in: directory)
        try expectRefusedByTheCheck(result, economy: economy, directory: directory)
    }
}
