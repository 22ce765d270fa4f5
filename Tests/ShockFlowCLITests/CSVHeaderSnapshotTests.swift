import Foundation
import Testing

/// The header of every CSV file and table ShockFlow writes, compared with one committed snapshot,
/// `Snapshots/csv-headers.txt`: one line `command | file | header` per file, for `run` (the dynamic
/// model, its plan.csv, and each static one), `economy analyze --matrices`, `economy build`, `economy show`
/// (every listing) and `plan show` with `--format csv`, `sweep`, `compare --format csv` (every level, cumulative, three runs) and
/// `sensitivity analyze` (every method). Renaming
/// or reordering a column is a change of the files' format: re-record on purpose with
/// `RECORD_SNAPSHOTS=1 swift test --skip-build --filter ShockFlowCLITests` and say so in the docs.
/// (`sensitivity sample` prints numbers without a header.)
@Suite struct CSVHeaderSnapshotTests {
    static let economy = Fixtures.path("economies/two-region")

    /// `label | file | header` for every .csv file of the folder, by file name.
    private static func headers(of folder: URL, as label: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }.sorted().map { file in
            "\(label) | \(file) | \(try firstLine(of: folder.appendingPathComponent(file)))"
        }
    }

    private static func firstLine(of file: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        let start = try handle.read(upToCount: 4096) ?? Data()
        return String(decoding: start, as: UTF8.self).components(separatedBy: "\n")[0]
    }

    /// Runs `shockflow ARGUMENTS` in `folder`, expecting success.
    @discardableResult
    private static func run(_ arguments: [String], in folder: URL, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> CommandResult
    {
        let result = try CommandRunner.run(arguments, in: folder)
        #expect(result.exitCode == 0, "\(arguments.joined(separator: " ")): \(result.standardError)", sourceLocation: sourceLocation)
        return result
    }

    @Test func everyCSVHeaderMatchesItsSnapshot() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var lines: [String] = []

        // run: the dynamic model (twice, for compare below) and every static model.
        try RunCommandTests.chipScenario.write(to: folder.appendingPathComponent("dynamic.yaml"), atomically: true, encoding: .utf8)
        try RunCommandTests.chipScenario.replacingOccurrences(of: "magnitude: 0.6", with: "magnitude: 0.3")
            .write(to: folder.appendingPathComponent("dynamic-b.yaml"), atomically: true, encoding: .utf8)
        for name in ["dynamic", "dynamic-b"] { try Self.run(["run", "\(name).yaml", "--out", name, "--quiet"], in: folder) }
        lines += try Self.headers(of: folder.appendingPathComponent("dynamic"), as: "run (dynamic)")
        // plan.csv: written besides them when some cell has a plan tilt.
        try (RunCommandTests.chipScenario + "\npriorities: [{regions: north, sectors: manu, tilt: 0.5}]\n")
            .write(to: folder.appendingPathComponent("tilted.yaml"), atomically: true, encoding: .utf8)
        try Self.run(["run", "tilted.yaml", "--out", "tilted", "--quiet"], in: folder)
        lines += try Self.headers(of: folder.appendingPathComponent("tilted"), as: "run (dynamic, plan tilts)").filter { $0.contains("| plan.csv |") }
        let staticModels = [
            ("leontief", "shocks:\n  - {id: d, kind: demand, regions: north, sectors: agri, magnitude: -0.1}"),
            ("ghosh", "shocks:\n  - {id: c, kind: capacity, regions: north, sectors: manu, magnitude: 0.2}"),
            ("iim", "shocks:\n  - {id: d, kind: demand, regions: north, sectors: agri, magnitude: -0.1}"),
            ("extraction", "shocks: []"),
            ("diim", "horizon: {periods: 3}\nshocks:\n  - {id: d, kind: demand, regions: north, sectors: agri, magnitude: -0.1}"),
            ("ario", "horizon: {periods: 3, period: day}\nshocks:\n  - {id: d, kind: demand, regions: north, sectors: agri, magnitude: -0.1}"),
        ]
        for (model, rest) in staticModels {
            let modelField = model == "extraction" ? "{type: extraction, sectors: manu}" : model
            let text = "schema_version: 1\nname: \(model)\neconomy: \(Self.economy)\nmodel: \(modelField)\n\(rest)\n"
            try text.write(to: folder.appendingPathComponent("\(model).yaml"), atomically: true, encoding: .utf8)
            try Self.run(["run", "\(model).yaml", "--out", model, "--quiet"], in: folder)
            lines += try Self.headers(of: folder.appendingPathComponent(model), as: "run (\(model))")
        }

        // economy analyze, with the matrices; economy build.
        try Self.run(["economy", "analyze", Self.economy, "--out", "analysis", "--matrices"], in: folder)
        lines += try Self.headers(of: folder.appendingPathComponent("analysis"), as: "economy analyze --matrices")
        try Self.run(["economy", "build", "china-2017", "--out", "built", "--quiet"], in: folder)
        lines += try Self.headers(of: folder.appendingPathComponent("built"), as: "economy build china-2017")

        // economy show --format csv: every listing.
        for listing in ["--regions", "--sectors", "--products", "--categories"] {
            let result = try Self.run(["economy", "show", Self.economy, listing, "--format", "csv"], in: folder)
            lines.append("economy show \(listing) --format csv | stdout | \(result.standardOutput.components(separatedBy: "\n")[0])")
        }
        let plan = try Self.run(["plan", "show", "--format", "csv"], in: folder)
        lines.append("plan show --format csv | stdout | \(plan.standardOutput.components(separatedBy: "\n")[0])")

        // sweep: a Saltelli design (Sobol' indices) and a random one (regression indices) give one header.
        for design in ["{method: saltelli, samples: 4, seed: 1}", "{method: random, samples: 8, seed: 1}"] {
            let sweep = """
                schema_version: 1
                name: headers
                scenario: dynamic.yaml
                design: \(design)
                parameters:
                  - {path: shocks.chips.magnitude, name: cut, distribution: uniform, lower: 0.2, upper: 1}
                  - {path: investment.eta, name: eta, distribution: uniform, lower: 0.5, upper: 2}
                outputs:
                  - {summary: cumulative_value_added_loss}
                  - {name: north_va_loss, metric: value_added, regions: north, statistic: cumulative_loss}
                """
            try sweep.write(to: folder.appendingPathComponent("sweep.yaml"), atomically: true, encoding: .utf8)
            try Self.run(["sweep", "sweep.yaml", "--out", "sweep", "--quiet"], in: folder)
            lines += try Self.headers(of: folder.appendingPathComponent("sweep"), as: "sweep \(design)")
        }

        // compare --format csv: every level, the cumulative table, three runs.
        let comparisons: [(String, [String])] = [
            ("cells", []), ("regions", ["--level", "regions"]), ("sectors", ["--level", "sectors"]),
            ("products", ["--level", "products"]), ("summary", ["--level", "summary"]), ("cells --cumulative", ["--cumulative"]),
        ]
        for (label, extra) in comparisons {
            let result = try Self.run(["compare", "dynamic", "dynamic-b", "--format", "csv"] + extra, in: folder)
            lines.append("compare --format csv \(label) | stdout | \(result.standardOutput.components(separatedBy: "\n")[0])")
        }
        let three = try Self.run(["compare", "dynamic", "dynamic-b", "dynamic", "--format", "csv"], in: folder)
        lines.append("compare --format csv, three runs | stdout | \(three.standardOutput.components(separatedBy: "\n")[0])")

        // sensitivity analyze: every method's table (sobol --second-order prints two).
        let salib = { (name: String) in Fixtures.repository.appendingPathComponent("Tests/ShockFlowModelTests/Fixtures/salib/\(name)").path }
        let analyses: [(String, [String])] = [
            ("sobol", ["sobol", "-p", salib("ishigami_problem.txt"), "-X", salib("ishigami_saltelli_X.txt"), "-Y", salib("ishigami_saltelli_Y.txt")]),
            ("sobol --second-order", ["sobol", "-p", salib("ishigami_problem.txt"), "-X", salib("ishigami_saltelli2_X.txt"),
                                      "-Y", salib("ishigami_saltelli2_Y.txt"), "--second-order"]),
            ("morris", ["morris", "-p", salib("morris_problem.txt"), "-X", salib("morris_X.txt"), "-Y", salib("morris_Y.txt")]),
            ("latin", ["latin", "-p", salib("ishigami_problem.txt"), "-X", salib("regression_X.txt"), "-Y", salib("regression_Y.txt")]),
        ]
        for (label, arguments) in analyses {
            let result = try Self.run(["sensitivity", "analyze"] + arguments, in: folder)
            for table in result.standardOutput.components(separatedBy: "\n\n") where !table.isEmpty {
                lines.append("sensitivity analyze \(label) | stdout | \(table.components(separatedBy: "\n")[0])")
            }
        }

        Snapshot.assertMatches(lines.joined(separator: "\n") + "\n", named: "csv-headers.txt")
    }
}
