import Foundation
import ShockFlowTestSupport
import Testing

/// `compare` and `report` refuse a results table cut short with one check and one message.
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
}
