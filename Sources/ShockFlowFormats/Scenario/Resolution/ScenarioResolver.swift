import Foundation
import ShockFlowModel

extension ScenarioDocument {
    /// Resolves every name against `economy` and applies the defaults that depend on it (the budget).
    /// Throws all problems at once: those found while reading and those found here.
    public func resolve(against economy: Economy) throws(ScenarioError) -> ResolvedScenario {
        try resolve(against: economy, labels: ScenarioLabels(economy))
    }

    /// As `resolve(against:)` with the economy's label catalogs built once (a sweep resolves
    /// thousands of variants against one economy).
    package func resolve(against economy: Economy, labels: ScenarioLabels) throws(ScenarioError) -> ResolvedScenario {
        guard let spec else { throw ScenarioError(problems: problems) }
        var resolver = ScenarioResolver(economy: economy, diagnostics: diagnostics, labels: labels)
        let resolved = resolver.resolve(spec, file: file)
        guard let resolved, resolver.diagnostics.problems.isEmpty else {
            throw ScenarioError(problems: resolver.diagnostics.sortedProblems)
        }
        return resolved
    }

    /// Every problem found while reading, plus one at the `economy` field saying why the economy
    /// could not be loaded (its names could then not be checked).
    public func problems(addingEconomyProblem message: String) -> [ScenarioProblem] {
        var diagnostics = diagnostics
        diagnostics.report(message, at: FieldPath.root.appending("economy"))
        return diagnostics.sortedProblems
    }
}

/// Turns a checked `ScenarioSpec` into a `ResolvedScenario` for one economy, reporting every name
/// that does not resolve and every rule that needs the economy to check.
struct ScenarioResolver {
    let economy: Economy
    var diagnostics: ScenarioDiagnostics
    let regions: LabelCatalog
    let sectors: LabelCatalog
    let products: LabelCatalog
    let categories: LabelCatalog
    let components: LabelCatalog
    let planRows: PlanRowIndexCache

    init(economy: Economy, diagnostics: ScenarioDiagnostics, labels: ScenarioLabels) {
        self.economy = economy
        self.diagnostics = diagnostics
        (regions, sectors, products, categories) = (labels.regions, labels.sectors, labels.products, labels.categories)
        components = labels.components
        planRows = labels.planRows
    }

    mutating func resolve(_ spec: ScenarioSpec, file: String) -> ResolvedScenario? {
        let horizon = ScenarioHorizon(periods: spec.horizon.periods, periodYears: spec.horizon.period.years, seed: UInt64(spec.horizon.seed))
        let model = spec.model.type == .ario ? resolveARIO(spec) : resolveModel(spec.model)
        let isDynamic = spec.model.type == .dynamic
        let investment = isDynamic ? resolveInvestment(spec.investment) : nil
        let substitutions = resolveSubstitutions(spec.substitution)
        let priorities = spec.priorities.compactMap { entry in
            cells(regions: entry.regions, sectors: entry.sectors).map { PlanPriority(cells: $0, tilt: entry.tilt, reason: entry.reason) }
        }
        // π: the plan table's provincial and national layers, then the hand-written entries on top.
        let plan = isDynamic ? spec.plan.flatMap { resolvePlan($0) } : nil
        var planTilt = [Double](repeating: 0, count: economy.cellCount)
        if let plan {
            for cell in planTilt.indices { planTilt[cell] = plan.provinceTilt[cell] + plan.nationalTilt[cell] }
        }
        for priority in priorities {
            for cell in priority.cells { planTilt[cell] += priority.tilt }
        }
        let strategicWeights = resolveStrategic(
            spec.strategic, defaultWeight: spec.investment.strategicWeight, substitutions: substitutions)
        let criticalInputs = resolveCriticalInputs(spec.criticalInputs)
        let shocks = spec.shocks.filter { !spec.isARIOEvent($0) }.compactMap { resolveShock($0) }
        if spec.prices.scarcityElasticity != 0, !isDynamic {
            diagnostics.report(
                "the scarcity mark-up needs the rationing of the dynamic model; the \(spec.model.type.rawValue) model has none",
                at: spec.prices.path.appending("scarcity_elasticity"))
        }
        guard let model else { return nil }
        return ResolvedScenario(
            name: spec.name, description: spec.description, file: file, economy: spec.economy.name,
            economyVariant: spec.economyVariant, horizon: horizon, model: model,
            investment: investment, priorities: priorities, plan: plan, planTilt: planTilt, strategicWeights: strategicWeights,
            criticalInputs: criticalInputs, substitutions: substitutions, shocks: shocks,
            scarcityElasticity: spec.prices.scarcityElasticity)
    }

    /// Cells (r, s) for every selected region and sector, region-major and sorted.
    mutating func cells(regions regionSelector: Selector, sectors sectorSelector: Selector) -> [Int]? {
        let selectedRegions = regions.resolve(regionSelector, diagnostics: &diagnostics)
        let selectedSectors = sectors.resolve(sectorSelector, diagnostics: &diagnostics)
        guard let selectedRegions, let selectedSectors else { return nil }
        return selectedRegions.flatMap { region in selectedSectors.map { economy.cellIndex(region: region, sector: $0) } }
    }

    private mutating func resolveModel(_ spec: ModelSpec) -> ScenarioModel? {
        switch spec.type {
        case .dynamic: return .dynamic
        case .leontief: return .leontief
        case .ghosh: return .ghosh
        case .iim: return .inoperability
        case .extraction: return cells(regions: spec.regions, sectors: spec.sectors).map { .extraction(cells: $0) }
        case .diim: return .dynamicInoperability(resilience: spec.resilience)
        case .ario: return nil  // resolveARIO, with the shocks
        }
    }

    private mutating func resolveInvestment(_ spec: InvestmentSpec) -> InvestmentParameters? {
        var bounds: [RegionalBound] = []
        var boundOf: [Int: FieldPath] = [:]
        for bound in spec.regionalBounds {
            // A bound on no regions (`regions: []`) bounds nothing.
            guard let selected = regions.resolve(bound.regions, diagnostics: &diagnostics), !selected.isEmpty else { continue }
            for region in selected {
                if let first = boundOf[region] {
                    diagnostics.report(
                        "region \(economy.regions[region].code) is already bounded in \(first); a region may appear in one bound only",
                        at: bound.path.appending("regions"))
                }
                boundOf[region] = boundOf[region] ?? bound.path
            }
            bounds.append(RegionalBound(regions: selected, minimum: bound.minimum, maximum: bound.maximum))
        }
        let budget: Double
        if let written = spec.budget {
            budget = written
        } else if let gfcf = FinalDemandRole.gfcf.category(in: economy) {
            budget = economy.finalDemandTotal(category: gfcf)
        } else {
            diagnostics.report(
                "economy \(economy.metadata.name) has no gross fixed capital formation (`gfcf`) final-demand category to take the "
                    + "default budget from: write `budget`", at: FieldPath.root.appending("investment").appending("budget"))
            return nil
        }
        return InvestmentParameters(
            budget: budget, budgetIsEconomyGFCF: spec.budget == nil, growth: spec.growth, depreciation: spec.depreciation,
            gestationLag: spec.gestationLag, capitalStocks: spec.capitalStocks, eta: spec.eta, alpha: spec.alpha, beta: spec.beta,
            lambda: spec.lambda, capMultiple: spec.caps, regionalBounds: bounds, headroom: spec.headroom,
            strategicWeight: spec.strategicWeight)
    }

    private mutating func resolveSubstitutions(_ entries: [SubstitutionEntry]) -> [ImportSubstitution] {
        var result: [ImportSubstitution] = []
        var entryOf: [Int: FieldPath] = [:]
        for entry in entries {
            let selectedProducts = products.resolve(entry.product, diagnostics: &diagnostics)
            let selectedSectors = sectors.resolve(entry.sector, diagnostics: &diagnostics)
            let selectedRegions = regions.resolve(entry.regions, diagnostics: &diagnostics)
            guard let selectedProducts, let selectedSectors, let selectedRegions else { continue }
            guard selectedSectors.count == 1, let sector = selectedSectors.first else {
                diagnostics.report(
                    "name exactly one substitute sector; this selects \(selectedSectors.count)", at: entry.path.appending("sector"))
                continue
            }
            // A switched-off entry is checked but left out: its products may have another substitute.
            guard entry.enabled else { continue }
            for product in selectedProducts {
                if let first = entryOf[product] {
                    diagnostics.report(
                        "imported product \(economy.importProducts[product].code) already has a substitute in \(first)",
                        at: entry.path.appending("product"))
                    continue
                }
                entryOf[product] = entry.path
                result.append(ImportSubstitution(product: product, sector: sector, theta: entry.theta, regions: selectedRegions))
            }
        }
        return result
    }

    /// strategic_i per cell: the highest weight of the entries covering the cell, else `defaultWeight`.
    /// A strategic product marks the cells of its substitute sector.
    private mutating func resolveStrategic(
        _ entries: [StrategicEntry], defaultWeight: Double, substitutions: [ImportSubstitution]
    ) -> [Double] {
        var marked = [Double?](repeating: nil, count: economy.cellCount)
        for entry in entries {
            var selectedCells: [Int] = []
            if let sectorSelector = entry.sectors {
                selectedCells = cells(regions: entry.regions, sectors: sectorSelector) ?? []
            } else if let productSelector = entry.products,
                let selectedProducts = products.resolve(productSelector, diagnostics: &diagnostics),
                let selectedRegions = regions.resolve(entry.regions, diagnostics: &diagnostics)
            {
                for product in selectedProducts {
                    guard let substitution = substitutions.first(where: { $0.product == product }) else {
                        diagnostics.report(
                            "imported product \(economy.importProducts[product].code) has no `substitution` entry: a strategic "
                                + "product acts through its substitute sector", at: entry.path.appending("products"))
                        continue
                    }
                    selectedCells += selectedRegions.map { economy.cellIndex(region: $0, sector: substitution.sector) }
                }
            }
            for cell in selectedCells { marked[cell] = max(marked[cell] ?? 0, entry.weight) }
        }
        return marked.map { $0 ?? defaultWeight }
    }

    private mutating func resolveCriticalInputs(_ spec: CriticalInputsSpec) -> CriticalInputRules {
        var domestic = Set<SectorPair>(), imported = Set<SectorPair>()
        for pair in spec.pairs {
            guard let users = sectors.resolve(pair.users, diagnostics: &diagnostics) else { continue }
            var domesticInputs: [Int] = [], importedInputs: [Int] = []
            switch pair.from {
            case .domestic:
                domesticInputs = sectors.resolve(pair.input, diagnostics: &diagnostics) ?? []
            case .imported:
                importedInputs = products.resolve(pair.input, diagnostics: &diagnostics) ?? []
            case .both:
                domesticInputs = sectors.resolve(pair.input, diagnostics: &diagnostics) ?? []
                var quiet = ScenarioDiagnostics(file: diagnostics.file)
                importedInputs = products.resolve(pair.input, diagnostics: &quiet) ?? []
            }
            // A switched-off pair is checked but adds nothing.
            guard pair.enabled else { continue }
            for user in users {
                domestic.formUnion(domesticInputs.map { SectorPair(input: $0, user: user) })
                imported.formUnion(importedInputs.map { SectorPair(input: $0, user: user) })
            }
        }
        return CriticalInputRules(
            threshold: spec.threshold, strictLeontief: spec.strictLeontief, domesticPairs: domestic.sorted(),
            importedPairs: imported.sorted())
    }

    private mutating func resolveShock(_ spec: ShockSpec) -> Shock? {
        let kind: Shock.Kind?
        switch spec.kind {
        case .capacity:
            kind = cells(regions: spec.regions, sectors: spec.sectors).map { .capacity(cells: $0) }
        case .import:
            kind = products.resolve(spec.products, diagnostics: &diagnostics).map { .imports(products: $0) }
        case .export:
            let selected = cells(regions: spec.regions, sectors: spec.sectors)
            guard let category = FinalDemandRole.exports.category(in: economy) else {
                diagnostics.report(
                    "economy \(economy.metadata.name) has no exports final-demand category for an export shock to act on",
                    at: spec.path.appending("kind"))
                return nil
            }
            let columns = economy.finalDemandColumns(inCategories: [category])
            kind = selected.map { .exports(cells: $0, finalDemandColumns: columns) }
        case .demand:
            let selected = cells(regions: spec.regions, sectors: spec.sectors)
            let selectedCategories = categories.resolve(spec.categories, diagnostics: &diagnostics)
            guard let selected, let selectedCategories else { return nil }
            kind = .demand(cells: selected, finalDemandColumns: economy.finalDemandColumns(inCategories: selectedCategories))
        case .investment:
            kind = .investmentBudget
        case .importPrice, .cost:
            kind = resolvePriceShock(spec)
        case .capitalDestruction:
            kind = nil  // an ARIO event (resolveARIO)
        }
        guard let kind else { return nil }
        return Shock(
            id: spec.id, kind: kind, magnitude: spec.magnitude, share: spec.kind == .investment ? 1 : spec.share,
            profile: spec.profile.resolved)
    }
}

extension ProfileSpec {
    var resolved: ShockProfile {
        switch type {
        case .step: .step(start: start, end: end)
        case .ramp: .ramp(start: start, periods: periods, end: end)
        case .recovery: .recovery(start: start, halfLife: halfLife)
        case .series: .series(values ?? [])
        case .event:
            .event(
                occurrence: event.occurrence, duration: event.duration,
                recovery: ARIORecovery(event.recovery, tau: event.recoveryTau ?? 1))
        }
    }
}

/// Final-demand categories the scenario rules need to find by meaning: exports (export shocks),
/// gross fixed capital formation (the default budget, the GFCF deflator) and households (the CPI).
/// Matched on code or name, ignoring case.
package enum FinalDemandRole {
    case exports, gfcf, households

    private var names: Set<String> {
        switch self {
        case .exports: ["exports", "export", "ex"]
        case .gfcf: ["gfcf", "gross fixed capital formation"]
        case .households: ["households", "household consumption", "final consumption expenditure by households"]
        }
    }

    package func category(in economy: Economy) -> Int? {
        economy.finalDemandCategories.firstIndex { names.contains($0.code.lowercased()) || names.contains($0.name.lowercased()) }
    }
}

extension Economy {
    /// Σ over rows and over the final-demand columns of `category` (all destination regions) of Y.
    package func finalDemandTotal(category: Int) -> Double {
        var total = 0.0
        for (column, label) in finalDemandColumns.enumerated() where label.category == category && column < finalDemand.columns {
            total += finalDemand.column(column).reduce(0, +)
        }
        return total
    }
}

extension ScenarioDocument {
    /// Loads the economy the file names with `loadEconomy(reference, directory)` and resolves the
    /// scenario against it. A load failure is reported at the `economy` field with every other problem.
    public func resolve(
        loadingEconomyWith loadEconomy: (_ reference: String, _ directory: URL) throws -> Economy
    ) throws(ScenarioError) -> (scenario: ResolvedScenario, economy: Economy) {
        guard let reference = economyReference else { throw ScenarioError(problems: problems) }
        let economy: Economy
        do {
            economy = try loadEconomy(reference, directory)
        } catch let unknown as UnknownEconomy {
            throw ScenarioError(problems: problems(addingEconomyProblem: unknown.description))
        } catch {
            let what = economyVariant.map { "cannot build economy \($0)" } ?? "cannot load economy '\(reference)'"
            throw ScenarioError(problems: problems(addingEconomyProblem: "\(what): \(error)"))
        }
        return (try resolve(against: economy), economy)
    }
}
