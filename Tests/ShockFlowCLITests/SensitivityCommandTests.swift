import Foundation
import Testing

/// `shockflow sensitivity sample|analyze` run as a user runs them, against SALib 1.6's own
/// samples and indices (Tests/ShockFlowModelTests/Fixtures/salib, from scripts/fixtures/salib_reference.py).
@Suite struct SensitivityCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ShockFlowModelTests/Fixtures/salib")

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    /// Rows of numbers separated by spaces (or a CSV's numeric fields after the label).
    static func numbers(_ text: String, separator: Character = " ", dropFirstField: Bool = false) -> [[Double]] {
        text.split(separator: "\n").map { line in
            line.split(separator: separator).dropFirst(dropFirstField ? 1 : 0).compactMap { Double($0) }
        }
    }

    /// Tables of numbers of the same shape, every entry within `relative` of the expected one
    /// against max(|expected|, 1e-3 of the largest expected entry).
    static func expectClose(
        _ actual: [[Double]], _ expected: [[Double]], relative: Double, _ what: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard actual.map(\.count) == expected.map(\.count) else {
            Issue.record(
                "\(what): rows of \(actual.map(\.count)) values, expected \(expected.map(\.count))", sourceLocation: sourceLocation)
            return
        }
        ShockFlowTestSupport.expectClose(
            actual.flatMap { $0 }, expected.flatMap { $0 }, relative: relative, floor: .ofLargest(1e-3), what,
            sourceLocation: sourceLocation)
    }

    /// The problem file can use comments, commas, SALib's group column and distributions.
    @Test func saltelliSampleHasTheDocumentedShapeAndBounds() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let problem = folder.appendingPathComponent("problem.txt").path
        try """
            # policy parameters
            rare_earth_share 0.2 0.6          # share of metal ores
            chip_substitution,0.1,0.9,NA
            investment_eta 0.5 2 NA logunif
            """.write(toFile: problem, atomically: true, encoding: .utf8)
        let bounds = [(0.2, 0.6), (0.1, 0.9), (0.5, 2.0)]
        for (secondOrder, blockSize) in [(false, 5), (true, 8)] {
            let result = try CommandRunner.run(
                ["sensitivity", "sample", "saltelli", "-p", problem, "-n", "64"] + (secondOrder ? ["--second-order"] : []))
            #expect(result.exitCode == 0, "\(result.standardError)")
            let rows = Self.numbers(result.standardOutput)
            #expect(rows.count == 64 * blockSize)
            for row in rows {
                #expect(row.count == 3)
                for (value, (lower, upper)) in zip(row, bounds) { #expect(value >= lower && value <= upper) }
            }
        }
    }

    /// The same seed gives SALib's own samples: Saltelli and Morris bit for bit, a Latin hypercube
    /// through SALib's distribution column to round-off.
    @Test func samplesEqualSALibs() throws {
        let saltelli = try CommandRunner.run([
            "sensitivity", "sample", "saltelli", "-p", Self.fixture("ishigami_problem.txt"), "-n", "512", "--seed", "11",
        ])
        #expect(saltelli.exitCode == 0)
        let expected = try String(contentsOfFile: Self.fixture("ishigami_saltelli_X.txt"), encoding: .utf8)
        #expect(Self.numbers(saltelli.standardOutput) == Self.numbers(expected))

        let morris = try CommandRunner.run([
            "sensitivity", "sample", "morris", "-p", Self.fixture("morris_problem.txt"), "--trajectories", "40",
            "--levels", "4", "--seed", "21",
        ])
        let morrisExpected = try String(contentsOfFile: Self.fixture("morris_X.txt"), encoding: .utf8)
        #expect(Self.numbers(morris.standardOutput) == Self.numbers(morrisExpected))

        let latin = try CommandRunner.run([
            "sensitivity", "sample", "latin", "-p", Self.fixture("distributions_problem.txt"), "-n", "64", "--seed", "51",
        ])
        let latinExpected = try String(contentsOfFile: Self.fixture("distributions_latin_X.txt"), encoding: .utf8)
        Self.expectClose(Self.numbers(latin.standardOutput), Self.numbers(latinExpected), relative: 1e-13, "latin")
    }

    /// Samples of every method and indices of every analysis, each in two processes under the two
    /// settings of CrossProcess (OpenBLAS threads, locale, time zone): the same bytes. The regression
    /// indices come from a 2000 × 20 sample, large enough that OpenBLAS splits the least-squares fit
    /// across threads (its SRC column differed in the last bits before `analyze` ran on one thread).
    @Test func threadsLocaleAndTimeZoneDoNotChangeAByte() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (parameters, runs) = (20, 2000)
        let problem = folder.appendingPathComponent("problem.txt").path
        try (0..<parameters).map { "x\($0) 0 1\n" }.joined().write(toFile: problem, atomically: true, encoding: .utf8)
        // A fixed sample without a generator: the fractional parts of multiples of irrational steps.
        var sample: [[Double]] = []
        for run in 0..<runs {
            sample.append((0..<parameters).map { k -> Double in
                let step = 0.6180339887498949 + Double(k) * 0.7071067811865476
                return (Double(run + 1) * step).truncatingRemainder(dividingBy: 1)
            })
        }
        let outputValues = sample.map { row -> Double in
            var total = 0.0
            for (k, value) in row.enumerated() { total += Double(k + 1) * value * value }
            return total
        }
        let samples = folder.appendingPathComponent("X.txt").path, outputs = folder.appendingPathComponent("Y.txt").path
        let sampleText = sample.map { row in row.map { "\($0)" }.joined(separator: " ") + "\n" }.joined()
        try sampleText.write(toFile: samples, atomically: true, encoding: .utf8)
        try outputValues.map { "\($0)\n" }.joined().write(toFile: outputs, atomically: true, encoding: .utf8)
        let ishigami = Self.fixture("ishigami_problem.txt")
        let commands: [[String]] = [
            ["sample", "saltelli", "-p", ishigami, "-n", "64", "--second-order", "--seed", "9"],
            ["sample", "morris", "-p", ishigami, "--trajectories", "20", "--seed", "9"],
            ["sample", "latin", "-p", Self.fixture("distributions_problem.txt"), "-n", "30", "--seed", "9"],
            ["sample", "random", "-p", ishigami, "-n", "30", "--seed", "9"],
            ["sample", "sobol-sequence", "-p", ishigami, "-n", "32"],
            ["sample", "grid", "-p", ishigami, "--levels", "4"],
            ["analyze", "sobol", "-p", ishigami, "-X", Self.fixture("ishigami_saltelli2_X.txt"),
             "-Y", Self.fixture("ishigami_saltelli2_Y.txt"), "--second-order", "--seed", "7"],
            ["analyze", "morris", "-p", Self.fixture("morris_problem.txt"), "-X", Self.fixture("morris_X.txt"),
             "-Y", Self.fixture("morris_Y.txt"), "--levels", "4", "--seed", "7"],
            ["analyze", "latin", "-p", problem, "-X", samples, "-Y", outputs],
        ]
        for command in commands {
            let results = try CrossProcess.runUnderEachSetting(["sensitivity"] + command)
            #expect(!results[0].standardOutput.isEmpty, "\(command)")
            let what = command.prefix(2).joined(separator: " ")
            CrossProcess.expectSameBytes(Data(results[0].standardOutput.utf8), Data(results[1].standardOutput.utf8), what)
        }
    }

    @Test func sobolIndicesEqualSALibs() throws {
        let result = try CommandRunner.run([
            "sensitivity", "analyze", "sobol", "-p", Self.fixture("ishigami_problem.txt"),
            "-X", Self.fixture("ishigami_saltelli_X.txt"), "-Y", Self.fixture("ishigami_saltelli_Y.txt"), "--seed", "7",
        ])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("parameter,S1,S1_conf,ST,ST_conf\nx1,"))
        let expected = try String(contentsOfFile: Self.fixture("ishigami_sobol_indices.csv"), encoding: .utf8)
        Self.expectClose(
            Self.numbers(result.standardOutput, separator: ",", dropFirstField: true),
            Self.numbers(expected, separator: ",", dropFirstField: true), relative: 1e-10, "Sobol' indices")
    }

    @Test func secondOrderIndicesFollowTheFirstOrderTable() throws {
        let result = try CommandRunner.run([
            "sensitivity", "analyze", "sobol", "-p", Self.fixture("ishigami_problem.txt"), "--second-order",
            "-X", Self.fixture("ishigami_saltelli2_X.txt"), "-Y", Self.fixture("ishigami_saltelli2_Y.txt"), "--seed", "7",
        ])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let tables = result.standardOutput.components(separatedBy: "\n\n")
        #expect(tables.count == 2)
        let pairs = try String(contentsOfFile: Self.fixture("ishigami_sobol2_pairs.csv"), encoding: .utf8)
        #expect(tables.last?.hasPrefix("parameter_1,parameter_2,S2,S2_conf\nx1,x2,") == true)
        Self.expectClose(
            Self.numbers(tables.last ?? "", separator: ",").map { $0 }, Self.numbers(pairs, separator: ","),
            relative: 1e-10, "S2")
    }

    @Test func morrisIndicesEqualSALibs() throws {
        let result = try CommandRunner.run([
            "sensitivity", "analyze", "morris", "-p", Self.fixture("morris_problem.txt"),
            "-X", Self.fixture("morris_X.txt"), "-Y", Self.fixture("morris_Y.txt"), "--seed", "7", "--levels", "4",
        ])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("parameter,mu,mu_star,sigma,mu_star_conf\n"))
        let expected = try String(contentsOfFile: Self.fixture("morris_indices.csv"), encoding: .utf8)
        Self.expectClose(
            Self.numbers(result.standardOutput, separator: ",", dropFirstField: true),
            Self.numbers(expected, separator: ",", dropFirstField: true), relative: 1e-10, "Morris indices")
    }

    @Test func latinSamplesGetRegressionIndices() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let problem = folder.appendingPathComponent("problem.txt").path
        try "a 0 1\nb 0 2\nc -1 1\n".write(toFile: problem, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run([
            "sensitivity", "analyze", "latin", "-p", problem, "-X", Self.fixture("regression_X.txt"),
            "-Y", Self.fixture("regression_Y.txt"),
        ])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("parameter,SRC,spearman\na,"))
        let expected = try String(contentsOfFile: Self.fixture("regression_indices.csv"), encoding: .utf8)
        Self.expectClose(
            Self.numbers(result.standardOutput, separator: ",", dropFirstField: true),
            Self.numbers(expected, separator: ",", dropFirstField: true), relative: 1e-10, "regression indices")
    }

    /// Bad input: exit code 1, a message naming the file (and line) on stderr, nothing on stdout.
    @Test(arguments: [
        ("missing bound", "x1 0\nx2 0 1\n", "sample", [String](), "problem.txt, line 1"),
        ("lower above upper", "x1 0 1\nx2 2 1\n", "sample", [], "not below the upper bound"),
        ("unknown distribution", "x1 0 1 NA unfi\n", "sample", [], "unknown distribution \"unfi\" — did you mean `unif`?"),
        ("text in a bound", "x1 zero 1\n", "sample", [], "line 1, column 2: expected a number, found \"zero\""),
        ("N not a power of 2", "x1 0 1\nx2 0 1\n", "sample", ["-n", "100"], "power of 2"),
        ("text in X", "x1 0 1\nx2 0 1\nx3 0 1\n", "text in X", [], "samples.txt, line 2, column 3: expected a number"),
        ("Y too short", "x1 0 1\nx2 0 1\nx3 0 1\n", "short Y", [], "the outputs have 19"),
        ("second-order sample as first order", "x1 0 1\nx2 0 1\nx3 0 1\n", "second order", [], "Saltelli first-order layout"),
    ])
    func badInputIsRefused(
        name: String, problemText: String, command: String, extra: [String], message: String
    ) throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let problem = folder.appendingPathComponent("problem.txt").path
        try problemText.write(toFile: problem, atomically: true, encoding: .utf8)
        let arguments: [String]
        switch command {
        case "sample":
            arguments = ["sensitivity", "sample", "saltelli", "-p", problem] + (extra.isEmpty ? ["-n", "8"] : extra)
        default:
            let samples = folder.appendingPathComponent("samples.txt").path
            let outputs = folder.appendingPathComponent("outputs.txt").path
            let source = command == "second order" ? "ishigami_saltelli2_X.txt" : "ishigami_saltelli_X.txt"
            var rows = try String(contentsOfFile: Self.fixture(source), encoding: .utf8).split(separator: "\n")
                .prefix(20).map(String.init)
            if command == "text in X" { rows[1] = "0.5 0.5 abc" }
            try (rows.joined(separator: "\n") + "\n").write(toFile: samples, atomically: true, encoding: .utf8)
            let outputCount = command == "short Y" ? 19 : 20
            try String(repeating: "1.5\n", count: outputCount).write(toFile: outputs, atomically: true, encoding: .utf8)
            arguments = ["sensitivity", "analyze", "sobol", "-p", problem, "-X", samples, "-Y", outputs]
        }
        let result = try CommandRunner.run(arguments)
        #expect(result.exitCode == 1, "\(name): exit \(result.exitCode)")
        #expect(result.standardOutput.isEmpty, "\(name): printed \(result.standardOutput.prefix(80))")
        #expect(result.standardError.contains(message), "\(name): \(result.standardError)")
    }
}
