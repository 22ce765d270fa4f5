import Foundation
import ShockFlowFormats
import ShockFlowModel

/// Runs a plan's batches of one shard: runs that share a model run in lockstep as matrix columns
/// (one factored model per structure and table), batches run side by side on `workers` threads with
/// OpenBLAS on one thread each, and every finished batch is checkpointed before the next is taken.
/// The tables a sweep over `economy.options` needs are built in memory by the same threads, each
/// dropped after its last batch (`SweepModelSchedule`).
struct SweepExecution {
    let plan: SweepPlan
    let economy: Economy
    let batches: SweepBatches
    let shard: SweepShard
    /// Run on tables that fail their checks (the sweep's own economy is checked before; `--skip-checks`).
    var skipChecks = false

    /// What the caller hears after each batch: runs finished (resumed ones included) of the shard's total.
    typealias Progress = @Sendable (_ finishedRuns: Int, _ totalRuns: Int) -> Void

    /// The shard's batch indices, in order.
    var shardBatches: [Int] { batches.runs.indices.filter { shard.contains(batch: $0) } }

    /// What a shard's execution gives back.
    struct Result: Sendable {
        /// The outputs of every run of the shard, by run.
        var outputs: [Int: [Double]]
        /// The tables the shard's runs used (for the manifest).
        var tables: [SweepModelSchedule.VariantRecord]
        /// Seconds the worker threads spent building tables, factoring models and running batches (summed
        /// over threads), and how many of each: where a sweep's time goes (bench/RESULTS.md).
        var taskSeconds: [SweepTaskKind: (count: Int, seconds: Double)]
    }

    /// Runs every batch of the shard not in `finished`.
    func run(workers: Int, checkpoint: SweepCheckpoint, finished: [Int: [Int: [Double]]], progress: Progress) throws -> Result {
        let pending = shardBatches.filter { finished[$0] == nil }
        let total = shardBatches.reduce(0) { $0 + batches.runs[$1].count }
        let schedule = try SweepModelSchedule(
            plan: plan, batches: Dictionary(uniqueKeysWithValues: shardBatches.map { ($0, batches.runs[$0]) }), pending: pending,
            base: (economy, plan.baseScenario.economyVariant), workers: max(1, workers))
        let state = SharedState(finished: finished, finishedRuns: total - pending.reduce(0) { $0 + batches.runs[$1].count })
        progress(state.finishedRuns, total)
        ReproducibleLinearAlgebra.run {
            DispatchQueue.concurrentPerform(iterations: max(1, workers)) { _ in
                while let task = schedule.next() {
                    let started = DispatchTime.now().uptimeNanoseconds
                    do {
                        try perform(task, schedule: schedule, checkpoint: checkpoint, state: state, total: total, progress: progress)
                    } catch {
                        schedule.fail(error)
                    }
                    state.addTime(SweepTaskKind(task), seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
                }
            }
        }
        if let error = schedule.error { throw error }
        return Result(outputs: state.outputsByRun(), tables: schedule.records, taskSeconds: state.taskSeconds)
    }

    private func perform(
        _ task: SweepModelSchedule.Task, schedule: SweepModelSchedule, checkpoint: SweepCheckpoint, state: SharedState,
        total: Int, progress: Progress
    ) throws {
        switch task {
        case .economy(let variant, let key, let name):
            let economy = try key.map { try $0.build() } ?? EconomyLoader.load(name).economy
            if !skipChecks {
                let report = try economy.check(options: CheckOptions(estimateCondition: false))
                guard report.passed else { throw EconomyCheckFailure(economy: key?.description ?? name, report: report) }
            }
            schedule.economyBuilt(variant: variant, economy: economy, tableSHA256: EconomyTableDigest.sha256(economy))
        case .model(let group, let economy, let analysis):
            let representative = try plan.variants.scenario(run: group)
            if case .dynamic = representative.model {
                let model = try ScenarioRun.planHorizonModel(for: representative, economy: economy).model
                schedule.modelBuilt(group: group, model: .dynamic(model))
            } else {
                schedule.modelBuilt(group: group, model: .analysis(try analysis ?? InputOutputAnalysis(economy: economy)))
            }
        case .batch(let batch, let model, let economy):
            let runs = batches.runs[batch]
            let outputs = try runBatch(runs, model: model, economy: economy)
            try checkpoint.write(batch: batch, runs: runs, outputs: outputs)
            let done = state.finish(batch: batch, runs: runs, outputs: outputs)
            schedule.batchFinished(batch)
            progress(done, total)
        }
    }

    /// The batch's runs in lockstep, then each run's outputs.
    private func runBatch(_ runs: [Int], model: SweepModelSchedule.Model, economy: Economy) throws -> [[Double]] {
        let scenarios = try runs.map { try plan.variants.scenario(run: $0) }
        let results: [ScenarioRunResult]
        switch model {
        case .dynamic(let model):
            results = try DynamicScenarioRun.run(scenarios, on: model, economy: economy, keeping: plan.recordedMetrics)
        case .analysis(let analysis):
            results = try StaticScenarioRun.run(scenarios, analysis: analysis)
        }
        let summaryMetrics = Set(plan.outputs.compactMap { if case .summary(let metric) = $0.source { metric } else { nil } })
        return try results.map { result in
            let summary = summaryMetrics.isEmpty ? [] : RunResultsWriter.summaryRows(result, only: summaryMetrics)
            return try plan.outputs.map { output throws(SweepError) in try output.value(of: result, summary: summary) }
        }
    }

    /// The results shared by the worker threads.
    final class SharedState: @unchecked Sendable {
        private let lock = NSLock()
        private var finished: [Int: [Int: [Double]]]
        private(set) var finishedRuns: Int
        private var times: [SweepTaskKind: (count: Int, seconds: Double)] = [:]

        init(finished: [Int: [Int: [Double]]], finishedRuns: Int) {
            self.finished = finished
            self.finishedRuns = finishedRuns
        }

        func finish(batch: Int, runs: [Int], outputs: [[Double]]) -> Int {
            lock.withLock {
                finished[batch] = Dictionary(uniqueKeysWithValues: zip(runs, outputs))
                finishedRuns += runs.count
                return finishedRuns
            }
        }

        func addTime(_ kind: SweepTaskKind, seconds: Double) {
            lock.withLock {
                let known = times[kind] ?? (0, 0)
                times[kind] = (known.count + 1, known.seconds + seconds)
            }
        }

        var taskSeconds: [SweepTaskKind: (count: Int, seconds: Double)] { lock.withLock { times } }

        func outputsByRun() -> [Int: [Double]] {
            lock.withLock { finished.values.reduce(into: [:]) { all, batch in all.merge(batch) { first, _ in first } } }
        }
    }
}

/// The kinds of work of a sweep's worker threads.
public enum SweepTaskKind: String, Sendable, CaseIterable {
    /// Building (or loading), checking and hashing a table.
    case table
    /// Factoring a structure's model (`ScenarioRun.planHorizonModel`, or the static analysis).
    case model
    /// Running a lockstep batch and checkpointing its outputs.
    case batch

    init(_ task: SweepModelSchedule.Task) {
        switch task {
        case .economy: self = .table
        case .model: self = .model
        case .batch: self = .batch
        }
    }
}
