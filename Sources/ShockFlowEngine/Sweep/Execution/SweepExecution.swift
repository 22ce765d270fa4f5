import Foundation
import ShockFlowFormats
import ShockFlowModel

/// Runs a plan's batches of one shard: runs that share a model run in lockstep as matrix columns
/// (one factored model per structure), batches run side by side on `workers` threads with OpenBLAS
/// on one thread each, and every finished batch is checkpointed before the next is taken.
struct SweepExecution {
    let plan: SweepPlan
    let economy: Economy
    let batches: SweepBatches
    let shard: SweepShard

    /// What the caller hears after each batch: runs finished (resumed ones included) of the shard's total.
    typealias Progress = @Sendable (_ finishedRuns: Int, _ totalRuns: Int) -> Void

    /// The shard's batch indices, in order.
    var shardBatches: [Int] { batches.runs.indices.filter { shard.contains(batch: $0) } }

    /// Runs every batch of the shard not in `finished` and returns the outputs of every run of the shard.
    func run(workers: Int, checkpoint: SweepCheckpoint, finished: [Int: [Int: [Double]]], progress: Progress) throws
        -> [Int: [Double]]
    {
        let pending = shardBatches.filter { finished[$0] == nil }
        let total = shardBatches.reduce(0) { $0 + batches.runs[$1].count }
        let models = try Models(plan: plan, economy: economy, runs: pending.flatMap { batches.runs[$0] })
        let state = SharedState(finished: finished, finishedRuns: total - pending.reduce(0) { $0 + batches.runs[$1].count })
        progress(state.finishedRuns, total)
        ReproducibleLinearAlgebra.run {
            DispatchQueue.concurrentPerform(iterations: max(1, min(workers, pending.count))) { _ in
                while let batch = state.next(from: pending) {
                    do {
                        let runs = batches.runs[batch]
                        let outputs = try runBatch(runs, models: models)
                        try checkpoint.write(batch: batch, runs: runs, outputs: outputs)
                        let done = state.finish(batch: batch, runs: runs, outputs: outputs)
                        progress(done, total)
                    } catch {
                        state.fail(error)
                    }
                }
            }
        }
        if let error = state.error { throw error }
        return state.outputsByRun()
    }

    /// The batch's runs in lockstep, then each run's outputs.
    private func runBatch(_ runs: [Int], models: Models) throws -> [[Double]] {
        let scenarios = try runs.map { try plan.variants.scenario(run: $0) }
        let results: [ScenarioRunResult]
        if let model = models.dynamic[plan.structureGroups[runs[0]]] {
            results = try DynamicScenarioRun.run(scenarios, on: model, economy: economy, keeping: plan.recordedMetrics)
        } else if case .ario = scenarios.first?.model, let model = models.ario {
            results = try ARIOScenarioRun.run(scenarios, on: model, economy: economy)
        } else if let analysis = models.analysis {
            results = try StaticScenarioRun.run(scenarios, analysis: analysis)
        } else {
            results = []
        }
        let summaryMetrics = Set(plan.outputs.compactMap { if case .summary(let metric) = $0.source { metric } else { nil } })
        return try results.map { result in
            let summary = summaryMetrics.isEmpty ? [] : RunResultsWriter.summaryRows(result, only: summaryMetrics)
            return try plan.outputs.map { output throws(SweepError) in try output.value(of: result, summary: summary) }
        }
    }

    /// The factored models the pending runs need, built once before the batches start.
    struct Models: Sendable {
        var dynamic: [Int: PlanHorizonModel] = [:]
        var analysis: InputOutputAnalysis?
        /// The ario model of the economy: every ario run shares it, in batches by horizon.
        var ario: ARIOModel?

        init(plan: SweepPlan, economy: Economy, runs: [Int]) throws {
            try ReproducibleLinearAlgebra.run {
                for group in Set(runs.map { plan.structureGroups[$0] }).sorted() {
                    let representative = try plan.variants.scenario(run: group)
                    if case .dynamic = representative.model {
                        dynamic[group] = try ScenarioRun.planHorizonModel(for: representative, economy: economy).model
                    } else if case .ario = representative.model {
                        ario = try ario ?? ARIOModel(economy: economy)
                    } else if analysis == nil {
                        analysis = try InputOutputAnalysis(economy: economy)
                    }
                }
            }
        }
    }

    /// The work queue and results shared by the worker threads.
    final class SharedState: @unchecked Sendable {
        private let lock = NSLock()
        private var nextPosition = 0
        private var finished: [Int: [Int: [Double]]]
        private(set) var finishedRuns: Int
        private(set) var error: Error?

        init(finished: [Int: [Int: [Double]]], finishedRuns: Int) {
            self.finished = finished
            self.finishedRuns = finishedRuns
        }

        func next(from pending: [Int]) -> Int? {
            lock.withLock {
                guard error == nil, nextPosition < pending.count else { return nil }
                defer { nextPosition += 1 }
                return pending[nextPosition]
            }
        }

        func finish(batch: Int, runs: [Int], outputs: [[Double]]) -> Int {
            lock.withLock {
                finished[batch] = Dictionary(uniqueKeysWithValues: zip(runs, outputs))
                finishedRuns += runs.count
                return finishedRuns
            }
        }

        func fail(_ error: Error) {
            lock.withLock { if self.error == nil { self.error = error } }
        }

        func outputsByRun() -> [Int: [Double]] {
            lock.withLock { finished.values.reduce(into: [:]) { all, batch in all.merge(batch) { first, _ in first } } }
        }
    }
}
