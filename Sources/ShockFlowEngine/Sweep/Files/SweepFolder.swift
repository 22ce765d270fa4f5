import Foundation
import ShockFlowFormats
import ShockFlowModel

/// Writes a sweep folder (docs/sweep-format.md) atomically: the tables, the indices when the folder
/// holds the whole sweep, and the manifest.
enum SweepFolder {
    /// Returns the names of the files written.
    static func write(
        _ tables: SweepTables, sensitivity analysis: SweepAnalysis?, to folder: String, manifest: (_ path: String) throws -> Void
    ) throws -> [String] {
        let sensitivity = try analysis.map { analysis in
            try SweepSensitivityTable.build(
                analysis, samples: SweepTables.matrix(tables.samples, columns: tables.parameterNames.count),
                outputs: SweepTables.matrix(tables.outputs, columns: tables.outputNames.count))
        }
        var files = [("samples.csv", tables.samplesCSV), ("outputs.csv", tables.outputsCSV)]
        if let sensitivity { files.append(("sensitivity.csv", sensitivity)) }
        try AtomicDirectory.write(to: folder) { temporary in
            for (name, bytes) in files { try AtomicFile.write(bytes, to: temporary + "/" + name) }
            try manifest(temporary + "/manifest.json")
        }
        return files.map(\.0) + ["manifest.json"]
    }
}

extension ParameterDistribution {
    /// The distribution as written in manifests: `uniform(0.2, 1)`, `normal(0.5, 0.1)`, `discrete(1, 2, 4)`.
    var summary: String {
        let number = NumberFormatting.shortest
        switch self {
        case .uniform(let lower, let upper): return "uniform(\(number(lower)), \(number(upper)))"
        case .logUniform(let lower, let upper): return "log_uniform(\(number(lower)), \(number(upper)))"
        case .normal(let mean, let deviation): return "normal(mean \(number(mean)), sd \(number(deviation)))"
        case .truncatedNormal(let lower, let upper, let mean, let deviation):
            return "truncated_normal(mean \(number(mean)), sd \(number(deviation)), [\(number(lower)), \(number(upper))])"
        case .logNormal(let mean, let deviation): return "log_normal(log mean \(number(mean)), log sd \(number(deviation)))"
        case .triangular(let lower, let upper, let mode):
            return "triangular(\(number(lower)), mode \(number(mode)), \(number(upper)))"
        case .discrete(let levels): return "discrete(\(levels.map(number).joined(separator: ", ")))"
        }
    }
}

extension SweepOutput {
    /// The output as written in manifests: `summary cumulative_value_added_loss` or
    /// `value_added cumulative_difference over 42 cells`.
    var summary: String {
        switch source {
        case .summary(let metric): return "summary \(metric)"
        case .aggregate(let metric, let cells, let statistic):
            return "\(metric) \(statistic.rawValue) over \(cells.count) cell\(cells.count == 1 ? "" : "s")"
        }
    }
}
