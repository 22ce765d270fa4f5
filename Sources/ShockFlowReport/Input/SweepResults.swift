import Foundation
import ShockFlowEngine

/// What the report shows of a sweep folder (docs/sweep-format.md): the sampled parameters and
/// outputs per run and the sensitivity indices.
struct SweepResults: Sendable {
    struct Index: Sendable, Equatable {
        var method: String
        var output: String
        var parameter: String
        var index: String
        var estimate: Double
        var low: Double?
        var high: Double?
    }

    let folder: String
    let manifest: ReportManifest
    let parameterNames: [String]
    let outputNames: [String]
    /// Values per run, by column name.
    let samples: [String: [Double]]
    let outputs: [String: [Double]]
    let indices: [Index]

    init(folder: String, manifest: ReportManifest) throws {
        self.folder = folder
        self.manifest = manifest
        let sensitivityPath = folder + "/sensitivity.csv"
        func file(_ name: String, _ needed: String) throws -> String {
            let path = folder + "/" + name
            guard FileManager.default.fileExists(atPath: path) else { throw ReportError.missingFile(path: path, needed: needed) }
            return path
        }
        let samplesPath = try file("samples.csv", "the parameter values of every run, for the scatter plots")
        let outputsPath = try file("outputs.csv", "the outputs of every run, for the scatter plots")
        guard FileManager.default.fileExists(atPath: sensitivityPath) else {
            throw ReportError.sweepWithoutSensitivity(path: folder)
        }
        let samples = try Self.columns(path: samplesPath, levels: Self.parameterLevels(manifest))
        let outputs = try Self.columns(path: outputsPath)
        guard samples.runs == outputs.runs else {
            throw ReportError.invalidValue(
                path: outputsPath, line: 1, column: "run",
                reason: "the runs differ from those of samples.csv (\(outputs.runs.count) against \(samples.runs.count) rows)")
        }
        parameterNames = samples.names
        outputNames = outputs.names
        self.samples = samples.values
        self.outputs = outputs.values
        indices = try Self.indices(path: sensitivityPath)
    }

    /// The levels of the `discrete` parameters whose levels are not numbers, by parameter name
    /// (`sweep.parameter_levels` of the manifest): their `samples.csv` columns hold the levels as written.
    private static func parameterLevels(_ manifest: ReportManifest) -> [String: [String]] {
        guard let sweep = manifest.root["sweep"], let levels = sweep["parameter_levels"] else { return [:] }
        var byName: [String: [String]] = [:]
        for (name, parameterLevels) in zip(sweep["parameters"]?.array ?? [], levels.array) {
            guard let name = name.string, case .array(let texts) = parameterLevels else { continue }
            byName[name] = texts.compactMap(\.string)
        }
        return byName
    }

    /// A `run,<name>,…` table: its runs and each named column's numbers; a column with `levels` holds
    /// levels as written, read as their index 0…k−1 (what the sweep's indices are computed on).
    private static func columns(path: String, levels: [String: [String]] = [:]) throws
        -> (runs: [Double], names: [String], values: [String: [Double]])
    {
        var reader = try ReportTableReader(path: path, requiredColumns: ["run"])
        let names = reader.header.filter { $0 != "run" }
        let fields = names.map { reader.position(of: $0) ?? 0 }
        let runField = reader.position(of: "run") ?? 0
        var runs: [Double] = []
        var values = [String: [Double]]()
        try reader.forEachRow { row in
            runs.append(try row.number(runField))
            for (name, field) in zip(names, fields) {
                guard let levels = levels[name] else {
                    values[name, default: []].append(try row.number(field))
                    continue
                }
                guard let index = levels.firstIndex(of: row.text(field)) else {
                    throw ReportError.invalidValue(
                        path: path, line: row.location(field: field).line ?? 0, column: name,
                        reason: "`\(row.text(field))` is not one of the parameter's levels in manifest.json (\(levels.joined(separator: "; ")))")
                }
                values[name, default: []].append(Double(index))
            }
        }
        guard !runs.isEmpty else { throw ReportError.emptyTable(path: path, expected: "one row per run") }
        return (runs, names, values)
    }

    private static func indices(path: String) throws -> [Index] {
        let columns = ["method", "output", "parameter", "index", "estimate", "ci_low", "ci_high"]
        var reader = try ReportTableReader(path: path, requiredColumns: columns)
        let fields = columns.map { reader.position(of: $0) ?? 0 }
        var indices: [Index] = []
        try reader.forEachRow { row in
            indices.append(Index(
                method: row.text(fields[0]), output: row.text(fields[1]), parameter: row.text(fields[2]), index: row.text(fields[3]),
                estimate: try row.number(fields[4]), low: try row.optionalNumber(fields[5]), high: try row.optionalNumber(fields[6])))
        }
        guard !indices.isEmpty else { throw ReportError.emptyTable(path: path, expected: "one row per output, parameter and index") }
        return indices
    }

    /// Whether an output is money, told by its description in the manifest (`output.<name>`): a summary
    /// row of money (`summary cumulative_value_added_loss`, `summary total_import_shortfall`) or a sum
    /// or value of a flow over cells (`value_added cumulative_loss over 2 cells`), not a share or a percentage.
    static func isMoney(outputDescription description: String) -> Bool {
        let words = description.split(separator: " ").map(String.init)
        guard words.count >= 2 else { return false }
        if words[0] == "summary" {
            let row = words[1]
            return (row.hasPrefix("cumulative_") && row.hasSuffix("_loss")) || row.hasPrefix("worst_")
                || row == "total_import_shortfall" || row == "total_substituted"
        }
        let moneyStatistics: Set<String> = ["cumulative_difference", "cumulative_loss", "final_scenario", "final_difference"]
        return !ResultsMetric.isShare(words[0]) && moneyStatistics.contains(words[1])
    }

    /// The index that ranks parameters for a method, and the one drawn beside it.
    static func rankingIndex(method: String) -> (main: String, secondary: String?) {
        switch method {
        case "sobol": ("ST", "S1")
        case "morris": ("mu_star", nil)
        default: ("src", nil)
        }
    }

    /// Per output, the tornado rows of its first method: parameters by the ranking index, largest first.
    func tornado(output: String) -> (method: String, rows: [TornadoChart.Row])? {
        guard let method = indices.first(where: { $0.output == output })?.method else { return nil }
        let (main, secondary) = Self.rankingIndex(method: method)
        let ofOutput = indices.filter { $0.output == output && $0.method == method }
        let interval = { (index: Index) in TornadoChart.Interval(estimate: index.estimate, low: index.low, high: index.high) }
        var rows: [TornadoChart.Row] = []
        // The parameters, or their groups when the sweep grouped them: whatever the indices are given for.
        var factors: [String] = []
        for index in ofOutput where !factors.contains(index.parameter) { factors.append(index.parameter) }
        for parameter in factors {
            guard let ranking = ofOutput.first(where: { $0.parameter == parameter && $0.index == main }) else { continue }
            let paired = secondary.flatMap { name in ofOutput.first { $0.parameter == parameter && $0.index == name } }
            rows.append(TornadoChart.Row(parameter: parameter, main: interval(ranking), secondary: paired.map(interval)))
        }
        let ranked = rows.enumerated().sorted {
            let a = abs($0.element.main.estimate), b = abs($1.element.main.estimate)
            return a != b ? a > b : $0.offset < $1.offset
        }.map(\.element)
        return (method, ranked)
    }
}
