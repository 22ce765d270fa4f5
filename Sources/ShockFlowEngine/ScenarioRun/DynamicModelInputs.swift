import ShockFlowFormats
import ShockFlowModel

/// A resolved scenario in the dynamic model's terms (MODEL sections 3 and 4): critical-input masks,
/// substitutes, parameters and shocks. Rates stay per year as written; `PlanHorizonModel` turns them
/// into per-period rates with the horizon's period length h.
extension ResolvedScenario {
    /// T periods of h years.
    var planHorizon: PlanHorizon {
        PlanHorizon(periods: horizon.periods, periodLength: horizon.periodYears)
    }

    /// K and Kᵐ (MODEL (17)): inputs above the threshold τ (every input used, under strict Leontief)
    /// plus the sector pairs of `critical_inputs.pairs` expanded to cells.
    func criticalInputs(for structure: ProductionStructure) throws -> CriticalInputs {
        let domestic = try criticalInputs.domesticPairs.flatMap {
            try CriticalInputs.sectorPairs(inputSector: $0.input, userSector: $0.user, structure: structure)
        }
        let imported = try criticalInputs.importedPairs.flatMap {
            try CriticalInputs.importSectorPairs(product: $0.input, userSector: $0.user, structure: structure)
        }
        return try CriticalInputs(
            structure: structure, threshold: criticalInputs.strictLeontief ? 0 : criticalInputs.threshold,
            domesticPairs: domestic, importPairs: imported)
    }

    /// The domestic sectors that replace imported products (MODEL section 3), limited to the listed
    /// regions unless every region may substitute.
    func importSubstitutes(regionCount: Int) -> [ImportSubstitute] {
        substitutions.map { substitution in
            ImportSubstitute(
                product: substitution.product, sector: substitution.sector,
                regions: substitution.regions.count == regionCount ? nil : substitution.regions)
        }
    }

    /// The model's scenario: parameters after defaults and the shocks.
    var modelScenario: Scenario { Scenario(name: name, parameters: scenarioParameters, shocks: shocks) }

    var scenarioParameters: ScenarioParameters {
        var parameters = ScenarioParameters()
        if let investment {
            parameters.headroom = .uniform(investment.headroom)
            parameters.annualDepreciation = investment.depreciation
            parameters.annualGrowth = investment.growth
            parameters.gestationLag = investment.gestationLag
            parameters.annualBudget = investment.budgetIsEconomyGFCF ? nil : investment.budget
            parameters.capitalStocks = investment.capitalStocks == .calibrated ? .calibrated : .depreciationOverRate
            parameters.learningRate = investment.eta
            parameters.shortageWeight = investment.alpha
            parameters.idlenessWeight = investment.beta
            parameters.anchor = investment.lambda
            parameters.weightCaps = .multipleOfBaseWeight(investment.capMultiple)
            parameters.regionalWeightBounds = investment.regionalBounds.map {
                RegionalWeightBound(regions: $0.regions, range: $0.minimum...$0.maximum)
            }
            parameters.strategicWeight = investment.strategicWeight
            var marked: [Int: Double] = [:]
            for (cell, weight) in strategicWeights.enumerated() where weight != investment.strategicWeight {
                marked[cell] = weight
            }
            parameters.strategicCells = marked
        }
        parameters.priorities = planTilt.allSatisfy { $0 == 0 } ? .uniform(0) : .perCell(planTilt)
        parameters.substitutability = Dictionary(
            substitutions.map { ($0.product, $0.theta) }, uniquingKeysWith: { first, _ in first })
        return parameters
    }
}
