import Foundation
import ShockFlowTestSupport
import Testing

/// `compare` and `report` refuse a results table cut short with one check and one message, and a
/// number field that is not a finite number, wherever it is.
@Suite struct TruncatedResultsTests {
    @Test(arguments: ["regions.csv", "weights.csv"])
    func compareAndReportRefuseTheSameTruncatedFile(file: String) throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
            schema_version: 1
            name: cut
            economy: \(Fixtures.path("economies/two-region"))
            horizon: {periods: 6}
            shocks:
              - {id: chips, kind: import, products: chips, magnitude: 0.5}
            """.write(to: folder.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
        let run = try CommandRunner.run(["run", "s.yaml", "--out", "a", "--quiet"], in: folder)
        #expect(run.exitCode == 0, "\(run.standardError)")
        let path = folder.appendingPathComponent("b/" + file).path
        for cut in ["a line break before the last period", "the middle of a line"] {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("b"))
            try FileManager.default.copyItem(at: folder.appendingPathComponent("a"), to: folder.appendingPathComponent("b"))
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let truncated = cut.hasPrefix("a line")
                ? text.split(separator: "\n").prefix { !$0.hasPrefix("5,") }.joined(separator: "\n") + "\n"
                : String(text.prefix(text.count / 2))
            try truncated.write(toFile: path, atomically: true, encoding: .utf8)
            let report = try CommandRunner.run(["report", "b"], in: folder)
            #expect(report.exitCode == 1, "\(cut)")
            #expect(report.standardError.contains("b/\(file)") && report.standardError.contains("the file looks truncated"), "\(cut)")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("b/report.html").path))
            // compare reads regions.csv (weights.csv is report's alone): the same message.
            if file == "regions.csv" {
                let compare = try CommandRunner.run(["compare", "a", "b", "--level", "regions"], in: folder)
                #expect(compare.exitCode == 2)
                #expect(compare.standardError == report.standardError, "\(cut)")
            }
        }
    }

    /// Text that only starts like a number, in a column the report does not draw, is refused by both.
    @Test(arguments: ["1e999", "1.0.0", "0x1p3", "nan"])
    func numberFieldsAreNumbersEverywhere(value: String) throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
            schema_version: 1
            name: n
            economy: \(Fixtures.path("economies/two-region"))
            horizon: {periods: 3}
            """.write(to: folder.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
        #expect(try CommandRunner.run(["run", "s.yaml", "--out", "a", "--quiet"], in: folder).exitCode == 0)
        try FileManager.default.copyItem(at: folder.appendingPathComponent("a"), to: folder.appendingPathComponent("b"))
        for file in ["cells.csv", "regions.csv"] {
            let path = folder.appendingPathComponent("b/" + file).path
            var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
            var fields = lines[5].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[fields.count - 2] = value  // the difference column
            lines[5] = fields.joined(separator: ",")
            try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        let compare = try CommandRunner.run(["compare", "a", "b"], in: folder)
        #expect(compare.exitCode == 2)
        #expect(compare.standardError.contains("b/cells.csv, line 6, column 7 (difference)"), "\(compare.standardError)")
        let report = try CommandRunner.run(["report", "b"], in: folder)
        #expect(report.exitCode == 1)
        #expect(report.standardError.contains("b/regions.csv, line 6, column 6 (difference)"), "\(report.standardError)")
    }
}
