import Foundation
import ShockFlowFormats

/// What `manifest.json` says about a run that decides whether its rows can be compared with another's:
/// the scenario, the economy and the SHA-256 of its files, the horizon and the model.
public struct RunDescription: Sendable {
    public var command: String?
    public var scenarioName: String?
    public var economy: String?
    /// The economy's input files (the manifest's inputs before the scenario file), by file name.
    public var economyFiles: [(name: String, sha256: String)]
    public var periods: Int?
    public var periodYears: String?
    public var model: String?

    /// Reads the fields compare needs; other fields are ignored, so later manifest versions still read.
    init(manifestAt path: String) throws {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw DataFileError.invalidManifest(FileLocation(path: path), message: "not readable as JSON")
        }
        guard let manifest = object as? [String: Any] else {
            throw DataFileError.invalidManifest(FileLocation(path: path), message: "not a JSON object")
        }
        let parameters = manifest["parameters"] as? [String: String] ?? [:]
        command = manifest["command"] as? String
        scenarioName = parameters["scenario.name"]
        economy = manifest["economy"] as? String
        // An ario run's tables have a row per window of `results.every` days (ARIORunParameters).
        periods = (parameters["results.periods"] ?? parameters["horizon.periods"]).flatMap { Int($0) }
        periodYears = parameters["results.period_years"] ?? parameters["horizon.period_years"]
        model = parameters["model"]
        let inputs = (manifest["inputs"] as? [[String: Any]] ?? []).compactMap { input -> (path: String, sha256: String)? in
            guard let path = input["path"] as? String, let digest = input["sha256"] as? String else { return nil }
            return (path, digest)
        }
        let scenarioFile = parameters["scenario.file"]
        economyFiles = inputs.prefix { $0.path != scenarioFile }.map { input in
            (URL(fileURLWithPath: input.path).lastPathComponent, input.sha256)
        }
    }

    /// How many periods the run's tables have: one for the static models, the horizon otherwise.
    var tablePeriods: Int? { ResultsTableCompleteness.tablePeriods(model: model, horizonPeriods: periods) }

    /// Whether the run's tables have a row per period of its horizon (not the single annual period of a
    /// static model), so that a longer run's first periods line up with a shorter run's.
    var tablesFollowHorizon: Bool {
        periods != nil && ResultsTableCompleteness.tablePeriods(model: model, horizonPeriods: nil) == nil
    }

    /// What differs between this run (`label`) and `other` in economy or horizon, one line each. Horizons
    /// of different lengths are not a difference when both runs' tables follow them: with periods of one
    /// length compare reads the periods the runs share (`SharedPeriods`); a different length is a line.
    func differences(from other: RunDescription, label: String, otherLabel: String) -> [String] {
        var lines: [String] = []
        let unknown = "(not in manifest.json)"
        if economy != other.economy {
            lines.append("economy: \(label) ran on \(economy ?? unknown), \(otherLabel) on \(other.economy ?? unknown)")
        } else {
            let mine = Dictionary(economyFiles, uniquingKeysWith: { first, _ in first })
            let theirs = Dictionary(other.economyFiles, uniquingKeysWith: { first, _ in first })
            for name in Set(mine.keys).union(theirs.keys).sorted() where mine[name] != theirs[name] {
                let describe = { (digest: String?) in digest.map { "SHA-256 \($0.prefix(12))…" } ?? "absent" }
                lines.append(
                    "economy \(economy ?? ""): file \(name) differs (\(label): \(describe(mine[name])), "
                        + "\(otherLabel): \(describe(theirs[name])))")
            }
        }
        if tablePeriods != other.tablePeriods, !(tablesFollowHorizon && other.tablesFollowHorizon) {
            let count = { (periods: Int?) in periods.map { $0 == 1 ? "1 period" : "\($0) periods" } ?? unknown }
            lines.append("horizon: \(label) has \(count(tablePeriods)), \(otherLabel) \(count(other.tablePeriods))")
        }
        if !hasSamePeriodLength(as: other) {
            lines.append(
                "period length: \(label) has \(Self.periodLength(periodYears)), \(otherLabel) \(Self.periodLength(other.periodYears))")
        }
        return lines
    }

    /// Equal `horizon.period_years`, read as numbers where they are (`0.25` and `0.250` are the same length).
    private func hasSamePeriodLength(as other: RunDescription) -> Bool {
        if let mine = periodYears.flatMap(Double.init), let theirs = other.periodYears.flatMap(Double.init) { return mine == theirs }
        return periodYears == other.periodYears
    }

    /// `quarters (0.25 years)`, `years (1 year)`, `periods of 0.5 years`.
    private static func periodLength(_ years: String?) -> String {
        guard let years else { return "a period length not in manifest.json" }
        switch Double(years) {
        case 0.25: return "quarters (0.25 years)"
        case 1: return "years (1 year)"
        default: return "periods of \(years) years"
        }
    }
}
