import ShockFlowFormats
import ShockFlowModel

/// The `sweep` member of a sweep folder's `manifest.json`: what `sweep merge` needs to check that
/// shards belong together and to compute the indices from `samples.csv` and `outputs.csv` alone.
struct SweepDescription: Codable, Equatable, Sendable {
    struct Shard: Codable, Equatable, Sendable {
        var index: Int
        var count: Int
    }

    var name: String
    /// SHA-256 of the sweep's parameters after defaults and of its inputs' hashes: equal in every shard
    /// of one sweep, different as soon as a file, a value or the batch size differs.
    var identity: String
    var runs: Int
    var method: String
    var samples: Int
    var levels: Int
    var secondOrder: Bool
    var seed: UInt64
    var bootstrapResamples: Int
    var confidenceLevel: Double
    var parameters: [String]
    /// Each parameter's group (its own name when it has none), when the parameters are grouped: the
    /// indices are then given per group, in order of first appearance.
    var parameterGroups: [String]?
    /// Each parameter's levels as `samples.csv` writes them, for `discrete` parameters whose levels are
    /// not all numbers (nil for the others), when the sweep has such parameters: merge reads them back.
    var parameterLevels: [[String]?]?
    var outputs: [String]
    var batchSize: Int
    var shard: Shard?
    /// The tables the runs used when the parameters set `economy.options` (nil otherwise).
    var economyVariants: [SweepEconomyVariant]?

    init(plan: SweepPlan, identity: String, batchSize: Int, shard: SweepShard) {
        name = plan.name
        self.identity = identity
        runs = plan.runCount
        method = plan.method.rawValue
        (samples, levels, secondOrder) = plan.designSize
        seed = plan.seed
        bootstrapResamples = plan.bootstrap.resamples
        confidenceLevel = plan.bootstrap.confidenceLevel
        parameters = plan.problem.names
        parameterGroups = plan.problem.isGrouped ? plan.problem.parameters.map { $0.group ?? $0.name } : nil
        parameterLevels = plan.parameterLevels.contains { $0 != nil } ? plan.parameterLevels : nil
        outputs = plan.outputNames
        self.batchSize = batchSize
        self.shard = shard == .whole ? nil : Shard(index: shard.index, count: shard.count)
    }

    /// The analysis settings, rebuilt as the plan had them.
    var analysis: SweepAnalysis? {
        guard let method = SweepMethod(rawValue: method) else { return nil }
        return SweepAnalysis(
            design: method.design(samples: samples, levels: levels, secondOrder: secondOrder),
            bootstrap: BootstrapSettings(resamples: bootstrapResamples, confidenceLevel: confidenceLevel, seed: seed),
            factorNames: parameterGroups.map { groups in groups.enumerated().filter { !groups[..<$0.offset].contains($0.element) }.map(\.element) }
                ?? parameters, outputNames: outputs)
    }
}

/// What the sensitivity indices of a sweep are computed from, besides its samples and outputs.
struct SweepAnalysis: Sendable {
    var design: SamplingDesign
    var bootstrap: BootstrapSettings
    /// What the indices are given for: the parameters, or their groups.
    var factorNames: [String]
    var outputNames: [String]
}

extension SweepPlan {
    /// `samples`, `levels` and `second_order` as the sweep file gave them.
    var designSize: (samples: Int, levels: Int, secondOrder: Bool) {
        switch design {
        case .grid(let levels): return (levels, 4, false)
        case .random(let runs), .latinHypercube(let runs), .sobolSequence(let runs): return (runs, 4, false)
        case .saltelli(let base, let secondOrder): return (base, 4, secondOrder)
        case .morris(let trajectories, let levels): return (trajectories, levels, false)
        }
    }

    var analysis: SweepAnalysis {
        SweepAnalysis(design: design, bootstrap: bootstrap, factorNames: problem.factorNames, outputNames: outputNames)
    }
}
