import Foundation
import ShockFlowTestSupport
import Testing
@testable import ShockFlowEngine
@testable import ShockFlowFormats

/// Inputs `shockflow compare` refuses, each with a message naming the file (and line, where there is one).
@Suite struct ComparisonBadInputTests {
    private func compare(_ paths: [String], _ options: ComparisonOptions = ComparisonOptions()) throws {
        _ = try RunComparison.compare(paths, options: options)
    }

    private func messageComparing(_ name: String, with other: String = "base") -> String {
        do {
            try compare([ComparisonRunTests.run(other), ComparisonRunTests.run(name)])
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func aFolderThatIsNotARun() throws {
        let folder = ComparisonRunTests.run("not-a-run")
        #expect(messageComparing("not-a-run") == "\(folder): not a results folder of shockflow run: it has no manifest.json")
        #expect(throws: DataFileError.fileNotFound(path: "no/such/run", expected: "a results folder of shockflow run or one of its CSV files")) {
            try compare([ComparisonRunTests.run("base"), "no/such/run"])
        }
        // The hand-made runs, like static ones, have no products.csv.
        #expect(throws: ComparisonError.notARun(path: ComparisonRunTests.run("base"), reason: "it has no products.csv")) {
            try compare([ComparisonRunTests.run("base"), ComparisonRunTests.run("identical")], ComparisonOptions(level: .products))
        }
        // The output folder of another command.
        try withTemporaryDirectory { directory in
            try FileManager.default.copyItem(atPath: ComparisonRunTests.run("base") + "/cells.csv", toPath: directory + "/cells.csv")
            try writeFile(#"{"command": "economy analyze", "economy": "two-region"}"#, named: "manifest.json", in: directory)
            #expect(throws: ComparisonError.notARun(path: directory, reason: "its manifest.json was written by shockflow economy analyze")) {
                try compare([ComparisonRunTests.run("base"), directory])
            }
            try writeFile("{not json", named: "manifest.json", in: directory)
            #expect(throws: DataFileError.invalidManifest(FileLocation(path: directory + "/manifest.json"), message: "not readable as JSON")) {
                try compare([ComparisonRunTests.run("base"), directory])
            }
        }
    }

    @Test func aTruncatedFile() throws {
        let file = ComparisonRunTests.run("truncated") + "/cells.csv"
        #expect(
            messageComparing("truncated")
                == "\(file): the file looks truncated: its last line does not end with a line break, as every line of shockflow run's files does")
        // Cut at a line break: the periods stop before the manifest's horizon.
        try withTemporaryDirectory { directory in
            for name in ["manifest.json", "cells.csv"] {
                try FileManager.default.copyItem(atPath: ComparisonRunTests.run("base") + "/" + name, toPath: directory + "/" + name)
            }
            let lines = try String(contentsOfFile: directory + "/cells.csv", encoding: .utf8).split(separator: "\n")
            try writeFile(lines.prefix(9).joined(separator: "\n") + "\n", named: "cells.csv", in: directory)
            #expect(throws: ComparisonError.truncated(
                FileLocation(path: directory + "/cells.csv", line: 9), reason: "it stops at period 0, the run has 2 periods (manifest.json)")
            ) { try compare([ComparisonRunTests.run("base"), directory]) }
            // A row cut short mid-file.
            try writeFile(lines.prefix(4).joined(separator: "\n") + "\n0,north\n", named: "cells.csv", in: directory)
            #expect(throws: DataFileError.raggedRow(FileLocation(path: directory + "/cells.csv", line: 5), expectedFields: 8, foundFields: 2)) {
                try compare([ComparisonRunTests.run("base"), directory])
            }
        }
    }

    @Test func mismatchedHeaders() throws {
        let file = ComparisonRunTests.run("bad-header") + "/cells.csv"
        #expect(throws: DataFileError.several([
            .missingColumn(path: file, column: "difference", header: ["period", "region", "sector", "metric", "baseline", "scenario", "diff", "relative"]),
            .unexpectedColumn(FileLocation(path: file, line: 1, field: 7), column: "diff", expected: ResultsLevel.cells.header),
        ], omitted: 0)) { try compare([ComparisonRunTests.run("base"), ComparisonRunTests.run("bad-header")]) }
        try withTemporaryDirectory { directory in
            let path = try writeFile("period,place,value\n0,north,1\n", named: "odd.csv", in: directory)
            #expect(throws: ComparisonError.notAResultsTable(path: path, header: ["period", "place", "value"])) {
                try compare([ComparisonRunTests.run("base"), path])
            }
        }
    }

    @Test func aNaNValue() {
        let file = ComparisonRunTests.run("nan-value") + "/cells.csv"
        #expect(throws: DataFileError.nonFiniteNumber(FileLocation(path: file, line: 6, field: 6, fieldName: "scenario"), text: "nan")) {
            try compare([ComparisonRunTests.run("base"), ComparisonRunTests.run("nan-value")])
        }
    }

    @Test func periodsOutOfOrder() {
        let file = ComparisonRunTests.run("unsorted") + "/cells.csv"
        #expect(throws: ComparisonError.unsortedRows(FileLocation(path: file, line: 10), period: 0, previousPeriod: 1)) {
            try compare([ComparisonRunTests.run("base"), ComparisonRunTests.run("unsorted")])
        }
    }

    /// A key twice in one period is refused with both lines.
    @Test func aDuplicatedRow() throws {
        try withTemporaryDirectory { directory in
            let text = try String(contentsOfFile: ComparisonRunTests.run("base") + "/cells.csv", encoding: .utf8)
            let path = try writeFile(text.replacingOccurrences(of: "0,north,manu,output", with: "0,north,agri,output"), named: "cells.csv", in: directory)
            #expect(throws: ComparisonError.duplicateRow(
                FileLocation(path: path, line: 4), key: "period 0, north, agri, output", firstLine: 2)
            ) { try compare([ComparisonRunTests.run("base") + "/cells.csv", path]) }
        }
    }
}
