import Foundation
import Testing

/// `shockflow economy check` and `shockflow economy analyze` run as a user would run them.
@Suite struct EconomyCommandTests {
    static let ioFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("ShockFlowFormatsTests/Fixtures")

    static func fixture(_ relativePath: String) -> String { ioFixtures.appendingPathComponent(relativePath).path }

    @Test func balancedEconomyPasses() throws {
        let result = try CommandRunner.run(["economy", "check", Self.fixture("economies/two-region")])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Result: PASSED"))
        #expect(result.standardOutput.contains("Row balance, MODEL (1)"))
    }

    /// The WIOD table is rounded to whole millions (`rounding: 1` in its economy.yaml): the check allows
    /// for it and says so, with the worst cell, instead of failing 1,384 rows or hiding the rounding.
    @Test func roundedWorldTableIsReportedHonestly() throws {
        let result = try CommandRunner.run(["economy", "check", "world-2011"])
        #expect(result.exitCode == 0, "\(result.standardOutput)")
        #expect(result.standardOutput.contains("41 regions × 35 sectors = 1435 cells"))
        #expect(result.standardOutput.contains("money unit: million US dollars, values rounded to steps of 1"))
        #expect(result.standardOutput.contains("0 cells above 1e-06 plus the rounding allowance 820 million US dollars"))
        #expect(result.standardOutput.contains("Result: PASSED"))
        #expect(result.standardOutput.contains("22 cells with zero gross output"))
    }

    /// Every built-in economy passes its own check; the names are those the binary lists (in the
    /// error for an unknown name), so that an economy added later is covered too.
    @Test func everyBuiltInEconomyPassesItsOwnCheck() throws {
        let unknown = try CommandRunner.run(["economy", "check", "no-such-economy"])
        let listing = try #require(unknown.standardError.components(separatedBy: "built-in economies: ").last)
        let names = listing.split(separator: "\n").first.map { $0.components(separatedBy: ", ") } ?? []
        #expect(Set(["world-2011", "china-2017", "china-2017-national", "china-2020-national"]).isSubset(of: names), "\(names)")
        for name in names {
            let result = try CommandRunner.run(["economy", "check", name])
            #expect(result.exitCode == 0, "\(name): \(result.standardOutput)")
            #expect(result.standardOutput.contains("Result: PASSED"), "\(name)")
        }
    }

    @Test func columnOfAAboveOneFailsTheCheckNamingTheColumn() throws {
        let result = try CommandRunner.run(["economy", "check", Self.fixture("broken/column-sum-over-one")])
        #expect(result.exitCode == 1)
        #expect(result.standardOutput.contains("Result: FAILED"))
        #expect(result.standardOutput.contains("column"))
    }

    /// Every broken economy: a non-zero exit, a message naming the file, no crash, no stack trace, no output.
    @Test(arguments: [
        ("missing-file", "Y.csv"), ("ragged-row", "Z.csv"), ("text-in-number", "Z.csv"), ("nan-value", ".csv"),
        ("negative-output", "x.csv"), ("unknown-region-in-y", "Y.csv"), ("duplicate-cell", "Z.csv"),
        ("empty-z", "Z.csv"), ("empty-economy-yaml", "economy.yaml"), ("pymrio-truncated-z", "Z.txt"),
        ("unknown-key-in-economy-yaml", "economy.yaml"), ("va-is-a-folder", "va-is-a-folder/va.csv: a folder"),
        ("imports-is-a-folder", "imports-is-a-folder/imports.csv: a folder"), ("huge-value-added", "va.csv, line 6"),
        ("huge-output", "x.csv, line 3"), ("column-sum-over-one", "column sum of A ≥ 1"),
        ("tiny-output", "I − A is singular"),
    ])
    func brokenEconomyIsRefused(folder: String, namedFile: String) throws {
        let out = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let target = out.appendingPathComponent("analysis").path
        let result = try CommandRunner.run(["economy", "analyze", Self.fixture("broken/\(folder)"), "--out", target])
        #expect(result.exitCode != 0)
        #expect(result.exitCode < 128, "killed by a signal: a crash")
        #expect(result.standardError.hasPrefix("shockflow: error: "), "\(result.standardError)")
        #expect(result.standardError.contains(namedFile), "\(result.standardError)")
        #expect(!result.standardError.contains("Fatal error"))
        #expect(!FileManager.default.fileExists(atPath: target), "no output for a failed run")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty, "no temporary leftovers")
    }

    /// analyze on pymrio's own save_all folder reproduces pymrio's x, and writes A and L equal to pymrio's.
    @Test func analyzeMatchesPymrio() throws {
        let out = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let target = out.appendingPathComponent("analysis")
        let result = try CommandRunner.run([
            "economy", "analyze", Self.fixture("pymrio/random-3x4"), "--out", target.path, "--matrices",
        ])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let files = try FileManager.default.contentsOfDirectory(atPath: target.path).sorted()
        #expect(files == ["A.csv", "B.csv", "G.csv", "L.csv", "manifest.json", "multipliers.csv", "output.csv"])
        let output = try LongCSV(path: target.appendingPathComponent("output.csv").path)
        #expect(output.header == ["region", "sector", "output", "value_added"])
        let expectedOutput = try LongCSV(path: Self.fixture("pymrio/expected/x.csv"))
        try expectClose(output.values(column: 2), expectedOutput.values(column: 2), relative: 1e-9, floor: .none, "x")
        for matrix in ["A", "L"] {
            let ours = try LongCSV(path: target.appendingPathComponent("\(matrix).csv").path)
            let pymrio = try LongCSV(path: Self.fixture("pymrio/expected/\(matrix).csv"))
            #expect(ours.header == ["from_region", "from_sector", "to_region", "to_sector", "value"])
            #expect(ours.labels(columns: 0..<4) == pymrio.labels(columns: 0..<4), "same cells in the same order")
            // Entries below 1e-3 are compared against 1e-3: an absolute 1e-12.
            try expectClose(
                ours.values(column: 4), pymrio.values(column: 4), relative: 1e-9, floor: .absolute(1e-3), matrix)
        }
        let multipliers = try LongCSV(path: target.appendingPathComponent("multipliers.csv").path)
        #expect(multipliers.header == [
            "region", "sector", "output_multiplier", "value_added_multiplier", "backward_linkage", "forward_linkage",
        ])
        // MODEL (9): μ_j is the column sum of L.
        let l = try LongCSV(path: target.appendingPathComponent("L.csv").path).values(column: 4)
        let n = multipliers.rows.count
        let columnSums = (0..<n).map { j in (0..<n).reduce(0.0) { $0 + l[$1 * n + j] } }
        try expectClose(multipliers.values(column: 2), columnSums, relative: 1e-12, floor: .none, "μ")
        let manifest = try String(contentsOf: target.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"sha256\""))
        #expect(manifest.contains("\"version\" : \"0.1.0\""))
    }

    /// The numbers do not depend on the OpenBLAS kernel beyond round-off (docs/blas-kernel.md).
    @Test func resultsDoNotDependOnTheKernel() throws {
        let out = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        var tables: [LongCSV] = []
        for (name, environment) in [("generic", ["OPENBLAS_CORETYPE": "Prescott"]), ("detected", [:])] {
            let target = out.appendingPathComponent(name).path
            let result = try CommandRunner.run(
                ["economy", "analyze", Self.fixture("pymrio/random-3x4"), "--out", target], environment: environment)
            #expect(result.exitCode == 0, "\(result.standardError)")
            tables.append(try LongCSV(path: target + "/multipliers.csv"))
        }
        for column in 2..<6 {
            try expectClose(
                tables[0].values(column: column), tables[1].values(column: column), relative: 1e-13, floor: .none,
                tables[0].header[column])
        }
    }
}

/// A small CSV reader for checking what the binary wrote (header, then rows; quoted fields allowed).
struct LongCSV {
    var header: [String]
    var rows: [[String]]

    init(path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var lines = text.split(separator: "\n").map { Self.fields(String($0)) }
        header = lines.removeFirst()
        rows = lines
    }

    func values(column: Int) throws -> [Double] {
        try rows.map { row in
            guard let value = Double(row[column]) else { throw CocoaError(.fileReadCorruptFile) }
            return value
        }
    }

    func labels(columns: Range<Int>) -> [[String]] { rows.map { Array($0[columns]) } }

    static func fields(_ line: String) -> [String] {
        var fields: [String] = [], current = "", quoted = false
        for character in line {
            if character == "\"" { quoted.toggle() } else if character == "," && !quoted {
                fields.append(current)
                current = ""
            } else { current.append(character) }
        }
        fields.append(current)
        return fields
    }
}
