import ShockFlowFormats

/// Why runs cannot be compared: inputs that are not runs or not readable as one, and runs that differ
/// in what makes their rows comparable. Descriptions name the file and line.
public enum ComparisonError: Error, Sendable, Equatable, CustomStringConvertible {
    case tooFewRuns(Int)
    case notARun(path: String, reason: String)
    /// A CSV whose header is not that of any table of a results folder.
    case notAResultsTable(path: String, header: [String])
    /// Two runs given as tables of different layouts.
    case mismatchedTables(path: String, level: ResultsLevel, otherPath: String, otherLevel: ResultsLevel)
    /// The runs are on different economies or horizons; each entry says what differs.
    case incomparableRuns(differences: [String])
    /// A period that comes before one already read: the file is not in the order `shockflow run` writes.
    case unsortedRows(FileLocation, period: Int, previousPeriod: Int)
    case duplicateRow(FileLocation, key: String, firstLine: Int)
    /// The file ends early: its last line is cut, or its periods stop before the run's horizon.
    case truncated(FileLocation, reason: String)
    case invalidPeriod(FileLocation, text: String)
    case unknownMetrics([String], path: String, available: [String])
    case periodNotFound(Int, path: String, lastPeriod: Int?)
    /// `--period` names a period that only some runs of different horizons have.
    case periodNotShared(Int, SharedPeriods)

    public var description: String {
        switch self {
        case .tooFewRuns(let count):
            return "give at least two runs to compare (found \(count))"
        case .notARun(let path, let reason):
            return "\(path): not a results folder of shockflow run: \(reason)"
        case .notAResultsTable(let path, let header):
            let expected = ResultsLevel.allCases.map { "\($0.fileName) (\($0.header.joined(separator: ",")))" }
            return "\(path), line 1: the header \(header.joined(separator: ",")) is not that of a results table; "
                + "expected one of: " + expected.joined(separator: "; ")
        case .mismatchedTables(let path, let level, let otherPath, let otherLevel):
            return "mismatched headers: \(path) is laid out as \(level.fileName) (\(level.header.joined(separator: ","))) "
                + "but \(otherPath) as \(otherLevel.fileName) (\(otherLevel.header.joined(separator: ",")))"
        case .incomparableRuns(let differences):
            return "the runs cannot be compared row by row (use --level summary to compare their headline figures):\n"
                + differences.joined(separator: "\n")
        case .unsortedRows(let location, let period, let previous):
            return "\(location): period \(period) comes after period \(previous); compare reads the rows in the order "
                + "shockflow run writes them (periods ascending) and does not sort them"
        case .duplicateRow(let location, let key, let firstLine):
            return "\(location): row \(key) appears twice (first on line \(firstLine))"
        case .truncated(let location, let reason):
            return "\(location): the file looks truncated: \(reason)"
        case .invalidPeriod(let location, let text):
            return "\(location): expected a period (a whole number from 0), found \"\(text)\""
        case .unknownMetrics(let metrics, let path, let available):
            let names = metrics.map { "\"\($0)\"" }.joined(separator: ", ")
            return "\(path): no metric \(names) in the compared rows (metrics: \(available.joined(separator: ", ")))"
        case .periodNotFound(let period, let path, let last):
            let range = last.map { "periods 0 to \($0)" } ?? "no periods"
            return "\(path): no period \(period) in the compared rows (the file has \(range))"
        case .periodNotShared(let period, let shared):
            return "no period \(period) in every run (\(shared.horizons)): the runs share periods 0 to \(shared.count - 1)"
        }
    }
}
