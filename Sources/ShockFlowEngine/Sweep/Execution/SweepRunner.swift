import Foundation
import ShockFlowFormats
import ShockFlowModel

/// `shockflow sweep`: reads a sweep file, plans every run, runs this shard's batches (resuming from a
/// checkpoint when asked) and writes the sweep folder — `samples.csv`, `outputs.csv`, `sensitivity.csv`
/// (whole sweeps only) and `manifest.json` — which appears whole or not at all.
public enum SweepRunner {
    public struct Options: Sendable {
        public var output: String?
        /// Batches run side by side, each with OpenBLAS on one thread.
        public var workers = ProcessInfo.processInfo.activeProcessorCount
        /// Runs per lockstep batch: 64 amortises OpenBLAS's packing of the factors over ~100 columns, for
        /// about 1.2 MB more per run of a batch (the chip sweep on 2 threads: 345 MB at 64, 268 MB at 32;
        /// bench/RESULTS.md).
        public var batchSize = 64
        public var shard = SweepShard.whole
        public var resume = false
        /// Run even on an economy that fails its checks (checked once per sweep, else `EconomyCheckFailure`).
        public var skipChecks = false

        public init() {}
    }

    public struct Outcome: Sendable {
        public var folder: String
        public var plan: SweepPlan
        /// Runs of this shard, and how many of them came from the checkpoint.
        public var runs: Int
        public var resumedRuns: Int
        public var files: [String]
        public var seconds: Double
        /// The worker threads' tasks of each kind and the time they took, summed over threads.
        public var taskTimes: [SweepTaskKind: SweepTaskTime]
    }

    /// What the progress display hears: `planning` while every run's scenario is checked (from several
    /// threads), `planned` once, then `batch` after every batch.
    public enum Event: Sendable {
        case planning(checkedRuns: Int, totalRuns: Int)
        case planned(runs: Int, resumed: Int, batches: Int, workers: Int)
        case batch(finishedRuns: Int, totalRuns: Int)
    }

    /// The folder a sweep writes to when none is given: `results/<sweep name>`.
    public static func defaultFolder(sweepName: String) -> String { "results/" + sweepName }

    public static func run(sweepFile path: String, options: Options, events: @escaping @Sendable (Event) -> Void = { _ in })
        throws -> Outcome
    {
        let started = Date()
        guard options.batchSize >= 1 else { throw SweepError.invalidBatchSize(options.batchSize) }
        let document = SweepDocument(contentsOf: URL(fileURLWithPath: path), shownAs: path)
        var digests: InputDigests?
        let (plan, loaded) = try document.plan(
            willLoad: { source in digests = InputDigests(paths: source.provenanceFiles + document.inputFiles) },
            progress: { events(.planning(checkedRuns: $0, totalRuns: $1)) })
        let checks = try loaded.requirePassingChecks(skip: options.skipChecks)
        let folder = options.output ?? defaultFolder(sweepName: plan.name)
        let parameters = manifestParameters(plan, economy: loaded.economy, options: options)
        var manifest = try RunManifest(
            command: "sweep", loaded: loaded, checks: checks, parameters: parameters, seed: plan.seed, startedAt: started,
            extraInputs: document.inputFiles + (plan.baseScenario.plan?.table.files ?? []), digests: digests)
        manifest.notes.append(ReproducibleLinearAlgebra.note)
        let identity = Self.identity(parameters: parameters, inputs: manifest.inputs)
        let batches = SweepBatches(groups: plan.structureGroups, size: options.batchSize)
        let executor = SweepExecution(
            plan: plan, economy: loaded.economy, batches: batches, shard: options.shard, skipChecks: options.skipChecks)
        let shardBatches = executor.shardBatches
        let (checkpoint, finished) = try SweepCheckpoint.open(
            output: folder, identity: identity, outputNames: plan.outputNames,
            batches: Dictionary(uniqueKeysWithValues: shardBatches.map { ($0, batches.runs[$0]) }), resume: options.resume)
        let resumed = shardBatches.reduce(0) { $0 + (finished[$1]?.count ?? 0) }
        let shardRuns = shardBatches.flatMap { batches.runs[$0] }.sorted()
        events(.planned(runs: shardRuns.count, resumed: resumed, batches: shardBatches.count, workers: options.workers))
        let execution = try executor.run(workers: options.workers, checkpoint: checkpoint, finished: finished) { done, total in
            events(.batch(finishedRuns: done, totalRuns: total))
        }
        let tables = SweepTables(
            runs: shardRuns, parameterNames: plan.problem.names, outputNames: plan.outputNames,
            samples: shardRuns.map { run in (0..<plan.samples.columns).map { plan.samples[run, $0] } },
            outputs: shardRuns.map { execution.outputs[$0] ?? [] }, parameterLevels: plan.parameterLevels)
        var sweep = SweepDescription(plan: plan, identity: identity, batchSize: options.batchSize, shard: options.shard)
        sweep.economyVariants = SweepEconomyVariant.list(execution.tables)
        let files = try SweepFolder.write(tables, sensitivity: options.shard == .whole ? plan.analysis : nil, to: folder) {
            try ExtendedManifest(manifest: manifest, key: "sweep", extra: sweep).write(to: $0)
        }
        checkpoint.remove()
        return Outcome(
            folder: folder, plan: plan, runs: shardRuns.count, resumedRuns: resumed, files: files,
            seconds: Date().timeIntervalSince(started), taskTimes: execution.taskTimes)
    }

    /// SHA-256 of the parameters after defaults and of the inputs' hashes (not of the shard, so that
    /// every shard of one sweep has the same identity).
    static func identity(parameters: [String: String], inputs: [RunManifest.InputFile]) -> String {
        let lines = parameters.filter { $0.key != "sweep.shard" }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            + inputs.map { "\($0.sha256)  \(URL(fileURLWithPath: $0.path).lastPathComponent)" }
        return SHA256.hex(of: Array((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// The sweep's settings and the base scenario's parameters (as `shockflow run` records them) for the manifest.
    static func manifestParameters(_ plan: SweepPlan, economy: Economy, options: Options) -> [String: String] {
        var parameters = Dictionary(
            uniqueKeysWithValues: ScenarioRunParameters.text(plan.baseScenario, economy: economy).map { ("scenario." + $0.key, $0.value) })
        let size = plan.designSize
        parameters["sweep.name"] = plan.name
        parameters["sweep.file"] = plan.file
        parameters["sweep.design"] = plan.methodName
        parameters["sweep.samples"] = String(size.samples)
        parameters["sweep.levels"] = String(size.levels)
        parameters["sweep.second_order"] = String(size.secondOrder)
        parameters["sweep.runs"] = String(plan.runCount)
        parameters["sweep.bootstrap_resamples"] = String(plan.bootstrap.resamples)
        parameters["sweep.confidence_level"] = NumberFormatting.shortest(plan.bootstrap.confidenceLevel)
        parameters["sweep.batch"] = String(options.batchSize)
        parameters["sweep.shard"] = options.shard.description
        for (column, parameter) in plan.problem.parameters.enumerated() {
            let distribution = plan.parameterLevels[column].map { "discrete(\($0.joined(separator: ", ")))" } ?? parameter.distribution.summary
            parameters["parameter.\(parameter.name)"] = "\(plan.parameterPaths[column]) ~ \(distribution)"
        }
        for output in plan.outputs { parameters["output.\(output.name)"] = output.summary }
        return parameters
    }
}
