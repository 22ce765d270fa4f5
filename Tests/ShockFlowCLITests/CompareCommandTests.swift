import Foundation
import Testing

/// `shockflow compare` as a user runs it, on the hand-made runs of ShockFlowFormatsTests/Fixtures/runs
/// (make_runs.py says what differs): output, exit statuses 0, 1 and 2, and the files written.
@Suite struct CompareCommandTests {
    static let runs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ShockFlowFormatsTests/Fixtures/runs")

    /// Runs `shockflow compare ARGUMENTS` in the fixtures' folder, so runs are named as there.
    private func compare(_ arguments: [String]) throws -> CommandResult {
        try CommandRunner.run(["compare"] + arguments, in: Self.runs)
    }

    @Test func identicalRunsPrintNoDifferences() throws {
        let result = try compare(["base", "identical"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("\nno differences: 16 rows, the same in every run.\n"))
        #expect(result.standardError.isEmpty)
        let checked = try compare(["base", "identical", "--rtol", "0", "--atol", "0"])
        #expect(checked.exitCode == 0)
    }

    /// The changed cell heads both rankings of value_added with −25 %; the whole table is pinned.
    @Test func aSingleChangeIsRankedFirst() throws {
        let result = try compare(["base", "one-change"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(!result.standardOutput.contains("\u{1B}"))
        Snapshot.assertMatches(result.standardOutput, named: "compare-one-change.txt")
    }

    /// Every output format, printed and written with --out, in two processes under the two settings of
    /// CrossProcess (OpenBLAS threads, locale, time zone): the same bytes.
    @Test func threadsLocaleAndTimeZoneDoNotChangeAByte() throws {
        let out = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        for format in ["table", "csv", "markdown", "json"] {
            let arguments = ["compare", "base", "one-change", "missing-row", "--format", format, "--rtol", "0.1"]
            let printed = try CrossProcess.settings.map { setting in
                try CommandRunner.run(arguments, environment: setting.environment, in: Self.runs)
            }
            #expect(printed[0].exitCode == 1 && printed[1].exitCode == 1, "\(printed[0].standardError)")
            CrossProcess.expectSameBytes(Data(printed[0].standardOutput.utf8), Data(printed[1].standardOutput.utf8), format)
            CrossProcess.expectSameBytes(Data(printed[0].standardError.utf8), Data(printed[1].standardError.utf8), format + " stderr")
            let written = try CrossProcess.settings.enumerated().map { index, setting in
                let file = out.appendingPathComponent("\(format)-\(index)")
                _ = try CommandRunner.run(arguments + ["--out", file.path], environment: setting.environment, in: Self.runs)
                return try Data(contentsOf: file)
            }
            CrossProcess.expectSameBytes(written[0], written[1], "--out, \(format)")
        }
    }

    /// A regression check: exit 1 listing the row outside the tolerance; 0 when the tolerance covers it
    /// (|18 − 24| = 6 ≤ 0.3·24).
    @Test func regressionCheckExitStatus() throws {
        let failing = try compare(["base", "one-change", "--rtol", "1e-9"])
        #expect(failing.exitCode == 1)
        #expect(failing.standardOutput.contains("DISAGREE: 1 row outside rtol 1e-09, atol 0."))
        #expect(failing.standardOutput.contains("  Outside tolerance, largest first\n    period  region  sector   A   B  B - A  relative\n    1       south   manu    24  18     -6  -25.00 %\n"))
        let passing = try compare(["base", "one-change", "--rtol", "0.3"])
        #expect(passing.exitCode == 0)
        #expect(passing.standardOutput.contains("every value agrees within rtol 0.3, atol 0."))
        // Other formats give the verdict on standard error.
        let json = try compare(["base", "one-change", "--atol", "1", "--format", "json"])
        #expect(json.exitCode == 1)
        #expect(json.standardError == "16 rows: 1 differ; DISAGREE: 1 row outside rtol 0, atol 1.\n")
    }

    @Test func aMissingRowIsListed() throws {
        let result = try compare(["base", "missing-row"])
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.contains("16 rows: 0 differ; 1 row missing from a run."))
        #expect(result.standardOutput.contains("Rows missing from a run\n  period  region  sector  metric    A        B  B - A  relative\n  0       north   agri    output  100  missing\n"))
        #expect(try compare(["base", "missing-row", "--atol", "1e6"]).exitCode == 1)
    }

    @Test func aDifferentEconomyIsRefused() throws {
        let result = try compare(["base", "other-economy"])
        #expect(result.exitCode == 2)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError == """
            shockflow: error: the runs cannot be compared row by row (use --level summary to compare their headline figures):
              economy: A ran on two-region, B on world-2011

            """)
        let summary = try compare(["base", "other-economy", "--level", "summary"])
        #expect(summary.exitCode == 0)
        #expect(summary.standardOutput.contains("no differences: 2 rows"))
    }

    /// Bad input: exit 2 with one message naming the file and, where there is one, the line.
    @Test func badInputExitsWithStatus2() throws {
        let cases = [
            ("not-a-run", "shockflow: error: not-a-run: not a results folder of shockflow run: it has no manifest.json\n"),
            ("truncated", "shockflow: error: truncated/cells.csv: the file looks truncated: its last line does not end with a line break, as every line of shockflow run's files does\n"),
            ("nan-value", "shockflow: error: nan-value/cells.csv, line 6, column 6 (scenario): \"nan\" is not a finite number (NaN and infinity are refused)\n"),
            // The baseline column is not the one compared (scenario is), but a NaN there is refused too.
            ("nan-baseline", "shockflow: error: nan-baseline/cells.csv, line 4, column 5 (baseline): \"nan\" is not a finite number (NaN and infinity are refused)\n"),
            ("unsorted", "shockflow: error: unsorted/cells.csv, line 10: period 0 comes after period 1; compare reads the rows in the order shockflow run writes them (periods ascending) and does not sort them\n"),
        ]
        for (run, message) in cases {
            let result = try compare(["base", run])
            #expect(result.exitCode == 2, "\(run)")
            #expect(result.standardError == message)
            #expect(result.standardOutput.isEmpty)
        }
        let header = try compare(["base", "bad-header"])
        #expect(header.exitCode == 2)
        #expect(header.standardError.contains("bad-header/cells.csv, line 1, column 7: unexpected column \"diff\""))
    }

    /// Flag problems found by compare itself exit 2, and so do the argument parser's own refusals.
    @Test func usageErrors() throws {
        let cases: [([String], String)] = [
            (["base", "identical", "--period", "1", "--cumulative"], "--period and --cumulative exclude each other"),
            (["base", "identical", "--rtol=-1"], "--rtol must be a finite number ≥ 0"),
            (["base", "identical", "--metric", "gdp"], "no metric \"gdp\""),
        ]
        for (arguments, message) in cases {
            let result = try compare(arguments)
            #expect(result.exitCode == 2, "\(arguments)")
            #expect(result.standardError.contains(message), "\(result.standardError)")
        }
    }

    /// What the argument parser refuses before compare runs (an unknown flag, a flag without its value,
    /// a word where a number belongs, a value not among a flag's choices, fewer than two runs) exits 2 with the
    /// parser's message and usage, as docs/compare.md promises, and so does every other command.
    @Test func parserUsageErrorsExitWithStatus2() throws {
        let cases: [([String], String)] = [
            (["base", "identical", "--no-such-flag"], "Unknown option '--no-such-flag'"),
            (["base", "identical", "--metric"], "Missing value for '--metric <metric>'"),
            (["base", "identical", "--top", "ten"], "The value 'ten' is invalid for '--top <top>'"),
            (["base", "identical", "--format", "xml"],
             "The value 'xml' is invalid for '--format <format>'. Please provide one of 'table', 'csv', 'markdown' or 'json'."),
            (["base", "identical", "--level", "towns"],
             "The value 'towns' is invalid for '--level <level>'. Please provide one of the following:\n  - cells\n  - regions\n  - sectors\n  - products\n  - summary\n  - prices\n  - price_indices"),
            (["base", "identical", "--column", "value"],
             "The value 'value' is invalid for '--column <column>'. Please provide one of 'scenario', 'baseline' or 'difference'."),
            (["base"], "Missing expected argument '<compared>'"),
        ]
        for (arguments, message) in cases {
            let result = try compare(arguments)
            #expect(result.exitCode == 2, "\(arguments)")
            #expect(result.standardError.hasPrefix("Error: \(message)"), "\(result.standardError)")
            #expect(result.standardError.contains("Usage: shockflow compare"), "\(result.standardError)")
            #expect(result.standardOutput.isEmpty)
        }
        let help = try compare(["--help"])
        #expect(help.exitCode == 0 && help.standardOutput.contains("USAGE: shockflow compare"))
        let otherCommand = try CommandRunner.run(["validate", "--no-such-flag"], in: Self.runs)
        #expect(otherCommand.exitCode == 2)
    }

    /// --format csv --out writes the full table to the file and nothing to standard output.
    @Test func csvToAFile() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("diff.csv").path
        let result = try compare(["base", "one-change", "--format", "csv", "--out", out])
        #expect(result.exitCode == 0 && result.standardOutput.isEmpty && result.standardError.isEmpty)
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 17)
        #expect(lines.first == "period,region,sector,metric,A,B,difference,relative")
        #expect(lines.contains("1,south,manu,value_added,24,18,-6,-0.25"))
        // An input error leaves no file behind.
        let failed = try compare(["base", "nan-value", "--format", "csv", "--out", folder.appendingPathComponent("bad.csv").path])
        #expect(failed.exitCode == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["diff.csv"])
        // A folder is not replaced by the output.
        let refused = try compare(["base", "one-change", "--format", "markdown", "--out", folder.path])
        #expect(refused.exitCode == 2)
        #expect(refused.standardError.contains("it is not a regular file"))
    }
}
