import Foundation
import ShockFlowModel
import ShockFlowTestSupport
import Testing
@testable import ShockFlowEngine
@testable import ShockFlowFormats

/// Large files read in windows (compare, issue 5: flat memory) and Z.txt read on two threads
/// (issue 2: analyze speed) give exactly what the one-piece, one-thread reading gives.
@Suite struct WindowedReadingTests {
    /// Records, fields and line numbers of a CSV read in one piece.
    private func records(_ reader: inout CSVReader) throws -> [(line: Int, fields: [String])] {
        var result: [(line: Int, fields: [String])] = []
        while try reader.nextRecord() { result.append((reader.line, (0..<reader.fieldCount).map { reader.text($0) })) }
        return result
    }

    /// Quoted line breaks, doubled quotes, CRLF, blank lines and a record longer than the window: every
    /// window size from 1 byte up reads the same records on the same lines as the whole file does.
    @Test func windowsOfAnySizeReadTheWholeFilesRecords() throws {
        let text = "a,b\r\n1,\"two\nlines\"\n\n3,\"say \"\"hi\"\"\"\n" + String(repeating: "x", count: 300) + ",4\n5,6"
        try withTemporaryDirectory { directory in
            let path = try writeFile(text, named: "t.csv", in: directory)
            var whole = try CSVReader(path: path)
            let expected = try records(&whole)
            #expect(expected.map(\.line) == [1, 2, 5, 6, 7])
            for windowSize in [1, 2, 7, 16, 64, 1000] {
                var windows = try WindowedCSVReader(path: path, windowSize: windowSize)
                var read: [(line: Int, fields: [String])] = []
                while try windows.nextRecord() {
                    read.append((windows.current.line, (0..<windows.current.fieldCount).map { windows.current.text($0) }))
                }
                #expect(read.map(\.line) == expected.map(\.line), "window \(windowSize)")
                #expect(read.map(\.fields) == expected.map(\.fields), "window \(windowSize)")
            }
            #expect(try WindowedCSVReader(path: path).lastByte() == UInt8(ascii: "6"))
        }
    }

    /// Two cells.csv of 120,000 rows (≈ 6 MB, more than one 4 MB window) that differ in one value near
    /// the end and in one row missing from the second window: compare finds exactly those, and reports a
    /// NaN in the baseline column (not compared) with the file's own line number.
    @Test func compareReadsFilesLargerThanAWindow() throws {
        let periods = 3000, regions = 4, sectors = 5, metrics = ["output", "value_added"]
        var lines = ["period,region,sector,metric,baseline,scenario,difference,relative"]
        for period in 0..<periods {
            for region in 0..<regions {
                for sector in 0..<sectors {
                    for metric in metrics {
                        lines.append("\(period),r\(region),s\(sector),\(metric),1000000.125,1000000.125,0,0")
                    }
                }
            }
        }
        #expect(lines.count - 1 == 120_000)
        let changedLine = lines.count - 2  // period 2999, r3, s4, output
        let missingLine = 105_001  // period 2625, r0, s0, output
        var changed = lines
        changed[changedLine] = changed[changedLine].replacingOccurrences(of: ",1000000.125,0,0", with: ",1000002.625,2.5,2.5e-06")
        let missingKey = changed.remove(at: missingLine)
        var withNaN = lines
        withNaN[missingLine] = withNaN[missingLine].replacingOccurrences(of: ",1000000.125,1000000.125,", with: ",nan,1000000.125,")
        try withTemporaryDirectory { directory in
            let a = try writeFile(lines.joined(separator: "\n") + "\n", named: "a.csv", in: directory)
            let b = try writeFile(changed.joined(separator: "\n") + "\n", named: "b.csv", in: directory)
            let nan = try writeFile(withNaN.joined(separator: "\n") + "\n", named: "nan.csv", in: directory)
            #expect(try FileManager.default.attributesOfItem(atPath: a)[.size] as? Int ?? 0 > WindowedCSVReader.defaultWindowSize)

            let report = try RunComparison.compare([a, b], options: ComparisonOptions())
            #expect(report.tally.rowCount == 120_000)
            #expect(report.tally.differingRowCount == 1 && report.tally.partialRowCount == 1)
            let output = try #require(report.tally.metrics.first { $0.metric == "output" })
            let largest = try #require(output.largestDifferences.ranked.first?.entry)
            #expect(largest.key == ["2999", "r3", "s4"] && largest.values == [1000000.125, 1000002.625])
            #expect(missingKey.hasPrefix("2625,r0,s0,output,"))
            #expect(report.tally.partialRows == [ComparedRow(key: ["2625", "r0", "s0"], metric: "output", values: [1000000.125, nil])])

            #expect {
                _ = try RunComparison.compare([a, nan], options: ComparisonOptions())
            } throws: { error in
                (error as? DataFileError)?.description
                    == "\(nan), line \(missingLine + 1), column 5 (baseline): \"nan\" is not a finite number (NaN and infinity are refused)"
            }
        }
    }

    /// A tab-separated Z table with the numbers written as Python's repr writes them: read on two
    /// threads it gives those very doubles, as one thread does; a bad number or a row given twice
    /// across the halves gives the one-thread report exactly.
    @Test func twoThreadsReadTheSameBitsAndReportTheSameProblems() throws {
        let cells = 24
        var generator = SplitMix64(seed: 24)
        let values = (0..<(cells * cells)).map { _ in Double.random(in: 0..<1e6, using: &generator) }
        func table(_ edit: (inout [String]) -> Void = { _ in }) -> String {
            var rows = ["region\t\t" + (0..<cells).map { "R\($0 / 4)" }.joined(separator: "\t"),
                        "sector\t\t" + (0..<cells).map { "s\($0 % 4)" }.joined(separator: "\t"),
                        "region\tsector" + String(repeating: "\t", count: cells)]
            for row in 0..<cells {
                rows.append("R\(row / 4)\ts\(row % 4)\t" + (0..<cells).map { "\(values[row * cells + $0])" }.joined(separator: "\t"))
            }
            edit(&rows)
            return rows.joined(separator: "\n") + "\n"
        }
        func read(_ path: String, twoThreads: Bool) throws -> (values: [Double], seen: [Bool], problems: [DataFileError]) {
            var table = try PymrioTable(path: path, indexColumns: 2, headerRows: 2)
            var read = [Double](repeating: -1, count: cells * cells)
            var problems = ProblemCollector()
            let locate: (CSVReader) throws -> Int = { row in
                guard let region = Int(row.text(0).dropFirst()), let sector = Int(row.text(1).dropFirst()) else { return 0 }
                return region * 4 + sector
            }
            let seen = try read.withUnsafeMutableBufferPointer { buffer in
                twoThreads
                    ? try table.readRowsOnTwoThreads(
                        rowCount: cells, problems: &problems, describeRow: { "row \($0)" }, locate: locate,
                        store: { buffer[$0 * cells + $1] = $2 }, smallestSplit: 1)
                    : try table.readRows(
                        rowCount: cells, problems: &problems, describeRow: { "row \($0)" }, locate: locate,
                        store: { buffer[$0 * cells + $1] = $2 })
            }
            return (read, seen, problems.problems)
        }
        try withTemporaryDirectory { directory in
            let good = try writeFile(table(), named: "Z.txt", in: directory)
            let twoThreads = try read(good, twoThreads: true)
            #expect(twoThreads.values.map(\.bitPattern) == values.map(\.bitPattern))
            #expect(twoThreads.seen == [Bool](repeating: true, count: cells) && twoThreads.problems.isEmpty)

            let badNumber = try writeFile(table { $0[20] = $0[20].replacingOccurrences(of: "\t", with: "\tx", options: [], range: $0[20].index($0[20].startIndex, offsetBy: 6)..<$0[20].endIndex) }, named: "bad.txt", in: directory)
            let repeated = try writeFile(table { $0[25] = $0[4] }, named: "repeated.txt", in: directory)
            for path in [badNumber, repeated] {
                let (one, two) = (try read(path, twoThreads: false), try read(path, twoThreads: true))
                #expect(!one.problems.isEmpty)
                #expect(two.problems == one.problems && two.seen == one.seen)
            }
        }
    }
}
