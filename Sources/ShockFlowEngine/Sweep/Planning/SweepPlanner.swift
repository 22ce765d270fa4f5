import Foundation
import ShockFlowFormats
import ShockFlowLinearAlgebra
import ShockFlowModel
import Yams

/// Builds a `SweepPlan`, reporting every problem at the sweep file's field that causes it.
struct SweepPlanner {
    let spec: SweepSpec
    let base: SweepDocument.BaseScenario
    let economy: Economy
    /// The economy's names, built once for the outputs and every variant.
    let labels: ScenarioLabels
    var diagnostics: ScenarioDiagnostics
    /// Runs whose scenario has problems are listed up to this many.
    static let listedFailedRuns = 5
    /// The most runs a sweep may have: every run's scenario is checked before anything runs, and a
    /// million runs of a small economy already take hours.
    static let maximumRuns = 1_000_000

    init(spec: SweepSpec, base: SweepDocument.BaseScenario, economy: Economy, diagnostics: ScenarioDiagnostics) {
        self.spec = spec
        self.base = base
        self.economy = economy
        self.labels = ScenarioLabels(economy)
        self.diagnostics = diagnostics
    }

    /// - Parameter progress: runs checked so far and in all, from the planning threads (several calls at once).
    mutating func plan(baseScenario: ResolvedScenario, progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) -> SweepPlan? {
        let parameters = spec.parameters.enumerated().compactMap { parameter($1, at: $0) }
        let outputs = resolveOutputs(catalog: SweepOutputCatalog(model: baseScenario.model, economy: economy))
        // Outputs with problems do not stop the parameters' paths from being checked: both are listed.
        guard parameters.count == spec.parameters.count,
            let problem = problem(parameters.map(\.parameter)), let design = design(for: problem),
            let samples = sample(problem, design)
        else { return nil }
        let paths = parameters.map(\.path)
        var variants = SweepVariants(
            base: base.expandingEconomy(for: paths), paths: paths, kinds: parameters.map(\.kind), samples: samples, economy: economy, labels: labels)
        var kept: [ResolvedScenario]? = samples.rows <= SweepVariants.keptRuns ? [] : nil
        // Each path alone, with run 0's value: an unknown field is told once, at the parameter.
        for (index, path) in paths.enumerated() {
            let row = (0..<paths.count).map { $0 == index ? samples[0, index] : nil }
            if case .failure(let problems) = variants.scenario(values: row) {
                report(problems, at: parameterPath(index).appending("path"), prefix: "`\(path)`")
            }
        }
        guard diagnostics.problems.isEmpty else { return nil }
        // Every run checked now (nothing runs if one fails), and grouped by model structure.
        let checked = Self.checkRuns(variants, keep: kept != nil, progress: progress)
        var structureGroups: [Int] = []
        structureGroups.reserveCapacity(samples.rows)
        var representatives: [(key: ResolvedScenario, run: Int)] = []
        var failed = 0
        for chunk in checked {
            kept?.append(contentsOf: chunk.scenarios)
            // The first run of each of the chunk's structures, in the whole sweep's run order.
            var representativeOf = [Int?](repeating: nil, count: chunk.keys.count)
            for (offset, outcome) in chunk.outcomes.enumerated() {
                let run = chunk.firstRun + offset
                switch outcome {
                case .success(let local):
                    if let known = representativeOf[local] {
                        structureGroups.append(known)
                    } else {
                        let key = chunk.keys[local]
                        let known = representatives.first(where: { $0.key == key })?.run
                        if known == nil { representatives.append((key, run)) }
                        representativeOf[local] = known ?? run
                        structureGroups.append(known ?? run)
                    }
                case .failure(let problems):
                    failed += 1
                    if failed <= Self.listedFailedRuns {
                        let values = (0..<samples.columns).map { "\(problem.names[$0]) = \(variants.kinds[$0].text(samples[run, $0]))" }
                            .joined(separator: ", ")
                        report(problems, at: FieldPath.root.appending("parameters"), prefix: "run \(run) (\(values))")
                    }
                }
            }
        }
        if failed > Self.listedFailedRuns {
            diagnostics.report(
                "\(failed) of \(samples.rows) runs have scenarios with problems (the first \(Self.listedFailedRuns) are listed): "
                    + "narrow the distributions to the fields' ranges", at: FieldPath.root.appending("parameters"))
        }
        guard diagnostics.problems.isEmpty else { return nil }
        variants.kept = kept
        return SweepPlan(
            name: spec.name, description: spec.description, file: diagnostics.file, problem: problem, parameterPaths: paths.map(\.description),
            method: spec.design.method, design: design, seed: UInt64(spec.design.seed),
            bootstrap: BootstrapSettings(
                resamples: spec.design.bootstrapResamples, confidenceLevel: spec.design.confidenceLevel, seed: UInt64(spec.design.seed)),
            samples: samples, baseScenario: baseScenario, variants: variants, structureGroups: structureGroups, outputs: outputs)
    }

    /// Runs `first..<first + count` checked: each run's outcome (an index into `keys`, the chunk's
    /// structures in order of first appearance, or its problems), and the scenarios when kept.
    struct CheckedChunk: Sendable {
        var firstRun: Int
        var outcomes: [Result<Int, SweepVariants.Problems>] = []
        var keys: [ResolvedScenario] = []
        var scenarios: [ResolvedScenario] = []
    }

    /// Makes and checks every run's scenario, in contiguous chunks on the machine's cores (a run's
    /// scenario does not depend on any other, so the outcome is the same on any number of threads).
    static func checkRuns(_ variants: SweepVariants, keep: Bool, progress: @escaping @Sendable (Int, Int) -> Void) -> [CheckedChunk] {
        variants.resolveTags()
        let runs = variants.samples.rows
        let chunkSize = 256
        let chunkCount = (runs + chunkSize - 1) / chunkSize
        let done = RunCounter()
        let jobs: [@Sendable () -> CheckedChunk] = (0..<chunkCount).map { chunk in
            {
                let first = chunk * chunkSize
                var result = CheckedChunk(firstRun: first)
                for run in first..<min(first + chunkSize, runs) {
                    switch variants.scenario(values: (0..<variants.samples.columns).map { variants.samples[run, $0] }) {
                    case .success(let scenario):
                        if keep { result.scenarios.append(SweepVariants.forBatch(scenario)) }
                        let key = structureKey(scenario)
                        if let known = result.keys.firstIndex(of: key) {
                            result.outcomes.append(.success(known))
                        } else {
                            result.outcomes.append(.success(result.keys.count))
                            result.keys.append(key)
                        }
                    case .failure(let problems):
                        result.outcomes.append(.failure(problems))
                    }
                }
                progress(done.add(min(first + chunkSize, runs) - first), runs)
                return result
            }
        }
        return ConcurrentJobs.run(jobs)
    }

    private func parameterPath(_ index: Int) -> FieldPath { FieldPath.root.appending("parameters").appending(index: index) }

    private mutating func parameter(_ parameter: SweepParameterSpec, at index: Int)
        -> (parameter: SensitivityParameter, path: ScenarioValuePath, kind: SweepValueKind)?
    {
        let field = parameterPath(index)
        let path: ScenarioValuePath
        switch ScenarioValuePath.parse(parameter.target) {
        case .success(let parsed): path = parsed
        case .failure(let error):
            diagnostics.report(error.description, at: field.appending("path"))
            return nil
        }
        let distribution: ParameterDistribution
        var kind = SweepValueKind.number
        switch parameter.distribution {
        case .uniform: distribution = .uniform(lower: parameter.lower, upper: parameter.upper)
        case .log_uniform: distribution = .logUniform(lower: parameter.lower, upper: parameter.upper)
        case .normal: distribution = .normal(mean: parameter.mean, standardDeviation: parameter.standardDeviation)
        case .truncated_normal:
            distribution = .truncatedNormal(
                lower: parameter.lower, upper: parameter.upper, mean: parameter.mean, standardDeviation: parameter.standardDeviation)
        case .triangular: distribution = .triangular(lower: parameter.lower, upper: parameter.upper, mode: parameter.mode)
        case .discrete:
            (distribution, kind) = discrete(parameter.levels, at: field.appending("levels"))
        }
        if let problem = distribution.problem {
            diagnostics.report("the \(parameter.distribution.rawValue) distribution cannot be used: \(problem)", at: field)
            return nil
        }
        let name = parameter.name ?? parameter.target
        if spec.parameters[..<index].contains(where: { ($0.name ?? $0.target) == name }) {
            diagnostics.report("the parameter name `\(name)` is used twice: give each parameter its own `name`", at: field)
            return nil
        }
        if parameter.group != nil, spec.design.method != .saltelli {
            diagnostics.report(
                "groups need the `saltelli` design (Sobol' indices per group); the \(spec.design.method.rawValue) design "
                    + "gives indices per parameter", at: field.appending("group"))
            return nil
        }
        return (SensitivityParameter(name: name, distribution: distribution, group: parameter.group), path, kind)
    }

    /// Numeric levels are sampled as they are. Other levels (text, true or false, lists) are sampled by
    /// their index, the distribution on 0…k−1, as SALib samples a uniform on [0, k) and takes ⌊u⌋;
    /// their texts must differ, so that `samples.csv` tells the levels apart.
    private mutating func discrete(_ levels: [SweepLevel], at field: FieldPath) -> (ParameterDistribution, SweepValueKind) {
        let numbers = levels.compactMap(\.number)
        if numbers.count == levels.count { return (.discrete(levels: numbers), .numericLevel) }
        var seen = Set<String>()
        for (index, level) in levels.enumerated() where !seen.insert(level.text).inserted {
            diagnostics.report(
                "the level `\(level.text)` is given twice: levels that are not all numbers must differ as `samples.csv` writes them",
                at: field.appending(index: index))
        }
        return (.discrete(levels: levels.indices.map(Double.init)), .level(levels))
    }

    private mutating func problem(_ parameters: [SensitivityParameter]) -> SensitivityProblem? {
        guard !parameters.isEmpty else {
            diagnostics.report(
                "a sweep needs at least one parameter (a path into the scenario and a distribution)",
                at: FieldPath.root.appending("parameters"))
            return nil
        }
        do {
            return try SensitivityProblem(parameters: parameters)
        } catch {
            diagnostics.report("\(error)", at: FieldPath.root.appending("parameters"))
            return nil
        }
    }

    /// The design, refused when its levels, runs or bootstrap do not fit before anything is drawn.
    private mutating func design(for problem: SensitivityProblem) -> SamplingDesign? {
        let parameters = problem.dimension
        let spec = self.spec.design
        let field = FieldPath.root.appending("design")
        if spec.method == .morris, spec.levels % 2 != 0 {
            diagnostics.report(
                "Morris needs an even number of levels (SALib's default is 4), not \(spec.levels)", at: field.appending("levels"))
            return nil
        }
        let design = spec.method.design(samples: spec.samples, levels: spec.levels, secondOrder: spec.secondOrder)
        let runs = problem.runCount(design)
        if runs > Self.maximumRuns {
            let count = runs == Int.max ? "more than \(Int.max)" : "\(runs)"
            diagnostics.report(
                "the \(spec.method.rawValue) design with samples \(spec.samples) and \(parameters) parameter"
                    + "\(parameters == 1 ? "" : "s") has \(count) runs; a sweep has at most \(Self.maximumRuns)",
                at: field.appending("samples"))
            return nil
        }
        let pointsPerResample: Int
        switch design {
        case .saltelli(let base, _): pointsPerResample = base
        case .morris(let trajectories, _): pointsPerResample = trajectories
        default: pointsPerResample = 0
        }
        if pointsPerResample > 0, spec.bootstrapResamples > BootstrapSettings.maximumDraws / pointsPerResample {
            diagnostics.report(
                "\(spec.bootstrapResamples) resamples of \(pointsPerResample) points exceed the \(BootstrapSettings.maximumDraws) "
                    + "draws a bootstrap may take: use at most \(BootstrapSettings.maximumDraws / pointsPerResample)",
                at: field.appending("bootstrap_resamples"))
            return nil
        }
        return design
    }

    private mutating func sample(_ problem: SensitivityProblem, _ design: SamplingDesign) -> Matrix? {
        do {
            return try problem.sample(design, seed: UInt64(spec.design.seed))
        } catch {
            diagnostics.report("\(error)", at: FieldPath.root.appending("design").appending("samples"))
            return nil
        }
    }

    private mutating func report(_ problems: SweepVariants.Problems, at field: FieldPath, prefix: String) {
        for message in problems.messages { diagnostics.report("\(prefix): \(message)", at: field) }
    }

    /// The outputs, each checked against what the runs of the model write (`catalog`).
    private mutating func resolveOutputs(catalog: SweepOutputCatalog) -> [SweepOutput] {
        let (regions, sectors) = (labels.regions, labels.sectors)
        var outputs: [SweepOutput] = []
        for (index, output) in spec.outputs.enumerated() {
            let field = FieldPath.root.appending("outputs").appending(index: index)
            let resolved: SweepOutput
            if let summary = output.summary {
                guard catalog.summaryRows.contains(summary) else {
                    diagnostics.report(
                        "the runs' summary.csv has no row `\(summary)`" + NameSuggestions.didYouMean(summary, among: catalog.summaryRows)
                            + " (rows of the \(catalog.modelName) model: \(catalog.summaryRows.joined(separator: ", ")))",
                        at: field.appending("summary"))
                    continue
                }
                resolved = SweepOutput(name: output.name ?? summary, source: .summary(summary))
            } else if let metric = output.metric {
                guard catalog.cellMetrics.contains(metric) else {
                    diagnostics.report(
                        "the runs have no cell metric `\(metric)`" + NameSuggestions.didYouMean(metric, among: catalog.cellMetrics)
                            + " (metrics of the \(catalog.modelName) model: \(catalog.cellMetrics.joined(separator: ", ")))",
                        at: field.appending("metric"))
                    continue
                }
                let selectedRegions = regions.resolve(output.regions, diagnostics: &diagnostics)
                let selectedSectors = sectors.resolve(output.sectors, diagnostics: &diagnostics)
                guard let selectedRegions, let selectedSectors else { continue }
                let cells = selectedRegions.flatMap { region in selectedSectors.map { economy.cellIndex(region: region, sector: $0) } }
                resolved = SweepOutput(
                    name: output.name ?? "\(metric)_\(output.statistic.rawValue)",
                    source: .aggregate(metric: metric, cells: cells, statistic: output.statistic))
            } else {
                continue
            }
            if outputs.contains(where: { $0.name == resolved.name }) {
                diagnostics.report("the output name `\(resolved.name)` is used twice: give each output its own `name`", at: field)
                continue
            }
            outputs.append(resolved)
        }
        return outputs
    }

    /// A run's scenario without what a model column carries: runs with equal keys share one factored
    /// model (economy, horizon, model, critical inputs, substitute sectors).
    private static func structureKey(_ scenario: ResolvedScenario) -> ResolvedScenario {
        var key = scenario
        key.investment = nil
        key.priorities = []
        key.plan = nil
        key.planTilt = []
        key.strategicWeights = []
        key.shocks = []
        key.horizon.seed = 0
        for index in key.substitutions.indices { key.substitutions[index].theta = 0 }
        // ARIO runs of one horizon share one model, whatever their parameters, events and results.
        if case .ario = key.model { key.model = .ario(ARIOSettings(parameters: ARIOParameters(), events: [])) }
        // Strict Leontief makes every input used critical: τ and the pairs (inputs used) add nothing.
        if key.criticalInputs.strictLeontief {
            key.criticalInputs = CriticalInputRules(threshold: 0, strictLeontief: true, domesticPairs: [], importedPairs: [])
        }
        return key
    }
}

/// Runs checked so far, counted from the planning threads.
private final class RunCounter: @unchecked Sendable {  // `count` is read and written under `lock` only
    private let lock = NSLock()
    private var count = 0

    /// Adds `runs` and returns the new total.
    func add(_ runs: Int) -> Int { lock.withLock { count += runs; return count } }
}
