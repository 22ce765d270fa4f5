/// Why a report cannot be made: the folder is not a run or sweep, or one of its files is missing or
/// unreadable. Each description names the file.
public enum ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    case notARunOrSweep(path: String, reason: String)
    case missingFile(path: String, needed: String)
    case invalidManifest(path: String, reason: String)
    case invalidValue(path: String, line: Int, column: String, reason: String)
    case unknownMetric(String, path: String, available: [String])
    case emptyTable(path: String, expected: String)
    /// A key whose rows of a metric are not one per period.
    case incompleteSeries(path: String, metric: String, key: String, rows: Int, periods: Int)
    /// A sweep folder without sensitivity indices (a shard, or a sweep still running).
    case sweepWithoutSensitivity(path: String)

    public var description: String {
        switch self {
        case .notARunOrSweep(let path, let reason):
            return "\(path): not a results folder of shockflow run or shockflow sweep: \(reason)"
        case .missingFile(let path, let needed):
            return "\(path): file not found (the report needs it: \(needed))"
        case .invalidManifest(let path, let reason):
            return "\(path): \(reason)"
        case .invalidValue(let path, let line, let column, let reason):
            return "\(path), line \(line), column \(column): \(reason)"
        case .unknownMetric(let metric, let path, let available):
            return "\(path): no metric \"\(metric)\" (metrics: \(available.joined(separator: ", ")))"
        case .emptyTable(let path, let expected):
            return "\(path): the file has no rows (expected \(expected))"
        case .incompleteSeries(let path, let metric, let key, let rows, let periods):
            return "\(path): \(key) has \(rows) row\(rows == 1 ? "" : "s") of \(metric), expected one per period (\(periods)): "
                + "the file is incomplete or was edited"
        case .sweepWithoutSensitivity(let path):
            return "\(path): the sweep folder has no sensitivity.csv (a shard? merge the shards with "
                + "shockflow sweep merge first)"
        }
    }
}
