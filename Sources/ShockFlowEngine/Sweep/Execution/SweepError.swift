import Foundation
import ShockFlowFormats

/// Why a sweep cannot run, resume or merge (problems in the sweep file itself are a `ScenarioError`).
public enum SweepError: Error, Equatable, CustomStringConvertible {
    case unknownSummaryRow(output: String, metric: String, available: [String])
    case unknownMetric(output: String, metric: String, available: [String])
    case invalidShard(text: String)
    case invalidBatchSize(Int)
    case checkpointOfAnotherSweep(folder: String)
    case unreadableCheckpoint(file: String, reason: String)
    case notASweepFolder(folder: String, reason: String)
    case mergeMismatch(folder: String, reason: String)
    case incompleteMerge(missing: [Int], count: Int)
    /// A table some runs use (a variant built in memory, `economy.options.*`) cannot be built or fails its checks.
    case unusableTable(table: String, reason: String)

    public var description: String {
        switch self {
        case .unknownSummaryRow(let output, let metric, let available):
            return "output `\(output)`: the runs' summary.csv has no row `\(metric)`"
                + NameSuggestions.didYouMean(metric, among: available)
                + " (rows with values: \(available.joined(separator: ", ")))"
        case .unknownMetric(let output, let metric, let available):
            return "output `\(output)`: the runs have no cell metric `\(metric)`" + NameSuggestions.didYouMean(metric, among: available)
                + " (metrics: \(available.joined(separator: ", ")))"
        case .invalidShard(let text):
            return "--shard \(text): expected i/n with 0 ≤ i < n, e.g. 0/4 for the first of four shards"
        case .invalidBatchSize(let size):
            return "--batch \(size): a batch holds at least 1 run"
        case .checkpointOfAnotherSweep(let folder):
            return "the checkpoint in \(folder) belongs to a different sweep (another file, design, shard or batch size): "
                + "run without --resume to start over"
        case .unreadableCheckpoint(let file, let reason):
            return "cannot resume from \(file): \(reason); run without --resume to start over (the checkpoint is then discarded)"
        case .notASweepFolder(let folder, let reason):
            return "\(folder) is not a sweep shard folder: \(reason)"
        case .mergeMismatch(let folder, let reason):
            return "cannot merge \(folder): \(reason)"
        case .incompleteMerge(let missing, let count):
            return "the shards given are not all of the sweep's \(count) shards: missing "
                + missing.map { "\($0)/\(count)" }.joined(separator: ", ")
        case .unusableTable(let table, let reason):
            return "the table \(table), which some of the runs use, \(reason); the batches finished before it are kept "
                + "in the checkpoint"
        }
    }
}
