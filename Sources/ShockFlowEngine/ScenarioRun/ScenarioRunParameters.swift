import ShockFlowFormats
import ShockFlowModel

/// Every parameter of a resolved scenario after defaults were applied, as text for `manifest.json`:
/// numbers in their shortest round-trip form, cells as `region/sector` codes, lists space-separated.
enum ScenarioRunParameters {
    static func text(_ scenario: ResolvedScenario, economy: Economy, options: RationingOptions = RationingOptions())
        -> [String: String]
    {
        let number = NumberFormatting.shortest
        func cells(_ indices: [Int]) -> String {
            indices.map { index in
                let (region, sector) = economy.cell(index)
                return economy.regions[region].code + "/" + economy.sectors[sector].code
            }.joined(separator: " ")
        }
        func regions(_ indices: [Int]) -> String { indices.map { economy.regions[$0].code }.joined(separator: " ") }
        func sector(_ index: Int) -> String { economy.sectors[index].code }
        func product(_ index: Int) -> String { economy.importProducts[index].code }

        var text: [String: String] = [
            "scenario.name": scenario.name,
            "scenario.file": scenario.file,
            "economy": scenario.economy,
            "model": scenario.model.name,
            "horizon.periods": String(scenario.horizon.periods),
            "horizon.period_years": number(scenario.horizon.periodYears),
        ]
        if let variant = scenario.economyVariant {
            for (name, value) in variant.options { text["economy.options." + name] = value }
        }
        switch scenario.model {
        case .extraction(let extracted): text["model.cells"] = cells(extracted)
        case .dynamicInoperability(let resilience): text["model.resilience"] = number(resilience)
        case .ario(let settings): text.merge(ARIORunParameters.text(settings, days: scenario.horizon.periods, economy: economy)) { $1 }
        case .dynamic, .leontief, .ghosh, .inoperability: break
        }
        if let investment = scenario.investment {
            text["investment.budget"] = number(investment.budget)
            text["investment.budget_source"] = investment.budgetIsEconomyGFCF ? "the economy's gfcf" : "the scenario file"
            text["investment.growth"] = number(investment.growth)
            text["investment.depreciation"] = number(investment.depreciation)
            text["investment.gestation_lag"] = String(investment.gestationLag)
            text["investment.capital_stocks"] = investment.capitalStocks.rawValue
            text["investment.eta"] = number(investment.eta)
            text["investment.alpha"] = number(investment.alpha)
            text["investment.beta"] = number(investment.beta)
            text["investment.lambda"] = number(investment.lambda)
            text["investment.caps"] = number(investment.capMultiple)
            text["investment.headroom"] = number(investment.headroom)
            text["investment.strategic_weight"] = number(investment.strategicWeight)
            for (index, bound) in investment.regionalBounds.enumerated() {
                text["investment.regional_bounds[\(index)]"] =
                    "\(regions(bound.regions)) in [\(number(bound.minimum)), \(number(bound.maximum))]"
            }
            let marked = scenario.strategicWeights.indices.filter { scenario.strategicWeights[$0] != investment.strategicWeight }
            if !marked.isEmpty {
                text["strategic.cells"] = marked.map { cells([$0]) + "=" + number(scenario.strategicWeights[$0]) }
                    .joined(separator: " ")
            }
            let rules = scenario.criticalInputs
            text["critical_inputs.threshold"] = number(rules.threshold)
            text["critical_inputs.strict_leontief"] = String(rules.strictLeontief)
            text["critical_inputs.domestic_pairs"] = rules.domesticPairs.map { "\(sector($0.input))>\(sector($0.user))" }
                .joined(separator: " ")
            text["critical_inputs.imported_pairs"] = rules.importedPairs.map { "\(product($0.input))>\(sector($0.user))" }
                .joined(separator: " ")
            text["rationing.tolerance"] = number(options.tolerance)
            text["rationing.max_iterations"] = String(options.maxIterations)
            text["rationing.substitution_damping"] = number(options.substitutionDamping)
            text["rationing.substitution_max_iterations"] = String(options.substitutionMaxIterations)
            text["rationing.substitution_cap"] =
                options.substitutionCap == .eachSubstituteCell ? "each substitute cell" : "sector total"
            text["prices.scarcity_elasticity"] = number(scenario.scarcityElasticity)
        }
        for (index, priority) in scenario.priorities.enumerated() {
            text["priorities[\(index)]"] =
                "tilt \(number(priority.tilt)) on \(cells(priority.cells))"
                + (priority.reason.map { " (\($0))" } ?? "")
        }
        if let plan = scenario.plan { text.merge(planText(plan, economy: economy)) { _, new in new } }
        for substitution in scenario.substitutions {
            text["substitution.\(product(substitution.product))"] =
                "sector \(sector(substitution.sector)), theta \(number(substitution.theta)), "
                + "regions \(regions(substitution.regions))"
        }
        for shock in scenario.shocks {
            let key = "shocks.\(shock.id)."
            let (kind, target) = describe(shock.kind, cells: cells, product: product, economy: economy)
            text[key + "kind"] = kind
            text[key + "target"] = target
            text[key + "magnitude"] = number(shock.magnitude)
            text[key + "share"] = number(shock.share)
            text[key + "profile"] = describe(shock.profile)
            text[key + "profile_values"] = shock.profile.values(periods: scenario.horizon.periods).map(number)
                .joined(separator: " ")
        }
        return text
    }

    /// The plan table and the settings that turn it into π (`plan.*`), and how many rows it used.
    private static func planText(_ plan: ResolvedPlan, economy: Economy) -> [String: String] {
        let number = NumberFormatting.shortest
        let settings = plan.settings
        var text: [String: String] = [
            "plan.priorities": plan.table.name,
            "plan.combine": settings.combine.rawValue,
            "plan.national": String(settings.national),
            "plan.regions": plan.regions.count == economy.regionCount
                ? "*" : plan.regions.map { economy.regions[$0].code }.joined(separator: " "),
        ]
        for kind in PlanKind.allCases { text["plan.tilt.\(kind.rawValue)"] = number(settings.kindTilts[kind] ?? 0) }
        for grade in EvidenceGrade.allCases { text["plan.evidence.\(grade.rawValue)"] = number(settings.gradeWeights[grade] ?? 0) }
        text["plan.rows"] = "\(plan.rows.count) rows, \(plan.rows.usedByGrade); \(plan.rowsWithoutSectors.count) name no sector"
        return text
    }

    private static func describe(
        _ kind: Shock.Kind, cells: ([Int]) -> String, product: (Int) -> String, economy: Economy
    ) -> (kind: String, target: String) {
        /// The categories of these columns of Y, in category order.
        func categories(_ columns: [Int]) -> String {
            Set(columns.map { economy.finalDemandColumns[$0].category }).sorted()
                .map { economy.finalDemandCategories[$0].code }.joined(separator: " ")
        }
        switch kind {
        case .capacity(let targets): return ("capacity", cells(targets))
        case .imports(let products): return ("import", products.map(product).joined(separator: " "))
        case .exports(let targets, let columns): return ("export", cells(targets) + " in " + categories(columns))
        case .demand(let targets, let columns): return ("demand", cells(targets) + " in " + categories(columns))
        case .investmentBudget: return ("investment", "the budget")
        case .importPrice(let products, let regions):
            let usedIn = regions.isEmpty ? "" : " used in " + regions.map { economy.regions[$0].code }.joined(separator: " ")
            return ("import_price", products.map(product).joined(separator: " ") + usedIn)
        case .cost(let targets, let components):
            let names = economy.valueAddedComponents.keys.sorted()
            let parts = components.isEmpty ? "" : " (" + components.map { names[$0] }.joined(separator: " ") + ")"
            return ("cost", cells(targets) + parts)
        }
    }

    static func describe(_ profile: ShockProfile) -> String {
        let number = NumberFormatting.shortest
        switch profile {
        case .step(let start, let end): return "step start=\(start) end=\(end.map(String.init) ?? "horizon")"
        case .ramp(let start, let periods, let end):
            return "ramp start=\(start) periods=\(periods)" + (end.map { " end=\($0)" } ?? "")
        case .recovery(let start, let halfLife): return "recovery start=\(start) half_life=\(number(halfLife))"
        case .series: return "series"
        case .event(let occurrence, let duration, let recovery):
            return "event occurrence=\(occurrence) duration=\(duration) recovery=\(recovery.function.rawValue) recovery_tau=\(recovery.tau)"
        }
    }
}
