import Foundation
import ShockFlowFormats
import ShockFlowModel

/// The economies, their factorisations and the models a shard's batches run on, made when first needed
/// and dropped after the last batch that needs them, and the order the worker threads take the work in.
///
/// A sweep whose parameters set `economy.options` runs on several tables: each run's economy variant
/// (`ResolvedScenario.economyVariant`, nil for the economy the scenario names) is part of its structure
/// key, so `SweepPlan.structureGroups` groups runs by variant, then by model structure within it. The
/// pending batches are taken variant by variant; a worker takes, in this order of preference, a batch
/// whose model is ready, the model of a structure whose table is ready, or the next variant's table (at
/// most `workers + 1` tables and `2 × workers` models alive). A table's task also factors its I − A once
/// for all its dynamic structures (`FactoredStructure`: the structures of one table differ only in
/// critical inputs, substitutes and horizon). So one thread builds the next table while the others run
/// the batches of the current one, and a table is dropped once its last batch is done.
/// Tables and models are built the same way whichever thread builds them, so the outputs do not depend
/// on this order (docs/sweep-format.md, "What runs together").
final class SweepModelSchedule: @unchecked Sendable {  // every stored property is read and written under `condition`
    /// A factored model: a dynamic structure's plan-horizon model, or the static models' analysis.
    enum Model: Sendable {
        case dynamic(PlanHorizonModel)
        case analysis(InputOutputAnalysis)
        /// The ario model of the table: ario runs of one horizon share it (docs/ario.md (A21)).
        case ario(ARIOModel)
    }

    /// What a worker does next.
    enum Task {
        /// Build (or load) variant `variant`'s table, check it and hash it, unless `loaded` is the table
        /// already; then factor its I − A when `factors` (`economyBuilt`).
        case economy(variant: Int, key: EconomyVariant?, economyName: String, loaded: Economy?, factors: Bool)
        /// Make structure `group`'s model on `economy` (`modelBuilt`): a dynamic model on the table's
        /// factorisation, or the variant's static analysis (the one made before when there is one).
        case model(group: Int, economy: Economy, factored: FactoredStructure?, analysis: InputOutputAnalysis?)
        case batch(Int, model: Model, economy: Economy)
    }

    /// What the manifest records of each table the shard's runs used.
    struct VariantRecord: Sendable {
        var key: EconomyVariant?
        var economyName: String
        var firstRun: Int
        var runs: Int
        var tableSHA256: String?
    }

    private enum Stage { case waiting, building, ready, dropped }

    private struct VariantState {
        var record: VariantRecord
        var stage = Stage.waiting
        var economy: Economy?
        var factored: FactoredStructure?
        var analysis: InputOutputAnalysis?
        var remainingBatches = 0
        /// Whether a structure of the variant runs the dynamic model (then its I − A is factored).
        var hasDynamicModels = false
    }

    private struct GroupState {
        var variant: Int
        var isDynamic: Bool
        var stage = Stage.waiting
        var model: Model?
        var remainingBatches = 0
    }

    private let condition = NSCondition()
    private var variants: [VariantState] = []
    private var groups: [Int: GroupState] = [:]
    /// Batches not yet taken, variant by variant, each variant's in batch order.
    private var pending: [Int]
    private let groupOfBatch: [Int: Int]
    private let maximumEconomies: Int
    private let maximumModels: Int
    private var failure: (any Error)?

    /// - Parameters:
    ///   - batches: the runs of every batch of the shard, by batch index; `pending` those still to run.
    ///   - base: the economy the sweep loaded (its base scenario's), with the variant it is.
    init(
        plan: SweepPlan, batches: [Int: [Int]], pending: [Int], base: (economy: Economy, variant: EconomyVariant?), workers: Int
    ) throws {
        var variants: [VariantState] = []
        var groups: [Int: GroupState] = [:]
        var groupOfBatch: [Int: Int] = [:]
        var variantIndex: [EconomyVariant?: Int] = [:]
        for batch in batches.keys.sorted() {
            guard let runs = batches[batch], let first = runs.first else { continue }
            let group = plan.structureGroups[first]
            groupOfBatch[batch] = group
            if groups[group] == nil {
                let representative = try plan.variants.scenario(run: group)
                let key = representative.economyVariant
                let index = variantIndex[key] ?? variants.count
                if index == variants.count {
                    variantIndex[key] = index
                    variants.append(VariantState(record: VariantRecord(
                        key: key, economyName: representative.economy, firstRun: group, runs: 0)))
                }
                let isDynamic = if case .dynamic = representative.model { true } else { false }
                groups[group] = GroupState(variant: index, isDynamic: isDynamic)
                if isDynamic { variants[index].hasDynamicModels = true }
            }
            let variant = groups[group]?.variant ?? 0
            variants[variant].record.firstRun = min(variants[variant].record.firstRun, first)
            variants[variant].record.runs += runs.count
        }
        let variantOfBatch = { (batch: Int) -> Int? in groupOfBatch[batch].flatMap { groups[$0]?.variant } }
        for batch in pending {
            guard let group = groupOfBatch[batch], let variant = variantOfBatch(batch) else { continue }
            groups[group]?.remainingBatches += 1
            variants[variant].remainingBatches += 1
        }
        // The table the sweep loaded serves its own variant's runs (its task only factors it); it is hashed
        // when the runs use several tables.
        let listsTables = variants.contains { $0.record.key != nil }
        for index in variants.indices where variants[index].record.key == base.variant {
            let used = variants[index].remainingBatches > 0
            variants[index].economy = used ? base.economy : nil
            variants[index].stage = used ? .waiting : .dropped
            variants[index].record.tableSHA256 = listsTables ? EconomyTableDigest.sha256(base.economy) : nil
        }
        // Variant by variant (in order of their first batch), each variant's batches in batch order.
        let ordered = pending.compactMap { batch in variantOfBatch(batch).map { (batch: batch, variant: $0) } }
            .enumerated().sorted { a, b in
                a.element.variant != b.element.variant ? a.element.variant < b.element.variant : a.offset < b.offset
            }
        self.pending = ordered.map(\.element.batch)
        self.groupOfBatch = groupOfBatch
        self.maximumEconomies = workers + 1
        self.maximumModels = 2 * workers
        self.variants = variants
        self.groups = groups
    }

    /// The next task, waiting while every remaining task needs something another thread is building;
    /// nil when nothing is left for this thread (or a task failed).
    func next() -> Task? {
        condition.lock()
        defer { condition.unlock() }
        while failure == nil {
            if let position = pending.firstIndex(where: { groups[groupOfBatch[$0] ?? 0]?.stage == .ready }) {
                let batch = pending.remove(at: position)
                let group = groups[groupOfBatch[batch] ?? 0]
                if let model = group?.model, let economy = group.flatMap({ variants[$0.variant].economy }) {
                    return .batch(batch, model: model, economy: economy)
                }
            }
            if liveModels < maximumModels, let group = nextGroupToFactor(), let state = groups[group],
                let economy = variants[state.variant].economy
            {
                groups[group]?.stage = .building
                let variant = variants[state.variant]
                return .model(
                    group: group, economy: economy, factored: variant.factored, analysis: state.isDynamic ? nil : variant.analysis)
            }
            if liveEconomies < maximumEconomies, let index = nextVariantToBuild() {
                variants[index].stage = .building
                let variant = variants[index]
                return .economy(
                    variant: index, key: variant.record.key, economyName: variant.record.economyName, loaded: variant.economy,
                    factors: variant.hasDynamicModels && variant.remainingBatches > 0)
            }
            if pending.isEmpty && !variants.contains(where: { $0.stage == .waiting }) { return nil }
            condition.wait()
        }
        return nil
    }

    /// A variant's table is built (checked and hashed; nil when the sweep's own table) and factored: its
    /// structures' models can be made.
    func economyBuilt(variant: Int, economy: Economy, factored: FactoredStructure?, tableSHA256: String?) {
        update {
            if let tableSHA256 { variants[variant].record.tableSHA256 = tableSHA256 }
            // A variant whose batches the checkpoint already holds was built for its hash only.
            if variants[variant].remainingBatches == 0 {
                variants[variant].stage = .dropped
            } else {
                variants[variant].economy = economy
                variants[variant].factored = factored
                variants[variant].stage = .ready
            }
        }
    }

    func modelBuilt(group: Int, model: Model) {
        update {
            groups[group]?.model = model
            groups[group]?.stage = .ready
            if case .analysis(let analysis) = model, let variant = groups[group]?.variant { variants[variant].analysis = analysis }
        }
    }

    /// A batch is done: the model and the table it ran on are dropped when no pending batch needs them.
    func batchFinished(_ batch: Int) {
        update {
            guard let group = groupOfBatch[batch], let variant = groups[group]?.variant else { return }
            groups[group]?.remainingBatches -= 1
            if groups[group]?.remainingBatches == 0 {
                groups[group]?.model = nil
                groups[group]?.stage = .dropped
            }
            variants[variant].remainingBatches -= 1
            if variants[variant].remainingBatches == 0 {
                variants[variant].economy = nil
                variants[variant].factored = nil
                variants[variant].analysis = nil
                variants[variant].stage = .dropped
            }
        }
    }

    /// Stops every thread after its current task.
    func fail(_ error: any Error) {
        update { if failure == nil { failure = error } }
    }

    var error: (any Error)? { condition.withLock { failure } }

    /// Every table of the shard's runs, in order of their first run.
    var records: [VariantRecord] { condition.withLock { variants.map(\.record).sorted { $0.firstRun < $1.firstRun } } }

    private func update(_ change: () -> Void) {
        condition.lock()
        change()
        condition.broadcast()
        condition.unlock()
    }

    private var liveEconomies: Int { variants.filter { $0.stage == .building || $0.economy != nil }.count }

    private var liveModels: Int { groups.values.filter { $0.stage == .building || $0.model != nil }.count }

    /// The structure of the earliest pending batch whose table is ready and whose model is not made yet.
    private func nextGroupToFactor() -> Int? {
        for batch in pending {
            guard let group = groupOfBatch[batch], let state = groups[group] else { continue }
            if state.stage == .waiting && variants[state.variant].stage == .ready { return group }
        }
        return nil
    }

    /// The variant of the earliest pending batch whose table is not built yet; then the variants whose
    /// batches a checkpoint holds, built for their table hash alone.
    private func nextVariantToBuild() -> Int? {
        for batch in pending {
            guard let group = groupOfBatch[batch], let variant = groups[group]?.variant else { continue }
            if variants[variant].stage == .waiting { return variant }
        }
        return variants.indices.first { variants[$0].stage == .waiting && variants[$0].remainingBatches == 0 }
    }
}
