/// A deterministic slice of a sweep's batches: shard i of n runs batches b with b mod n = i, so
/// shards can run as separate processes (or cluster array tasks) and be merged.
public struct SweepShard: Sendable, Equatable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    /// Parses `i/n` (0 ≤ i < n), as `--shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT` gives it.
    public init(parsing text: String) throws(SweepError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, index >= 0, index < count else {
            throw .invalidShard(text: text)
        }
        self.init(index: index, count: count)
    }

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// The whole sweep as one shard.
    public static let whole = SweepShard(index: 0, count: 1)

    public var description: String { "\(index)/\(count)" }

    func contains(batch: Int) -> Bool { batch % count == index }
}

/// The sweep's runs cut into lockstep batches: runs of one model structure, in run order, at most
/// `size` per batch. The cut depends only on the plan and the size, never on threads or shards.
struct SweepBatches {
    let runs: [[Int]]

    init(groups: [Int], size: Int) {
        var batches: [[Int]] = []
        var order: [Int] = []
        var members: [Int: [Int]] = [:]
        for (run, group) in groups.enumerated() {
            if members[group] == nil { order.append(group) }
            members[group, default: []].append(run)
        }
        for group in order {
            let runs = members[group] ?? []
            for start in stride(from: 0, to: runs.count, by: size) {
                batches.append(Array(runs[start..<min(start + size, runs.count)]))
            }
        }
        self.runs = batches
    }
}
