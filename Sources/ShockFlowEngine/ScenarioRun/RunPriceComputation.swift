import ShockFlowFormats
import ShockFlowLinearAlgebra
import ShockFlowModel

/// Computes a run's prices with the cost-push price model (docs/prices.md): the scenario's and the
/// baseline's drivers solved once, then each period scales the responses by that period's shock
/// factors (and, in the dynamic model, by its substitution shares θ̂: the period's A′). Quantities
/// are not affected.
package enum RunPriceComputation {
    /// The economy's price structure (docs/prices.md, (P1)).
    static func structure(of economy: Economy, importCoefficients: Matrix, valueAddedCoefficients: [Double]) throws
        -> PriceStructure
    {
        try PriceStructure(
            regionCount: economy.regionCount, sectorCount: economy.sectorCount, importCoefficients: importCoefficients,
            valueAddedCoefficients: valueAddedCoefficients, valueAddedComponents: economy.valueAddedComponents,
            grossOutput: economy.grossOutput)
    }

    /// The dynamic model: each period at its shock factors and its θ̂ (the scenario's `substitution_share`).
    package static func dynamic(_ result: ScenarioRunResult, rationing: RationingModel) throws -> RunPrices {
        let economy = result.economy
        let structure = try structure(
            of: economy, importCoefficients: rationing.structure.importCoefficients,
            valueAddedCoefficients: rationing.structure.valueAddedCoefficients)
        let model = try CostPushPriceModel(structure: structure, rationing: rationing)
        let shares = result.productMetrics.first { $0.name == "substitution_share" }
        let horizon = result.scenario.planHorizon
        let markups = try scarcityMarkups(result, model: model)
        return try prices(
            result, model: model, horizon: horizon, periods: horizon.periods,
            factors: { schedule, period in schedule.factors(at: period) },
            substitutionShares: { period, isScenario in shares.map { isScenario ? $0.scenario[period] : $0.baseline[period] } },
            markupResponse: { period, isScenario in markups.map { $0.column(isScenario ? period : horizon.periods + period) } })
    }

    /// (P7): (I − Aᵀ)⁻¹·μ of the scarcity mark-ups for every period of the scenario, then of the baseline,
    /// in one solve; nil when the scenario has none (ε = 0).
    private static func scarcityMarkups(_ result: ScenarioRunResult, model: CostPushPriceModel) throws -> Matrix? {
        let elasticity = result.scenario.scarcityElasticity
        guard elasticity != 0, let rationing = result.cellMetrics.first(where: { $0.name == "rationing" }) else { return nil }
        return try model.markupResponses(
            ScarcityMarkup.markups(rationing: rationing.scenario + rationing.baseline, elasticity: elasticity))
    }

    /// The static models at full strength (one period); the dynamic inoperability model period by period.
    static func inputOutput(_ result: ScenarioRunResult, analysis: InputOutputAnalysis) throws -> RunPrices {
        let structure = try structure(
            of: analysis.economy, importCoefficients: analysis.importCoefficients,
            valueAddedCoefficients: analysis.valueAddedCoefficients)
        let model = CostPushPriceModel(structure: structure, analysis: analysis)
        let periodic = result.scenario.model.isPeriodic
        let horizon = PlanHorizon(periods: result.scenario.horizon.periods, periodLength: 1)
        return try prices(
            result, model: model, horizon: horizon, periods: periodic ? horizon.periods : 1,
            factors: { schedule, period in periodic ? schedule.factors(at: period) : schedule.fullStrengthFactors },
            substitutionShares: { _, _ in nil }, markupResponse: { _, _ in nil })
    }

    private static func prices(
        _ result: ScenarioRunResult, model: CostPushPriceModel, horizon: PlanHorizon, periods: Int,
        factors: (ShockSchedule, Int) -> [Double], substitutionShares: (Int, Bool) -> [Double]?,
        markupResponse: (Int, Bool) -> [Double]?
    ) throws -> RunPrices {
        let economy = result.economy
        let scenario = result.scenario
        let schedules = try [scenario.shocks, []].map { shocks in
            try ShockSchedule(
                shocks, scenario: scenario.name, cellCount: economy.cellCount, productCount: economy.importProducts.count,
                finalDemand: economy.finalDemand, horizon: horizon)
        }
        let drivers = try schedules.map { try $0.priceDrivers(model.structure, substituted: model.substitutedProducts) }
        let responses = try model.responses(drivers)
        let indices = try priceIndices(economy)
        var cells = RunMetric(name: "price", baseline: [], scenario: [])
        var indexMetrics = indices.map { RunMetric(name: $0.name, baseline: [], scenario: []) }
        for period in 0..<periods {
            for (run, isScenario) in [(0, true), (1, false)] {
                let periodFactors = factors(schedules[run], period)
                let change = try model.priceChange(
                    responses: responses[run], drivers: drivers[run], factors: periodFactors,
                    substitutionShares: substitutionShares(period, isScenario), markupResponse: markupResponse(period, isScenario))
                let importChange = ShockSchedule.importPriceChange(
                    drivers: drivers[run], factors: periodFactors, productCount: economy.importProducts.count,
                    regionCount: economy.regionCount)
                let levels = change.map { 1 + $0 }
                var indexLevels: [[Double]] = []
                for index in indices {
                    let (regions, nation) = try index.change(prices: change, importPrices: importChange)
                    indexLevels.append((regions + (economy.regionCount > 1 ? [nation] : [])).map { 1 + $0 })
                }
                if isScenario {
                    cells.scenario.append(levels)
                    for index in indexMetrics.indices { indexMetrics[index].scenario.append(indexLevels[index]) }
                } else {
                    cells.baseline.append(levels)
                    for index in indexMetrics.indices { indexMetrics[index].baseline.append(indexLevels[index]) }
                }
            }
        }
        return RunPrices(cells: cells, indices: indexMetrics)
    }

    /// The CPI (households' basket) and the GFCF deflator where the economy has those categories, and the PPI.
    static func priceIndices(_ economy: Economy) throws -> [PriceIndex] {
        try indexBaskets(economy).map { basket in
            try basket.category.map { try PriceIndex.finalUse(name: basket.name, economy: economy, category: $0) }
                ?? PriceIndex.producer(economy: economy)
        }
    }

    /// Each price index's name and final-demand category (nil: the PPI's output weights), in the order of
    /// `price_indices.csv`.
    static func indexBaskets(_ economy: Economy) -> [(name: String, category: Int?)] {
        var baskets: [(name: String, category: Int?)] = []
        if let households = FinalDemandRole.households.category(in: economy) { baskets.append(("cpi", households)) }
        baskets.append(("ppi", nil))
        if let gfcf = FinalDemandRole.gfcf.category(in: economy) { baskets.append(("gfcf_deflator", gfcf)) }
        return baskets
    }
}

extension ScenarioModel {
    /// The models whose shocks follow their profiles period by period (the others act at full strength).
    var isPeriodic: Bool {
        switch self {
        case .dynamic, .dynamicInoperability: true
        default: false
        }
    }
}
