import Foundation
import Testing
@testable import ShockFlowEngine
@testable import ShockFlowFormats
@testable import ShockFlowReport

/// A folder that is no run or sweep, or a run missing a file, fails with the file named and writes
/// nothing; a report replaces an existing file only whole.
@Suite struct BadInputTests {
    @Test func folderWithoutManifestIsRefused() throws {
        let (root, folder) = try ReportFixtures.copy(ReportFixtures.run)
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.removeItem(atPath: folder + "/manifest.json")
        #expect(throws: ReportError.notARunOrSweep(path: folder, reason: "it has no manifest.json")) {
            try ReportBuilder.write(folder: folder)
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/report.html"))
        #expect(throws: ReportError.notARunOrSweep(path: root.path + "/nothing", reason: "it does not exist")) {
            try ReportBuilder.html(folder: root.path + "/nothing")
        }
    }

    @Test func manifestOfAnotherCommandIsRefused() throws {
        let (root, folder) = try ReportFixtures.copy(ReportFixtures.run)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("{\"command\": \"economy analyze\"}".utf8).write(to: URL(fileURLWithPath: folder + "/manifest.json"))
        let error = try #require(throws: ReportError.self) { try ReportBuilder.html(folder: folder) }
        #expect(error.description.contains("shockflow economy analyze, not run or sweep"))
    }

    /// A missing CSV is named, and an existing report at --out is left as it was.
    @Test(arguments: ["cells.csv", "regions.csv", "sectors.csv", "summary.csv", "weights.csv"])
    func runWithAMissingCSVWritesNothing(file: String) throws {
        let (root, folder) = try ReportFixtures.copy(ReportFixtures.run)
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.removeItem(atPath: folder + "/" + file)
        let out = root.appendingPathComponent("report.html").path
        try Data("old report".utf8).write(to: URL(fileURLWithPath: out))
        let error = try #require(throws: ReportError.self) { try ReportBuilder.write(folder: folder, out: out) }
        guard case .missingFile(let path, _) = error else {
            Issue.record("expected a missing file, got \(error)")
            return
        }
        #expect(path == folder + "/" + file)
        #expect(error.description.hasPrefix(folder + "/" + file + ": file not found"))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "old report")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "no temporary file left: \(leftovers)")
    }

    @Test func raggedRowIsNamedByFileAndLine() throws {
        let (root, folder) = try ReportFixtures.copy(ReportFixtures.run)
        defer { try? FileManager.default.removeItem(at: root) }
        let path = folder + "/regions.csv"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text += "2,NORTH,output,1\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let lines = text.split(separator: "\n").count
        let error = try #require(throws: DataFileError.self) { try ReportBuilder.html(folder: folder) }
        #expect(error == .raggedRow(FileLocation(path: path, line: lines), expectedFields: 7, foundFields: 4))
    }

    /// A table cut short is refused as `compare` refuses it (one shared check): a last line without its
    /// line break, or periods that stop before the manifest's horizon (3 periods here).
    @Test(arguments: ["regions.csv", "weights.csv", "sectors.csv", "cells.csv"])
    func truncatedTableIsRefusedAsCompareRefusesIt(file: String) throws {
        let (root, folder) = try ReportFixtures.copy(ReportFixtures.run)
        defer { try? FileManager.default.removeItem(at: root) }
        let path = folder + "/" + file
        let whole = try String(contentsOfFile: path, encoding: .utf8)
        let out = root.appendingPathComponent("report.html").path
        try String(whole.dropLast(3)).write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ComparisonError.truncated(
            FileLocation(path: path),
            reason: "its last line does not end with a line break, as every line of shockflow run's files does")
        ) { try ReportBuilder.write(folder: folder, out: out) }
        // Cut at a line break: the rows of periods 0 and 1 only.
        let lines = whole.split(separator: "\n")
        let kept = lines.prefix { !$0.hasPrefix("2,") }
        try (kept.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ComparisonError.truncated(
            FileLocation(path: path, line: kept.count), reason: "it stops at period 1, the run has 3 periods (manifest.json)")
        ) { try ReportBuilder.write(folder: folder, out: out) }
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// plan.csv with text where a tilt belongs is refused at its file and line; nothing is written.
    @Test func planTiltThatIsNotANumberIsRefused() throws {
        let (root, folder) = try ReportFixtures.copy(ReportFixtures.run)
        defer { try? FileManager.default.removeItem(at: root) }
        let path = folder + "/plan.csv"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "NORTH,02,0.75,", with: "NORTH,02,high,").write(toFile: path, atomically: true, encoding: .utf8)
        let out = root.appendingPathComponent("report.html").path
        let error = try #require(throws: DataFileError.self) { try ReportBuilder.write(folder: folder, out: out) }
        #expect(error.description == path + ", line 3, column 3 (tilt): expected a number, found \"high\"")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// A row lost from the middle of a series (or given twice) is refused, not drawn as 0.
    @Test func seriesWithAHoleIsRefused() throws {
        let (root, folder) = try ReportFixtures.copy(ReportFixtures.run)
        defer { try? FileManager.default.removeItem(at: root) }
        let path = folder + "/regions.csv"
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let hole = try #require(lines.firstIndex { $0.hasPrefix("1,") && $0.contains(",value_added,") })
        let key = lines[hole].split(separator: ",")[1]
        lines.remove(at: hole)
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ReportError.incompleteSeries(path: path, metric: "value_added", key: String(key), rows: 2, periods: 3)) {
            try ReportBuilder.html(folder: folder)
        }
    }

    @Test func sweepShardWithoutSensitivityIsRefused() throws {
        let (root, folder) = try ReportFixtures.copy(ReportFixtures.sweep)
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.removeItem(atPath: folder + "/sensitivity.csv")
        #expect(throws: ReportError.sweepWithoutSensitivity(path: folder)) { try ReportBuilder.html(folder: folder) }
    }

    /// The page is written whole next to the run by default and replaces an older report.
    @Test func reportReplacesAnOlderOneWhole() throws {
        let (root, folder) = try ReportFixtures.copy(ReportFixtures.run)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("old".utf8).write(to: URL(fileURLWithPath: folder + "/report.html"))
        let written = try ReportBuilder.write(folder: folder)
        #expect(written.path == folder + "/report.html" && written.kind == "run")
        let html = try String(contentsOfFile: written.path, encoding: .utf8)
        #expect(html == (try ReportBuilder.html(folder: folder)) + "\n")
        #expect(written.bytes == Array(html.utf8).count)
        // A second report of the folder (now holding report.html) is the same page.
        #expect(try ReportBuilder.write(folder: folder).bytes == written.bytes)
    }
}
