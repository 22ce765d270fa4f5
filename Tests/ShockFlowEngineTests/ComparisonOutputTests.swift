import Foundation
import ShockFlowModel
import ShockFlowTestSupport
import Testing
@testable import ShockFlowEngine
@testable import ShockFlowFormats

/// The outputs of `shockflow compare`: numbers for people, the full CSV table, Markdown, JSON and the
/// terminal table's colours, on the hand-made runs (Fixtures/runs/make_runs.py).
@Suite struct ComparisonOutputTests {
    final class Collected: ComparisonOutput {
        var bytes: [UInt8] = []
        func write(_ bytes: [UInt8]) throws { self.bytes += bytes }
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    private func report(_ names: [String], _ options: ComparisonOptions = ComparisonOptions(), csv: Collected? = nil) throws
        -> ComparisonReport
    {
        try RunComparison.compare(names.map(ComparisonRunTests.run), options: options, fullTable: csv)
    }

    @Test func displayNumbers() {
        #expect(DisplayNumber.format(1_234_567.891) == "1,234,568")
        #expect(DisplayNumber.format(-12.5) == "-12.5")
        #expect(DisplayNumber.format(12.5, signed: true) == "+12.5")
        #expect(DisplayNumber.format(0, signed: true) == "0")
        #expect(DisplayNumber.format(0.000123456789) == "0.000123457")
        #expect(DisplayNumber.format(999_999.5) == "1,000,000")
        #expect(DisplayNumber.format(-6, signed: true) == "-6")
        #expect(DisplayNumber.format(1e-5) == "1.0000e-05")
        #expect(DisplayNumber.format(2.5e20) == "2.5000e+20")
        #expect(DisplayNumber.percent(-0.25) == "-25.00 %")
        #expect(DisplayNumber.percent(12.3456) == "+1,234.56 %")
        #expect(DisplayNumber.percent(1e-6) == "+1.00e-04 %")
    }

    /// Every aligned row, with empty fields for the missing value and for differences that need it.
    @Test func csvHasEveryAlignedRow() throws {
        let csv = Collected()
        _ = try report(["base", "missing-row"], csv: csv)
        let lines = csv.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 18 && lines.last == "")
        #expect(lines[0] == "period,region,sector,metric,A,B,difference,relative")
        // In the first run's order, the row B lacks in its place.
        #expect(lines[1] == "0,north,agri,output,100,,,")
        #expect(lines[2] == "0,north,agri,value_added,50,50,0,0")
        #expect(lines.contains("1,south,manu,value_added,24,24,0,0"))

        let changed = Collected()
        _ = try report(["base", "one-change"], csv: changed)
        #expect(changed.text.contains("\n1,south,manu,value_added,24,18,-6,-0.25\n"))
        #expect(changed.text.contains("\n1,south,manu,output,48,48,0,0\n"))
    }

    @Test func csvWithThreeRunsAndCumulative() throws {
        let csv = Collected()
        _ = try report(["base", "one-change", "missing-row"], ComparisonOptions(periods: .cumulative), csv: csv)
        let lines = csv.text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "region,sector,metric,A,B,C,difference_B,relative_B,difference_C,relative_C")
        #expect(lines.count == 9)
        #expect(lines.contains("south,manu,value_added,54,48,54,-6,-0.1111111111111111,0,0"))
        // C lacks period 0's north/agri output (100): its total is period 1's alone, 95 against 100 + 95.
        #expect(lines.contains("north,agri,output,195,195,95,0,0,-100,\(-100.0 / 195)"))
    }

    @Test func markdownReport() throws {
        let text = ComparisonTextReport(try report(["base", "one-change"]), style: .markdown).text
        #expect(text.hasPrefix("## Comparison of cells.csv, column scenario, every period\n\n- A  two-chips  ("))
        #expect(text.contains("### value_added (10,000 yuan): 8 rows, 1 differ"))
        #expect(text.contains("| period | region | sector | A | B | B - A | relative |\n| --- | --- | --- | ---: | ---: | ---: | ---: |\n| 1 | south | manu | 24 | 18 | -6 | -25.00 % |"))
        #expect(!text.contains("\u{1B}"))
    }

    /// Colour only when asked: negative differences red, headings bold.
    @Test func terminalColours() throws {
        let compared = try report(["base", "one-change"])
        let plain = ComparisonTextReport(compared, style: .terminal(colour: false)).text
        #expect(!plain.contains("\u{1B}"))
        #expect(plain.contains("    1       south   manu    24  18     -6  -25.00 %\n"))
        let coloured = ComparisonTextReport(compared, style: .terminal(colour: true)).text
        #expect(coloured.contains("\u{1B}[31m   -6\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1mvalue_added (10,000 yuan): 8 rows, 1 differ\u{1B}[0m"))
    }

    @Test func verdictLines() throws {
        let identical = ComparisonTextReport(try report(["base", "identical"]), style: .markdown)
        #expect(identical.verdictLine == "no differences: 16 rows, the same in every run.")
        let checked = try report(["base", "missing-row", "one-change"], ComparisonOptions(tolerance: ComparisonTolerance(relative: 0.1)))
        #expect(
            ComparisonTextReport(checked, style: .markdown).verdictLine
                == "16 rows: 1 differ; 1 row missing from a run; DISAGREE: 1 row outside rtol 0.1, atol 0 and rows missing.")
    }

    @Test func jsonReport() throws {
        let text = try ComparisonJSONReport.text(try report(["base", "one-change"], ComparisonOptions(top: 1, tolerance: ComparisonTolerance(relative: 0.3))))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["verdict"] as? String == "agree")
        #expect(json["rows"] as? Int == 16 && json["differing_rows"] as? Int == 1 && json["rows_outside_tolerance"] as? Int == 0)
        #expect(json["key_columns"] as? [String] == ["period", "region", "sector"])
        let metrics = try #require(json["metrics"] as? [[String: Any]])
        #expect(metrics.map { $0["metric"] as? String } == ["output", "value_added"])
        let row = try #require((metrics[1]["largest_differences"] as? [[String: Any]])?.first)
        #expect(row["key"] as? [String: String] == ["period": "1", "region": "south", "sector": "manu"])
        #expect(row["values"] as? [String: Double] == ["A": 24, "B": 18])
        #expect(row["difference"] as? [String: Double] == ["B": -6])
        #expect(row["relative"] as? [String: Double] == ["B": -0.25])
        let runs = try #require(json["runs"] as? [[String: String]])
        #expect(runs.map { $0["name"] } == ["two-chips", "two-chips-less-substitution"])
    }

    /// The file appears only on commit; discarding leaves nothing; a folder or device is never replaced.
    @Test func atomicFileStream() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/out.csv"
            let stream = try AtomicFileStream(path: path)
            try stream.write(Array("a,b\n".utf8))
            #expect(!FileManager.default.fileExists(atPath: path))
            try stream.commit()
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "a,b\n")
            let abandoned = try AtomicFileStream(path: directory + "/never.csv")
            try abandoned.write([1, 2, 3])
            abandoned.discard()
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["out.csv"])
            #expect(throws: DataFileError.writeFailed(path: directory, reason: "it is not a regular file; name a file to create or replace")) {
                try AtomicFileStream(path: directory)
            }
        }
    }
}
