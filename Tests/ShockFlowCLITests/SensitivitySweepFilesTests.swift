import Foundation
import Testing

/// `shockflow sensitivity analyze` on a sweep's own samples.csv and outputs.csv (docs/sweep-format.md):
/// the indices equal those the sweep wrote in its sensitivity.csv and those of SALib's bare matrices
/// holding the same numbers; rows are paired by run; `--output` picks the column.
@Suite struct SensitivitySweepFilesTests {
    /// A sweep of the two-region chip scenario with the given design, run by `shockflow sweep` in `directory`.
    static func runSweep(design: String, in directory: URL, name: String = "sweep", parameters: String? = nil) throws -> URL {
        let text = """
            schema_version: 1
            name: analyze-sweep
            scenario:
              schema_version: 1
              name: two-region-chips
              economy: \(SweepCommandTests.economy)
              horizon: {periods: 8, period: quarter, seed: 1}
              shocks:
                - {id: chip-imports, kind: import, products: chips, magnitude: 0.6, profile: {type: recovery, start: 1, half_life: 4}}
              substitution:
                - {product: chips, sector: manu, theta: 0.5}
            design: \(design)
            parameters:
            \(parameters ?? Self.parameters)
            outputs:
              - {summary: cumulative_value_added_loss}
              - {name: north_va_loss, metric: value_added, regions: north, statistic: cumulative_loss}
            """
        try Data(text.utf8).write(to: directory.appendingPathComponent(name + ".yaml"))
        let folder = directory.appendingPathComponent(name)
        let result = try CommandRunner.run(["sweep", name + ".yaml", "--out", folder.path, "--quiet"], in: directory)
        #expect(result.exitCode == 0, "\(result.standardError)")
        return folder
    }

    static let parameters = """
          - {path: shocks.chip-imports.magnitude, name: cut, distribution: uniform, lower: 0.2, upper: 1}
          - {path: "substitution[0].theta", name: theta, distribution: uniform, lower: 0, upper: 1}
          - {path: investment.eta, name: eta, distribution: log_uniform, lower: 0.25, upper: 4}
        """

    /// The problem file of the sweep's parameters, in another order than samples.csv's columns (the
    /// columns' order is kept: the design's layout follows it).
    static let problem = "eta 0.25 4 NA logunif\ncut 0.2 1\ntheta 0 1\n"
    /// The same in the sweep's order, for SALib's bare matrices, whose columns are the problem's.
    static let problemInSweepOrder = "cut 0.2 1\ntheta 0 1\neta 0.25 4 NA logunif\n"

    /// sensitivity.csv's rows of one output: (parameter, index) → (estimate, half-width or nil).
    static func sweepIndices(_ folder: URL, output: String) throws -> [String: (estimate: Double, halfWidth: Double?)] {
        let text = try String(contentsOf: folder.appendingPathComponent("sensitivity.csv"), encoding: .utf8)
        var indices: [String: (Double, Double?)] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields[1] == output, let estimate = Double(fields[4]) else { continue }
            indices[fields[2] + " " + fields[3]] = (estimate, Double(fields[6]).map { $0 - estimate })
        }
        return indices
    }

    /// The analysis printed as (parameter, column name) → value.
    static func printedIndices(_ csv: String) -> [String: Double] {
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        var values: [String: Double] = [:]
        for row in lines.dropFirst() {
            for (column, name) in lines[0].enumerated().dropFirst() { values[row[0] + " " + name] = Double(row[column]) }
        }
        return values
    }

    /// samples.csv and one column of outputs.csv rewritten as SALib's bare matrices (the same number texts).
    static func bareMatrices(_ folder: URL, output: Int, in directory: URL) throws -> (samples: String, outputs: String) {
        func rows(_ name: String) throws -> [[Substring]] {
            try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8).split(separator: "\n").dropFirst()
                .map { $0.split(separator: ",").dropFirst().map { $0 } }
        }
        let samples = try rows("samples.csv").map { $0.joined(separator: " ") }.joined(separator: "\n") + "\n"
        let outputs = try rows("outputs.csv").map { String($0[output]) }.joined(separator: "\n") + "\n"
        let (x, y) = (directory.appendingPathComponent("X.txt"), directory.appendingPathComponent("Y.txt"))
        try Data(samples.utf8).write(to: x)
        try Data(outputs.utf8).write(to: y)
        try Data(problemInSweepOrder.utf8).write(to: directory.appendingPathComponent("p-sweep-order.txt"))
        return (x.path, y.path)
    }

    private func analyze(_ arguments: [String], in directory: URL) throws -> CommandResult {
        try CommandRunner.run(["sensitivity", "analyze"] + arguments, in: directory)
    }

    /// Sobol' on a Saltelli sweep: S1 and ST are the sweep's estimates exactly, the intervals its
    /// half-widths; the bare matrices give the same bytes.
    @Test func sobolIndicesEqualTheSweeps() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let folder = try Self.runSweep(design: "{method: saltelli, samples: 16, seed: 3, bootstrap_resamples: 50}", in: directory)
        try Data(Self.problem.utf8).write(to: directory.appendingPathComponent("p.txt"))
        let settings = ["--seed", "3", "--resamples", "50"]
        for (column, output) in ["cumulative_value_added_loss", "north_va_loss"].enumerated() {
            let result = try analyze(
                ["sobol", "-p", "p.txt", "-X", "sweep/samples.csv", "-Y", "sweep/outputs.csv", "--output", output] + settings,
                in: directory)
            #expect(result.exitCode == 0, "\(result.standardError)")
            #expect(result.standardOutput.hasPrefix("parameter,S1,S1_conf,ST,ST_conf\ncut,"))
            let printed = Self.printedIndices(result.standardOutput)
            let expected = try Self.sweepIndices(folder, output: output)
            #expect(expected.count == 6)
            for (key, index) in expected {
                let (parameter, name) = (key.split(separator: " ")[0], key.split(separator: " ")[1])
                #expect(printed["\(parameter) \(name)"] == index.estimate, "\(output) \(key)")
                let halfWidth = try #require(printed["\(parameter) \(name)_conf"])
                #expect(abs(halfWidth - (index.halfWidth ?? .nan)) <= 1e-12 * max(1, abs(index.estimate)), "\(output) \(key) interval")
            }
            let bare = try Self.bareMatrices(folder, output: column, in: directory)
            let matrices = try analyze(["sobol", "-p", "p-sweep-order.txt", "-X", bare.samples, "-Y", bare.outputs] + settings, in: directory)
            #expect(matrices.exitCode == 0 && matrices.standardOutput == result.standardOutput)
            // --sweep takes the seed and resamples from the manifest.
            let sweep = try analyze(["sobol", "--sweep", "sweep", "--output", output], in: directory)
            #expect(sweep.exitCode == 0 && sweep.standardOutput == result.standardOutput, "\(sweep.standardError)")
        }
    }

    /// Morris on a Morris sweep (the grid checked against the problem's bounds) and the regression of a
    /// Latin-hypercube sweep: the sweep's indices, and the bare matrices' bytes.
    @Test func morrisAndRegressionIndicesEqualTheSweeps() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(Self.problem.utf8).write(to: directory.appendingPathComponent("p.txt"))
        let cases: [(design: String, method: String, flags: [String], indices: [(sweep: String, printed: String)])] = [
            ("{method: morris, samples: 10, levels: 6, seed: 5, bootstrap_resamples: 40}", "morris", ["--levels", "6", "--seed", "5", "--resamples", "40"],
             [("mu", "mu"), ("mu_star", "mu_star"), ("sigma", "sigma")]),
            ("{method: lhs, samples: 40, seed: 2}", "latin", [], [("src", "SRC"), ("spearman", "spearman")]),
        ]
        for (number, test) in cases.enumerated() {
            let name = "sweep\(number)"
            let folder = try Self.runSweep(design: test.design, in: directory, name: name)
            let result = try analyze(
                [test.method, "-p", "p.txt", "-X", "\(name)/samples.csv", "-Y", "\(name)/outputs.csv", "--output", "north_va_loss"]
                    + test.flags, in: directory)
            #expect(result.exitCode == 0, "\(test.method): \(result.standardError)")
            let printed = Self.printedIndices(result.standardOutput)
            let expected = try Self.sweepIndices(folder, output: "north_va_loss")
            for parameter in ["cut", "theta", "eta"] {
                for index in test.indices {
                    let value = try #require(printed["\(parameter) \(index.printed)"], "\(test.method) \(parameter) \(index.printed)")
                    let sweep = try #require(expected["\(parameter) \(index.sweep)"]).estimate
                    // The sweep fits every output in one least-squares call: equal to the last bits.
                    #expect(abs(value - sweep) <= 1e-12 * max(1, abs(sweep)), "\(test.method) \(parameter) \(index.printed)")
                }
            }
            if let star = expected["cut mu_star"], let halfWidth = star.halfWidth {
                #expect(abs((printed["cut mu_star_conf"] ?? .nan) - halfWidth) <= 1e-12 * max(1, star.estimate))
            }
            let bare = try Self.bareMatrices(folder, output: 1, in: directory)
            let matrices = try analyze([test.method, "-p", "p-sweep-order.txt", "-X", bare.samples, "-Y", bare.outputs] + test.flags, in: directory)
            #expect(matrices.exitCode == 0 && matrices.standardOutput == result.standardOutput, "\(test.method)")
            let sweep = try analyze([test.method, "--sweep", name, "--output", "north_va_loss"], in: directory)
            #expect(sweep.exitCode == 0 && sweep.standardOutput == result.standardOutput, "\(test.method): \(sweep.standardError)")
        }
    }

    /// Rows are paired by run, not by line: outputs.csv in another order gives the same indices; one
    /// output column needs no --output.
    @Test func rowsArePairedByRun() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try Self.runSweep(design: "{method: saltelli, samples: 8, seed: 3}", in: directory)
        try Data(Self.problem.utf8).write(to: directory.appendingPathComponent("p.txt"))
        let reference = try analyze(
            ["sobol", "-p", "p.txt", "-X", "sweep/samples.csv", "-Y", "sweep/outputs.csv", "--output", "north_va_loss"], in: directory)
        #expect(reference.exitCode == 0, "\(reference.standardError)")
        let lines = try String(contentsOf: directory.appendingPathComponent("sweep/outputs.csv"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let oneOutput = ["run,north_va_loss"] + lines.dropFirst().reversed().map { line in
            let fields = line.split(separator: ",")
            return "\(fields[0]),\(fields[2])"
        }
        try Data((oneOutput.joined(separator: "\n") + "\n").utf8).write(to: directory.appendingPathComponent("reversed.csv"))
        let reversed = try analyze(["sobol", "-p", "p.txt", "-X", "sweep/samples.csv", "-Y", "reversed.csv"], in: directory)
        #expect(reversed.exitCode == 0, "\(reversed.standardError)")
        #expect(reversed.standardOutput == reference.standardOutput)
    }

    /// Usage errors (status 2) when --output does not fit; bad input (status 1) naming file and line.
    @Test func refusals() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try Self.runSweep(design: "{method: saltelli, samples: 8, seed: 3}", in: directory)
        try Data(Self.problem.utf8).write(to: directory.appendingPathComponent("p.txt"))
        let outputs = try String(contentsOf: directory.appendingPathComponent("sweep/outputs.csv"), encoding: .utf8)
        var lines = outputs.split(separator: "\n").map(String.init)
        lines[6] = lines[6].replacingOccurrences(of: "5,", with: "99,", options: .anchored)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: directory.appendingPathComponent("renumbered.csv"))
        try Data("run,cut,theta\n0,0.5,0.5\n".utf8).write(to: directory.appendingPathComponent("two-columns.csv"))
        try Data("1.5\n2.5\n".utf8).write(to: directory.appendingPathComponent("Y.txt"))
        let table = ["sobol", "-p", "p.txt", "-X", "sweep/samples.csv", "-Y", "sweep/outputs.csv"]
        let cases: [([String], Int32, String)] = [
            (table, 2, "shockflow: error: sweep/outputs.csv has 2 outputs (cumulative_value_added_loss, north_va_loss): choose one with --output NAME\n"),
            (table + ["--output", "north_loss"], 2,
             "shockflow: error: sweep/outputs.csv has no output \"north_loss\" — did you mean `north_va_loss`? (outputs: cumulative_value_added_loss, north_va_loss)\n"),
            (["sobol", "-p", "p.txt", "-X", "sweep/samples.csv", "-Y", "renumbered.csv", "--output", "north_va_loss"], 1,
             "    - sweep/samples.csv, line 7: run 5 is not in renumbered.csv\n    - renumbered.csv, line 7: run 99 is not in sweep/samples.csv\n"),
            (["sobol", "-p", "p.txt", "-X", "sweep/samples.csv", "-Y", "Y.txt"], 1,
             "Y.txt: a bare matrix, but sweep/samples.csv is a sweep's table"),
            (["sobol", "-p", "p.txt", "-X", "two-columns.csv", "-Y", "sweep/outputs.csv", "--output", "north_va_loss"], 1,
             "two-columns.csv, line 1: the columns after run are not the problem's parameters (eta, cut, theta): no column for 'eta'"),
        ]
        for (arguments, status, message) in cases {
            let result = try analyze(arguments, in: directory)
            #expect(result.exitCode == status, "\(arguments): \(result.standardError)")
            #expect(result.standardOutput.isEmpty)
            #expect(result.standardError.contains(message), "\(result.standardError)")
        }
        let bare = try analyze(["sobol", "-p", "p.txt", "-X", "Y.txt", "-Y", "Y.txt", "--output", "x"], in: directory)
        #expect(bare.exitCode == 2)
        #expect(bare.standardError == "shockflow: error: --output picks a column of a sweep's outputs.csv (a header starting with run); Y.txt is a matrix of one output per line\n")
    }

    /// --sweep DIR on a sweep with grouped parameters (which a problem file cannot give): one S1 and ST
    /// per group, the sweep's own numbers.
    @Test func aSweepFolderWithGroups() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let grouped = """
              - {path: shocks.chip-imports.magnitude, name: cut, group: shock, distribution: uniform, lower: 0.2, upper: 1}
              - {path: shocks.chip-imports.profile.half_life, name: half_life, group: shock, distribution: uniform, lower: 2, upper: 8}
              - {path: "substitution[0].theta", name: theta, distribution: uniform, lower: 0, upper: 1}
            """
        let folder = try Self.runSweep(design: "{method: saltelli, samples: 16, seed: 4}", in: directory, parameters: grouped)
        let result = try analyze(["sobol", "--sweep", "sweep", "--output", "cumulative_value_added_loss"], in: directory)
        #expect(result.exitCode == 0, "\(result.standardError)")
        let printed = Self.printedIndices(result.standardOutput)
        #expect(result.standardOutput.split(separator: "\n").map { $0.prefix { $0 != "," } } == ["parameter", "shock", "theta"])
        for (key, index) in try Self.sweepIndices(folder, output: "cumulative_value_added_loss") {
            #expect(printed[key] == index.estimate, "\(key)")
        }
    }

    /// What --sweep refuses: -p/-X/-Y beside it or nothing at all (usage), a METHOD or setting the design
    /// does not fit, a shard, a folder that is not a sweep's.
    @Test func sweepFolderRefusals() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try Self.runSweep(design: "{method: morris, samples: 4, levels: 4, seed: 3}", in: directory)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("shards"), withIntermediateDirectories: true)
        let shard = try CommandRunner.run(
            ["sweep", "sweep.yaml", "--out", "shards/0", "--shard", "0/2", "--batch", "4", "--quiet"], in: directory)
        #expect(shard.exitCode == 0, "\(shard.standardError)")
        let cases: [([String], Int32, String)] = [
            (["morris", "--sweep", "sweep", "-p", "p.txt"], 2, "--sweep reads the folder's samples.csv, outputs.csv and manifest.json; leave out -p PROBLEM"),
            (["morris", "-X", "sweep/samples.csv"], 2, "analyze needs -p PROBLEM, -Y OUTPUTS (or --sweep DIR)"),
            (["morris", "--sweep", "sweep"], 2, "sweep/outputs.csv has 2 outputs (cumulative_value_added_loss, north_va_loss): choose one with --output NAME"),
            (["sobol", "--sweep", "sweep", "--output", "north_va_loss"], 1, "sweep is a sweep of the morris design: analyse it with morris"),
            (["morris", "--sweep", "sweep", "--output", "north_va_loss", "--levels", "6"], 1,
             "--levels 6 does not fit the sweep in sweep: its Morris grid has 4 levels (leave it out to use the sweep's)"),
            (["morris", "--sweep", "shards/0", "--output", "north_va_loss"], 1,
             "shards/0 holds shard 0/2 of a sweep, not every run: merge the shards first (shockflow sweep merge) and analyse the merged folder"),
            (["morris", "--sweep", ".", "--output", "north_va_loss"], 1, ". is not the output folder of shockflow sweep: it has no manifest.json"),
        ]
        for (arguments, status, message) in cases {
            let result = try analyze(arguments, in: directory)
            #expect(result.exitCode == status, "\(arguments): \(result.standardError)")
            #expect(result.standardOutput.isEmpty)
            #expect(result.standardError.contains(message), "\(result.standardError)")
        }
    }
}
