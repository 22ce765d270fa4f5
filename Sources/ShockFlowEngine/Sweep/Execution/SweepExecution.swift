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
        /// The tables built, models factored and batches run, and the time they took.
        var taskTimes: [SweepTaskKind: SweepTaskTime]
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
                    do {
                        try perform(task, schedule: schedule, checkpoint: checkpoint, state: state, total: total, progress: progress)
                    } catch {
                        schedule.fail(error)
                    }
                }
            }
        }
        if let error = schedule.error { throw error }
        return Result(outputs: state.outputsByRun(), tables: schedule.records, taskTimes: state.taskTimes)
    }

    private func perform(
        _ task: SweepModelSchedule.Task, schedule: SweepModelSchedule, checkpoint: SweepCheckpoint, state: SharedState,
        total: Int, progress: Progress
    ) throws {
        switch task {
        case .economy(let variant, let key, let name, let loaded, let factors):
            // The sweep's own economy is loaded and checked already (and hashed when tables are listed).
            let (economy, tableSHA256): (Economy, String?) = try loaded.map { ($0, nil) } ?? state.timed(.table) {
                let table = key?.description ?? name
                let economy: Economy
                do {
                    economy = try key.map { try $0.build() } ?? EconomyLoader.load(name).economy
                } catch {
                    throw SweepError.unusableTable(table: table, reason: "cannot be built: \(error)")
                }
                if !skipChecks {
                    let report = try economy.check(options: CheckOptions(estimateCondition: false))
                    let errors = report.findings.filter { $0.severity == .error }.map(\.message)
                    if !errors.isEmpty {
                        throw SweepError.unusableTable(
                            table: table, reason: "fails its checks (--skip-checks runs on it anyway): " + errors.joined(separator: "; "))
                    }
                }
                return (economy, EconomyTableDigest.sha256(economy))
            }
            let factored = factors ? try state.timed(.factorisation) { try ScenarioRun.factoredStructure(of: economy) } : nil
            schedule.economyBuilt(variant: variant, economy: economy, factored: factored, tableSHA256: tableSHA256)
        case .model(let group, let economy, let factored, let analysis):
            let model = try state.timed(.model) { () throws -> SweepModelSchedule.Model in
                let representative = try plan.variants.scenario(run: group)
                if case .dynamic = representative.model {
                    let factored = try factored ?? ScenarioRun.factoredStructure(of: economy)
                    return .dynamic(try ScenarioRun.planHorizonModel(for: representative, economy: economy, factored: factored).model)
                }
                if case .ario = representative.model { return .ario(try ARIOModel(economy: economy)) }
                return .analysis(try analysis ?? InputOutputAnalysis(economy: economy))
            }
            schedule.modelBuilt(group: group, model: model)
        case .batch(let batch, let model, let economy):
            let runs = batches.runs[batch]
            let outputs = try state.timed(.batch) {
                let outputs = try runBatch(runs, model: model, economy: economy)
                try checkpoint.write(batch: batch, runs: runs, outputs: outputs)
                return outputs
            }
            let done = state.finish(batch: batch, runs: runs, outputs: outputs)
            schedule.batchFinished(batch)
            progress(done, total)
        }
    }

    /// The batch's runs in lockstep, then each run's outputs; with their prices (docs/prices.md) when an
    /// output reads a price row of the summary.
    private func runBatch(_ runs: [Int], model: SweepModelSchedule.Model, economy: Economy) throws -> [[Double]] {
        let scenarios = try runs.map { try plan.variants.scenario(run: $0) }
        let summaryMetrics = Set(plan.outputs.compactMap { if case .summary(let metric) = $0.source { metric } else { nil } })
        let needsPrices = !summaryMetrics.isDisjoint(with: RunResultsWriter.priceRowNames(economy))
        var results: [ScenarioRunResult]
        switch model {
        case .dynamic(let model):
            // The scarcity mark-up (P7) reads the rationing shares.
            let keeping = plan.recordedMetrics.union(needsPrices ? ["rationing"] : [])
            results = try DynamicScenarioRun.run(scenarios, on: model, economy: economy, keeping: keeping)
            if needsPrices {
                for index in results.indices { results[index].prices = try RunPriceComputation.dynamic(results[index], rationing: model.rationing) }
            }
        case .analysis(let analysis):
            results = try StaticScenarioRun.run(scenarios, analysis: analysis)
            if needsPrices {
                for index in results.indices { results[index].prices = try RunPriceComputation.inputOutput(results[index], analysis: analysis) }
            }
        case .ario(let model):
            results = try ARIOScenarioRun.run(scenarios, on: model, economy: economy)
        }
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
        private var times: [SweepTaskKind: SweepTaskTime] = [:]

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

        /// `work`'s result, its time added to `kind`'s.
        func timed<T>(_ kind: SweepTaskKind, _ work: () throws -> T) throws -> T {
            let start = SweepTaskTime.Start()
            defer { lock.withLock { times[kind, default: SweepTaskTime()].add(since: start) } }
            return try work()
        }

        var taskTimes: [SweepTaskKind: SweepTaskTime] { lock.withLock { times } }

        func outputsByRun() -> [Int: [Double]] {
            lock.withLock { finished.values.reduce(into: [:]) { all, batch in all.merge(batch) { first, _ in first } } }
        }
    }
}
