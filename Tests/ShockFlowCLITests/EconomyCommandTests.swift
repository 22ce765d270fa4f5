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

    /// `economy analyze` in two processes under the two settings of CrossProcess (OpenBLAS threads,
    /// locale, time zone) writes the same bytes: china-2017 (its multipliers differed in the last bits
    /// between OPENBLAS_NUM_THREADS=1 and =2 before the analysis ran on one thread) and, with --matrices,
    /// a dense 4 × 30 economy (L and G differed too). `economy show` prints the same bytes too.
    @Test func threadsLocaleAndTimeZoneDoNotChangeAByte() throws {
        let out = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let dense = out.appendingPathComponent("dense")
        try Self.writeDenseEconomy(regions: 4, sectors: 30, to: dense)
        for (name, arguments) in [("china", ["china-2017"]), ("dense", [dense.path, "--matrices"])] {
            _ = try CrossProcess.runUnderEachSetting(["economy", "analyze"] + arguments) { index, _ in
                ["--out", out.appendingPathComponent("\(name)-\(index)").path]
            }
            try CrossProcess.expectSameFiles(in: out.appendingPathComponent("\(name)-0"), out.appendingPathComponent("\(name)-1"))
        }
        // economy show's listings, as printed (names, totals in the money unit, table widths).
        for (listing, format) in [("--regions", "table"), ("--sectors", "table"), ("--products", "table"), ("--categories", "table"), ("--sectors", "csv")] {
            let printed = try CrossProcess.runUnderEachSetting(["economy", "show", "china-2017", listing, "--format", format])
            CrossProcess.expectSameBytes(
                Data(printed[0].standardOutput.utf8), Data(printed[1].standardOutput.utf8), "economy show \(listing) --format \(format)")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("dense-0").path).sorted()
        #expect(files == ["A.csv", "B.csv", "G.csv", "L.csv", "manifest.json", "multipliers.csv", "output.csv"])
        let manifest = try String(contentsOf: out.appendingPathComponent("china-1/manifest.json"), encoding: .utf8)
        #expect(manifest.contains("the model ran on one OpenBLAS thread whatever the thread setting"))
    }

    /// A balanced economy of `regions` × `sectors` cells with every flow non-zero, from a fixed formula:
    /// dense enough that OpenBLAS splits its LU and solves across threads. Column sums of A stay at or
    /// below 0.6, so it passes `economy check`.
    static func writeDenseEconomy(regions: Int, sectors: Int, to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let n = regions * sectors
        let labels = (0..<n).map { "r\($0 / sectors),s\($0 % sectors)" }
        func flow(_ i: Int, _ j: Int) -> Double {
            let scale: Double = i / sectors == j / sectors ? 3 : 0.5
            return Double(1 + (i * 7919 + j * 104_729) % 1000) / 1000 * scale
        }
        var sales = [Double](repeating: 0, count: n), purchases = [Double](repeating: 0, count: n)
        for i in 0..<n {
            for j in 0..<n {
                sales[i] += flow(i, j)
                purchases[j] += flow(i, j)
            }
        }
        let finalDemand = (0..<n).map { i -> Double in max(Double(10 + i % 17), purchases[i] / 0.6 - sales[i]) }
        let yaml = """
            name: dense
            year: 2017
            money_unit: yuan
            regions: [\((0..<regions).map { "r\($0)" }.joined(separator: ", "))]
            sectors: [\((0..<sectors).map { "s\($0)" }.joined(separator: ", "))]
            final_demand_categories: [households]

            """
        var z = "from_region,from_sector,to_region,to_sector,value\n"
        for i in 0..<n { for j in 0..<n { z += "\(labels[i]),\(labels[j]),\(flow(i, j))\n" } }
        let y = "from_region,from_sector,to_region,category,value\n"
            + (0..<n).map { "\(labels[$0]),r\($0 / sectors),households,\(finalDemand[$0])\n" }.joined()
        let x = "region,sector,output\n" + (0..<n).map { "\(labels[$0]),\(sales[$0] + finalDemand[$0])\n" }.joined()
        for (name, text) in [("economy.yaml", yaml), ("Z.csv", z), ("Y.csv", y), ("x.csv", x)] {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
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
