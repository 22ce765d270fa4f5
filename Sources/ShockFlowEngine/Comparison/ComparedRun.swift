import Foundation
import ShockFlowFormats

/// One run named on the command line: a results folder of `shockflow run` or a single CSV of one, the
/// table compared and what its manifest says (a CSV inside a results folder uses the folder's manifest).
public struct ComparedRun: Sendable {
    /// A, B, C, … in the order given: the first is the reference.
    public let label: String
    /// As given on the command line.
    public let argument: String
    public let tablePath: String
    public let level: ResultsLevel
    public let description: RunDescription?
    /// The unit of each row of the folder's summary.csv, by metric.
    public let summaryUnits: [String: String]
    /// When the table compared is a summary.csv: the subject of each ranked row (`worst_region_1`: `CN-GD`).
    let rankedSubjects: [String: String]

    /// The economy's money unit: that of summary.csv's `cumulative_<metric>_loss` row.
    public var moneyUnit: String? {
        summaryUnits.first { $0.key.hasPrefix("cumulative_") && $0.key.hasSuffix("_loss") }?.value
    }

    /// The scenario's name from the manifest, or the path given.
    public var name: String { description?.scenarioName ?? argument }

    /// A run with its table opened and the header read.
    struct Opened {
        var run: ComparedRun
        var rows: WindowedCSVReader
        var header: CSVHeader
    }

    /// Resolves `argument` and opens its table.
    /// - Parameter requested: the table to read from a folder (cells when nil); a CSV is recognised by its
    ///   header and must then be of this level.
    static func open(_ argument: String, label: String, level requested: ResultsLevel?) throws -> Opened {
        let tablePath: String, folder: String
        let description: RunDescription?
        switch PathKind(argument) {
        case .missing:
            throw DataFileError.fileNotFound(
                path: argument, expected: "a results folder of shockflow run or one of its CSV files")
        case .directory:
            folder = argument
            guard PathKind(folder + "/manifest.json") == .file else {
                throw ComparisonError.notARun(path: argument, reason: "it has no manifest.json")
            }
            description = try RunDescription(manifestAt: folder + "/manifest.json")
            tablePath = folder + "/" + (requested ?? .cells).fileName
            guard PathKind(tablePath) == .file else {
                let table = requested ?? .cells
                let before = NewResults.optionalTables.contains(table) ? " (made before shockflow wrote it: nothing to compare)" : ""
                throw ComparisonError.notARun(path: argument, reason: "it has no \(table.fileName)\(before)")
            }
        case .file:
            tablePath = argument
            folder = URL(fileURLWithPath: argument).deletingLastPathComponent().path
            let manifest = folder + "/manifest.json"
            description = PathKind(manifest) == .file ? try? RunDescription(manifestAt: manifest) : nil
        }
        if let command = description?.command, command != "run" {
            throw ComparisonError.notARun(path: argument, reason: "its manifest.json was written by shockflow \(command)")
        }
        var rows = try WindowedCSVReader(path: tablePath)
        let header = try CSVHeader(reading: &rows.current)
        guard let level = ResultsLevel.recognizing(header.names) else {
            throw ComparisonError.notAResultsTable(path: tablePath, header: header.names)
        }
        if let requested, level != requested {
            throw ComparisonError.notARun(
                path: tablePath, reason: "its header is that of \(level.fileName), not of \(requested.fileName)")
        }
        let run = ComparedRun(
            label: label, argument: argument, tablePath: tablePath, level: level, description: description,
            summaryUnits: units(inSummaryAt: folder + "/summary.csv"),
            rankedSubjects: level == .summary ? rankedSubjects(inSummaryAt: tablePath) : [:])
        return Opened(run: run, rows: rows, header: header)
    }

    /// The subjects of a summary.csv's ranked rows by metric (`RankedFigure`). Read beside the table, which
    /// the comparison reads and checks itself, so a row that cannot be read has no subject here.
    private static func rankedSubjects(inSummaryAt path: String) -> [String: String] {
        guard var reader = try? CSVReader(path: path), let header = try? CSVHeader(reading: &reader),
            let metric = header.position(of: "metric"), let detail = header.position(of: "detail")
        else { return [:] }
        var subjects: [String: String] = [:]
        var rows = 0
        while (try? reader.nextRecord()) == true, reader.fieldCount == header.names.count, rows < 1000 {
            rows += 1
            let name = reader.text(metric)
            if RankedFigure.isRanked(name), let subject = RankedFigure.subject(ofDetail: reader.text(detail)) {
                subjects[name] = subject
            }
        }
        return subjects
    }

    /// The unit column of a summary.csv by metric. Only labels for the output, so a summary that cannot
    /// be read leaves them unknown.
    private static func units(inSummaryAt path: String) -> [String: String] {
        guard PathKind(path) == .file, var reader = try? CSVReader(path: path),
            let header = try? CSVHeader(reading: &reader),
            let metric = header.position(of: "metric"), let unit = header.position(of: "unit")
        else { return [:] }
        var units: [String: String] = [:]
        while (try? reader.nextRecord()) == true, reader.fieldCount == header.names.count, units.count < 1000 {
            units[reader.text(metric)] = reader.text(unit)
        }
        return units
    }
}
