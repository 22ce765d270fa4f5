import Foundation
import ShockFlowFormats
import ShockFlowModel
import Testing

/// Good scenario files: defaults from MODEL.md section 4 and issue 4, every field resolved to indices.
@Suite struct ScenarioReadingTests {
    typealias Support = ScenarioTestSupport

    /// Only the two required fields: everything else takes the documented defaults
    /// (20 quarters; g = δ = 5 %/yr; G = 4; η = 1, α = 1, β = 0.5, λ = 0.1, caps 5, ε = 0.1, strategic 0.2; τ = 0.05).
    @Test func minimalScenarioTakesTheDocumentedDefaults() throws {
        let scenario = try #require(Support.resolve(fixture: "good/minimal.yaml"))
        #expect(scenario.name == "minimal")
        #expect(scenario.economy == "china-2017")
        #expect(scenario.horizon == ScenarioHorizon(periods: 20, periodYears: 0.25, seed: 0))
        #expect(scenario.model == .dynamic)
        let investment = try #require(scenario.investment)
        #expect(investment.budget == 90)  // 12 cells × 3 regions × 2.5, the test economy's GFCF
        #expect(investment.budgetIsEconomyGFCF)
        #expect(investment.growth == 0.05 && investment.depreciation == 0.05 && investment.gestationLag == 4)
        #expect(investment.capitalStocks == .calibrated)
        #expect(investment.eta == 1 && investment.alpha == 1 && investment.beta == 0.5 && investment.lambda == 0.1)
        #expect(investment.capMultiple == 5 && investment.headroom == 0.1 && investment.strategicWeight == 0.2)
        #expect(investment.regionalBounds.isEmpty)
        #expect(scenario.planTilt == [Double](repeating: 0, count: 12))
        #expect(scenario.strategicWeights == [Double](repeating: 0.2, count: 12))
        #expect(scenario.criticalInputs == CriticalInputRules(threshold: 0.05, strictLeontief: false, domesticPairs: [], importedPairs: []))
        #expect(scenario.substitutions.isEmpty && scenario.shocks.isEmpty && scenario.priorities.isEmpty)
    }

    @Test func everyFieldIsResolvedToIndices() throws {
        let scenario = try #require(Support.resolve(fixture: "good/every-field.yaml"))
        let cell = Support.cell
        #expect(scenario.horizon == ScenarioHorizon(periods: 8, periodYears: 1, seed: 42))
        let investment = try #require(scenario.investment)
        #expect(investment.budget == 1000 && !investment.budgetIsEconomyGFCF)
        #expect(investment.capitalStocks == .depreciation && investment.lambda == 0.01 && investment.capMultiple == 3)
        #expect(investment.regionalBounds == [RegionalBound(regions: [0], minimum: 0.1, maximum: 0.5)])
        // Zhejiang (region 1): machinery (sector 1) +0.5, software (sector 3) +0.5 +0.25.
        var tilt = [Double](repeating: 0, count: 12)
        tilt[cell(1, 1)] = 0.5
        tilt[cell(1, 3)] = 0.75
        #expect(scenario.planTilt == tilt)
        // Shanghai's tech sectors 0.9; product 20's substitute (sector 20) in every region 1; others 0.3.
        var strategic = [Double](repeating: 0.3, count: 12)
        for region in 0..<3 { strategic[cell(region, 2)] = 1 }
        strategic[cell(2, 3)] = 0.9
        #expect(scenario.strategicWeights == strategic)
        #expect(scenario.criticalInputs.threshold == 0.1)
        #expect(scenario.criticalInputs.domesticPairs == [SectorPair(input: 2, user: 1)])
        #expect(
            scenario.criticalInputs.importedPairs
                == [0, 1, 2, 3].map { SectorPair(input: 0, user: $0) } + [SectorPair(input: 1, user: 1)])
        #expect(scenario.substitutions == [ImportSubstitution(product: 1, sector: 2, theta: 0.5, regions: [0, 2])])
        #expect(scenario.shocks.map(\.id) == ["chips", "capacity-cut", "exports", "demand", "budget"])
        #expect(scenario.shocks[0].kind == .imports(products: [1]))
        #expect(scenario.shocks[0].share == 0.78 && scenario.shocks[0].magnitude == 0.6)
        #expect(scenario.shocks[1].kind == .capacity(cells: [cell(1, 2), cell(2, 2)]))
        #expect(scenario.shocks[1].profile.values(periods: 8) == [0, 0, 1, 1, 0, 0, 0, 0])
        #expect(scenario.shocks[2].kind == .exports(cells: [cell(0, 0), cell(1, 0), cell(2, 0)], finalDemandColumns: [3, 7, 11]))
        #expect(scenario.shocks[3].kind == .demand(cells: [0, 1, 2, 3], finalDemandColumns: [0, 1, 4, 5, 8, 9]))
        #expect(scenario.shocks[3].profile.values(periods: 8) == [Double](repeating: 1, count: 8))
        #expect(scenario.shocks[4].kind == .investmentBudget)
        #expect(scenario.shocks[4].fullStrength * scenario.shocks[4].profile.value(at: 4) == -0.1)
    }

    /// A static model takes its name alone; the extraction model resolves its cells.
    @Test func staticModels() throws {
        let leontief = try #require(Support.resolve(fixture: "good/leontief.yaml"))
        #expect(leontief.model == .leontief && leontief.investment == nil)
        let extraction = try #require(Support.resolve(fixture: "good/extraction.yaml"))
        #expect(extraction.model == .extraction(cells: [Support.cell(1, 2), Support.cell(1, 3)]))
        let diim = try #require(Support.resolve(fixture: "good/diim.yaml"))
        #expect(diim.model == .dynamicInoperability(resilience: 0.3))
    }

    /// Profiles by their definitions in MODEL section 4: ramp 1/n, 2/n, … 1; recovery halves every half-life.
    @Test func profileValues() {
        #expect(ShockProfile.step(start: 1, end: 2).values(periods: 4) == [0, 1, 1, 0])
        #expect(ShockProfile.step(start: 2, end: nil).values(periods: 4) == [0, 0, 1, 1])
        #expect(ShockProfile.ramp(start: 1, periods: 4).values(periods: 6) == [0, 0.25, 0.5, 0.75, 1, 1])
        #expect(ShockProfile.ramp(start: 1, periods: 2, end: 3).values(periods: 6) == [0, 0.5, 1, 1, 0, 0])
        #expect(ShockProfile.recovery(start: 1, halfLife: 2).values(periods: 6) == [0, 1, 0.5.squareRoot(), 0.5, 0.5 * 0.5.squareRoot(), 0.25])
        #expect(ShockProfile.series([0.1, 0.2]).values(periods: 2) == [0.1, 0.2])
    }

    /// A series read from a CSV next to the scenario file (relative path).
    @Test func seriesFromFile() throws {
        let scenario = try #require(Support.resolve(fixture: "good/series-from-file.yaml"))
        #expect(scenario.shocks[0].profile.values(periods: 4) == [0, 0.5, 1, 0.25])
    }

    @Test func everyGoodFixtureIsValid() throws {
        let folder = Support.fixtures.appendingPathComponent("good")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(!files.isEmpty)
        for file in files {
            #expect(Support.problems(ofFixture: "good/\(file)").isEmpty, "\(file)")
        }
    }
}
