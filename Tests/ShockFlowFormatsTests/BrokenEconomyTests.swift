import Foundation
import ShockFlowLinearAlgebra
import ShockFlowModel
import ShockFlowTestSupport
import Testing
@testable import ShockFlowFormats

/// The folders come from scripts/fixtures/broken_economies.py; each has one defect, listed there.
@Suite("broken economies")
struct BrokenEconomyTests {
    /// Loads `Fixtures/broken/<name>` and returns the problems it reports (none if it loads).
    private func problems(_ name: String) -> (error: DataFileError?, problems: [DataFileError]) {
        do {
            _ = try EconomyLoader.load(Fixtures.path("broken/" + name))
            return (nil, [])
        } catch let error as DataFileError {
            return (error, error.problems)
        } catch {
            Issue.record("\(name): not a DataFileError: \(error)")
            return (nil, [])
        }
    }

    /// Expects exactly one problem that `matches`, and a description naming `file` and `place`.
    private func expectSingle(
        _ name: String, file: String, place: String, sourceLocation: SourceLocation = #_sourceLocation,
        _ matches: (DataFileError) -> Bool
    ) {
        let (error, found) = problems(name)
        #expect(found.count == 1, "\(name): \(found)", sourceLocation: sourceLocation)
        #expect(found.first.map(matches) == true, "\(name): \(found)", sourceLocation: sourceLocation)
        let text = error?.description ?? ""
        #expect(text.contains(file) && text.contains(place), "\(name): \(text)", sourceLocation: sourceLocation)
    }

    @Test("missing file")
    func missingFile() {
        expectSingle("missing-file", file: "missing-file/Y.csv", place: "file not found") {
            if case .fileNotFound(let path, _) = $0 { return path.hasSuffix("Y.csv") }
            return false
        }
    }

    @Test("ragged CSV row")
    func raggedRow() {
        expectSingle("ragged-row", file: "Z.csv", place: "line 4: expected 5 fields, found 4") {
            if case .raggedRow(let location, 5, 4) = $0 { return location.line == 4 }
            return false
        }
    }

    @Test("text in a number")
    func textInNumber() {
        expectSingle("text-in-number", file: "Z.csv", place: "line 3, column 5 (value): expected a number, found \"about 20\"") {
            if case .notANumber(let location, "about 20") = $0 { return location.line == 3 && location.field == 5 }
            return false
        }
    }

    @Test("NaN")
    func notANumber() {
        expectSingle("nan-value", file: "Y.csv", place: "line 5, column 5 (value)") {
            if case .nonFiniteNumber(let location, "NaN") = $0 { return location.line == 5 }
            return false
        }
    }

    @Test("negative output")
    func negativeOutput() {
        expectSingle("negative-output", file: "x.csv", place: "line 4, column 3 (output): gross output of south/agri is negative (-70)") {
            if case .negativeOutput(let location, "south/agri", -70) = $0 { return location.line == 4 }
            return false
        }
    }

    @Test("unknown region in Y, with the closest valid name")
    func unknownRegion() {
        expectSingle("unknown-region-in-y", file: "Y.csv", place: "line 6, column 3 (to_region): unknown region \"suoth\"; did you mean \"south\"?") {
            if case .unknownLabel(let location, "region", "suoth", "south") = $0 { return location.line == 6 }
            return false
        }
    }

    @Test("duplicate cell, naming both lines")
    func duplicateCell() {
        expectSingle("duplicate-cell", file: "Z.csv", place: "line 14: duplicate cell from_region north, from_sector agri, to_region north, to_sector manu, already given on line 3") {
            if case .duplicateCell(let location, _, 3) = $0 { return location.line == 14 }
            return false
        }
    }

    @Test("empty Z.csv")
    func emptyFlows() {
        expectSingle("empty-z", file: "empty-z/Z.csv", place: "the file is empty") {
            if case .emptyFile(let path) = $0 { return path.hasSuffix("Z.csv") }
            return false
        }
    }

    @Test("0-byte economy.yaml")
    func emptyManifest() {
        expectSingle("empty-economy-yaml", file: "empty-economy-yaml/economy.yaml", place: "the file is empty") {
            if case .emptyFile(let path) = $0 { return path.hasSuffix("economy.yaml") }
            return false
        }
    }

    @Test("unknown key in economy.yaml, reported with the missing key it replaced")
    func unknownManifestKey() {
        let (error, found) = problems("unknown-key-in-economy-yaml")
        #expect(found.contains {
            if case .unknownManifestKey(let location, "money_units", _) = $0 { return location.line == 4 }
            return false
        })
        #expect(found.contains {
            if case .invalidManifest(_, let message) = $0 { return message.contains("missing required key \"money_unit\"") }
            return false
        })
        #expect(error?.description.contains("economy.yaml, line 4: unknown key \"money_units\"") == true)
    }

    @Test("pymrio folder with a truncated Z.txt")
    func truncatedPymrio() {
        let (error, found) = problems("pymrio-truncated-z")
        #expect(found.contains {
            if case .raggedRow(let location, 14, _) = $0 { return location.line == 8 && location.path.hasSuffix("Z.txt") }
            return false
        })
        #expect(found.contains {
            if case .invalidTable(_, let message) = $0 { return message.contains("rows are missing") }
            return false
        })
        #expect(error?.description.contains("Z.txt, line 8: expected 14 fields") == true)
    }

    @Test("a column of A summing to more than 1 is not a load error")
    func columnSumOverOne() throws {
        let economy = try EconomyLoader.load(Fixtures.path("broken/column-sum-over-one")).economy
        let inputs = try economy.intermediateFlows.columnSums()
        #expect(inputs[0] / economy.grossOutput[0] == 105.0 / 95.0)  // MODEL (3): column north/agri of A
    }

    @Test("a folder where va.csv or imports.csv belongs is an error, not an absent optional file")
    func folderInPlaceOfOptionalFile() {
        for (folder, file) in [("va-is-a-folder", "va.csv"), ("imports-is-a-folder", "imports.csv")] {
            expectSingle(folder, file: "\(folder)/\(file)", place: "a folder where a file belongs (expected ") {
                if case .notAFile(let path, _) = $0 { return path.hasSuffix(folder + "/" + file) }
                return false
            }
        }
    }

    @Test("a finite value beyond ±1e150 is refused with its file, line and column")
    func hugeValues() {
        expectSingle("huge-value-added", file: "va.csv", place: "line 6, column 4 (value): \"1e308\" is too large") {
            if case .valueOutOfRange(let location, "1e308", 1e150) = $0 { return location.line == 6 }
            return false
        }
        expectSingle("huge-output", file: "x.csv", place: "line 3, column 3 (output): \"1e308\" is too large") {
            if case .valueOutOfRange(let location, "1e308", 1e150) = $0 { return location.line == 3 }
            return false
        }
    }

    /// An output of 5e-324 loads; the check finds I − A singular and the analysis refuses the cell
    /// (for `--skip-checks`) instead of writing NaN.
    @Test("a denormal gross output is refused by the check and by the analysis")
    func tinyOutput() throws {
        let economy = try EconomyLoader.load(Fixtures.path("broken/tiny-output")).economy
        #expect(economy.grossOutput[2] == .leastNonzeroMagnitude)
        let report = try economy.check()
        #expect(!report.passed)
        #expect(report.findings.contains { $0.kind == .singularSystem && $0.severity == .error })
        #expect(report.findings.contains { $0.kind == .coefficientColumnSum && $0.cells == [2] })
        #expect(throws: StaticModelError.coefficientOverflow(cell: "region south, sector agri", output: .leastNonzeroMagnitude)) {
            try InputOutputAnalysis(economy: economy)
        }
    }

    @Test("every problem of a file is reported in one pass")
    func collectsAllProblems() throws {
        try withTemporaryDirectory { directory in
            let copy = directory + "/economy"
            try FileManager.default.copyItem(atPath: Fixtures.path("economies/two-region"), toPath: copy)
            try writeFile(
                "from_region,from_sector,to_region,to_sector,value\nnorth,agri,north,agri,x\nwest,agri,north,agri,1\nnorth,agri\n",
                named: "Z.csv", in: copy)
            try writeFile("region,sector,output\nnorth,agri,-1\n", named: "x.csv", in: copy)
            do {
                _ = try EconomyLoader.load(copy)
                Issue.record("expected problems")
            } catch let error as DataFileError {
                let lines = error.problems.map { problem -> String in
                    let text = problem.description
                    return text.range(of: "/economy/").map { String(text[$0.upperBound...].prefix(14)) } ?? text
                }
                #expect(lines == ["x.csv, line 2,", "Z.csv, line 2,", "Z.csv, line 3,", "Z.csv, line 4:"])
            }
        }
    }
}
