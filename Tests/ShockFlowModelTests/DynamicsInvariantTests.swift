import Foundation
import ShockFlowLinearAlgebra
import ShockFlowTestSupport
import Testing
@testable import ShockFlowModel

/// MODEL section 4 invariants of the plan-horizon loop on seeded random economies.
@Suite struct DynamicsInvariantTests {
    static func economy(_ seed: UInt64 = 11) throws -> RandomEconomy {
        try RandomEconomy(regions: 3, sectors: 4, products: 2, seed: seed)
    }

    /// Every per-cell metric of a record, by name.
    static func cellMetrics(_ record: PeriodRecord) -> [(String, Matrix)] {
        [
            ("output", record.rationing.output), ("capacity", record.rationing.capacity),
            ("ordered", record.rationing.ordered), ("value added", record.rationing.valueAdded),
            ("delivered final", record.rationing.deliveredFinal), ("investment", record.investment),
            ("capital", record.capital), ("import use", record.rationing.importUse),
            ("import orders", record.rationing.importOrders),
        ]
    }

    /// With no shocks and π = 0 every recorded quantity is (1+g)^t times its base value, rationing
    /// stays 1 and W stays W(0) ∝ K; period 0 reproduces the table's per-period flows h·x.
    @Test(arguments: [(0.05, 0.05, 4), (0.03, 0.1, 1), (0.08, 0.0, 2)])
    func balancedPathWithoutShocks(growth: Double, depreciation: Double, lag: Int) throws {
        let economy = try Self.economy()
        let model = try economy.planHorizonModel()
        var parameters = ScenarioParameters()
        (parameters.annualGrowth, parameters.annualDepreciation, parameters.gestationLag) = (growth, depreciation, lag)
        let result = try model.run([Scenario(name: "balanced", parameters: parameters)])
        #expect(result.batch.columnCount == 1 && result.batch.baselineColumns == [0])
        let g = pow(1 + growth, 0.25) - 1
        let first = result.periods[0]
        expectClose(first.rationing.output.elements, economy.structure.grossOutput.map { 0.25 * $0 }, relative: 1e-12, "x(0)")
        let capital = first.capital.elements, total = capital.reduce(0, +)
        expectClose(first.investmentWeight.elements, capital.map { $0 / total }, relative: 1e-12, "W(0) ∝ K")
        for record in result.periods {
            let factor = pow(1 + g, Double(record.period))
            for ((name, value), (_, base)) in zip(Self.cellMetrics(record), Self.cellMetrics(first)) {
                var grown = base
                grown.elements = base.elements.map { $0 * factor }
                expectClose(value, grown, relative: 1e-9, "\(name), period \(record.period)")
            }
            expectClose(record.investmentWeight, first.investmentWeight, relative: 1e-9, "W, period \(record.period)")
            #expect(record.rationing.rationing.elements.allSatisfy { abs($0 - 1) < 1e-12 })
            #expect(record.rationing.unmetFinal.elements.allSatisfy { abs($0) < 1e-9 })
        }
    }

    /// The capital calibration: Σ K = B(0)/((δ+g)(1+g)^(G−1)) with B(0) = h·Σ GFCF, shared by
    /// depreciation D; a cell without D takes its sector's national D/x ratio.
    @Test func capitalCalibration() throws {
        let economy = try Self.economy()
        var depreciation = economy.depreciation
        depreciation[5] = 0
        let model = try PlanHorizonModel(
            rationing: economy.rationingModel(), finalDemand: economy.finalDemand,
            capitalFormation: economy.capitalFormation, depreciation: depreciation, horizon: PlanHorizon(periods: 1))
        let capital = try model.run([Scenario(name: "calibration")]).periods[0].capital.elements
        let (h, delta, g, lag) = (0.25, 1 - pow(0.95, 0.25), pow(1.05, 0.25) - 1, 4.0)
        let budget = h * economy.capitalFormation.elements.reduce(0, +)
        #expect(abs(capital.reduce(0, +) - budget / ((delta + g) * pow(1 + g, lag - 1))) < 1e-9 * budget)
        let x = economy.structure.grossOutput
        // Cell 5 is sector 1 of region 1; its sector's other cells are 1 and 9.
        let ratio = (depreciation[1] + depreciation[9]) / (x[1] + x[9])
        expectClose([capital[5] / capital[0]], [ratio * x[5] / depreciation[0]], relative: 1e-12, "K₅ / K₀")
        expectClose([capital[9] / capital[0]], [depreciation[9] / depreciation[0]], relative: 1e-12, "K₉ / K₀")
    }

    static func shockedScenarios(_ economy: RandomEconomy) -> [Scenario] {
        var tilted = ScenarioParameters()
        tilted.learningRate = 5
        tilted.anchor = 0.05
        tilted.priorities = .perCell((0..<economy.n).map { $0 % 4 == 1 ? 0.8 : 0 })
        tilted.strategicCells = [1: 1, 5: 1, 9: 0.6]
        tilted.substitutability = [0: 0.5]
        var bounded = tilted
        bounded.regionalWeightBounds = [
            RegionalWeightBound(regions: [0], range: 0.2...0.3), RegionalWeightBound(regions: [1, 2], range: 0.72...0.8),
        ]
        let shocks = [
            Shock(id: "cut", kind: .capacity(cells: [1, 6, 10]), magnitude: 0.5, profile: .step(start: 1, end: 4)),
            Shock(id: "chips", kind: .imports(products: [0]), magnitude: 0.6, share: 0.78, profile: .recovery(start: 2, halfLife: 3)),
            Shock(id: "exports", kind: .exports(cells: [0, 2, 3], finalDemandColumns: economy.exportColumns), magnitude: 0.4, profile: .ramp(start: 0, periods: 3)),
            Shock(id: "budget", kind: .investmentBudget, magnitude: -0.2, profile: .step(start: 3, end: 6)),
        ]
        return [
            Scenario(name: "shocked", shocks: shocks),
            Scenario(name: "tilted and shocked", parameters: tilted, shocks: shocks),
            Scenario(name: "bounded", parameters: bounded, shocks: shocks),
        ]
    }

    /// Weights stay on the simplex, inside their caps (5·W(0)) and regional bounds; output never
    /// exceeds capacity; x = ρ ∘ d; delivered ≤ ordered; investment never negative.
    @Test func invariantsOfAShockedRun() throws {
        let economy = try Self.economy()
        let model = try economy.planHorizonModel(substitutes: [ImportSubstitute(product: 0, sector: 1)])
        let result = try model.run(Self.shockedScenarios(economy))
        let n = economy.n
        let start = result.periods[0].investmentWeight
        for record in result.periods {
            let (r, weights) = (record.rationing, record.investmentWeight)
            for column in 0..<result.batch.columnCount {
                let w = weights.column(column)
                #expect(abs(w.reduce(0, +) - 1) < 1e-12)
                #expect(w.allSatisfy { $0 >= 0 })
                if result.batch.columns[column].parameters.regionalWeightBounds.isEmpty {
                    #expect((0..<n).allSatisfy { w[$0] <= 5 * start[$0, column] * (1 + 1e-12) })
                }
                for bound in result.batch.columns[column].parameters.regionalWeightBounds {
                    let share = bound.regions.reduce(0.0) { total, region in total + w[(region * 4)..<((region + 1) * 4)].reduce(0, +) }
                    #expect(share >= bound.range.lowerBound - 1e-12 && share <= bound.range.upperBound + 1e-12)
                }
            }
            for index in r.output.elements.indices {
                #expect(r.output.elements[index] <= r.capacity.elements[index] * (1 + 1e-14))
                #expect(abs(r.output.elements[index] - r.rationing.elements[index] * r.ordered.elements[index]) <= 1e-12 * abs(r.ordered.elements[index]))
                #expect(r.rationing.elements[index] >= 0 && r.rationing.elements[index] <= 1)
            }
            #expect(record.investment.elements.allSatisfy { $0 >= 0 })
        }
        // The shocks bite: some rationing and some weight movement.
        #expect(result.periods.contains { $0.rationing.rationing.elements.contains { $0 < 0.99 } })
        #expect(result.periods.last!.investmentWeight != start)
    }

    /// A small demand shock in a period with slack capacity moves output by L·Δy (MODEL (7)): the
    /// shock starts in period 3, so investment and capacity up to period 3 equal the baseline's.
    @Test func demandShockWithSlackCapacityMatchesLeontief() throws {
        let economy = try Self.economy()
        let model = try economy.planHorizonModel()
        var parameters = ScenarioParameters()
        parameters.headroom = .uniform(0.5)
        let cells = [0, 5, 7]
        let shock = Shock(id: "boom", kind: .demand(cells: cells, finalDemandColumns: []), magnitude: 0.02, profile: .step(start: 3))
        let result = try model.run([Scenario(name: "boom", parameters: parameters, shocks: [shock])])
        let record = result.periods[3]
        let (scenario, baseline) = (result.batch.scenarioColumns[0], result.batch.baselineColumns[0])
        let growth = pow(pow(1.05, 0.25), 3.0)
        let finalDemand = try economy.finalDemand.rowSums()
        var change = [Double](repeating: 0, count: economy.n)
        for cell in cells { change[cell] = growth * 0.25 * finalDemand[cell] * 0.02 }
        let leontief = try LUFactorization(economy.structure.technicalCoefficients.identityMinus()).inverse()
        let expected = try leontief.multiply(change)
        let actual = (0..<economy.n).map { record.rationing.output[$0, scenario] - record.rationing.output[$0, baseline] }
        expectClose(actual, expected, relative: 1e-9, "Δx = L·Δy")
        #expect(record.rationing.rationing.elements.allSatisfy { $0 == 1 })
        // Before the shock the two runs are identical.
        #expect(result.periods[2].rationing.output.column(scenario) == result.periods[2].rationing.output.column(baseline))
    }

    /// Running scenarios together equals running each alone; parameters equal apart from θ share a
    /// baseline, and a scenario without shocks is its own baseline.
    @Test func lockstepEqualsOneByOneAndBaselinesArePaired() throws {
        let economy = try Self.economy()
        let model = try economy.planHorizonModel(substitutes: [ImportSubstitute(product: 0, sector: 1)])
        var scenarios = Self.shockedScenarios(economy)
        scenarios.append(Scenario(name: "plan only", parameters: scenarios[1].parameters))
        var otherTheta = scenarios[1]
        otherTheta.name = "tilted, θ = 0.9"
        otherTheta.parameters.substitutability = [0: 0.9]
        scenarios.append(otherTheta)
        let together = try model.run(scenarios)
        #expect(together.batch.scenarioColumns == [0, 1, 2, 3, 4])
        #expect(together.batch.baselineColumns == [5, 3, 6, 3, 3])
        #expect(together.batch.columnCount == 7)
        // θ acts only on import shortfalls (MODEL (13), (21)): without shocks it changes nothing, so the
        // shared baseline (θ = 0.5) is the run without shocks at θ = 0.9.
        var planOnlyOtherTheta = otherTheta
        planOnlyOtherTheta.shocks = []
        let alone = try model.run([planOnlyOtherTheta])
        for (record, single) in zip(together.periods, alone.periods) {
            for ((name, batch), (_, one)) in zip(Self.cellMetrics(record), Self.cellMetrics(single)) {
                expectClose(one.column(0), batch.column(3), relative: 1e-11, "baseline at θ = 0.9, \(name)")
            }
        }
        for (index, scenario) in scenarios.enumerated() {
            let alone = try model.run([scenario])
            for (record, single) in zip(together.periods, alone.periods) {
                for ((name, batch), (_, one)) in zip(Self.cellMetrics(record), Self.cellMetrics(single)) {
                    expectClose(one.column(0), batch.column(together.batch.scenarioColumns[index]), relative: 1e-11, "\(scenario.name) \(name)")
                    expectClose(one.column(alone.batch.baselineColumns[0]), batch.column(together.batch.baselineColumns[index]), relative: 1e-11, "\(scenario.name) baseline \(name)")
                }
            }
        }
    }

    /// A budget cut to zero removes all investment (replacement is scaled down, never negative),
    /// and capital then only depreciates once the gestation lag has passed.
    @Test func budgetCutToZero() throws {
        let economy = try Self.economy()
        let model = try economy.planHorizonModel()
        var parameters = ScenarioParameters()
        parameters.gestationLag = 1
        let shock = Shock(id: "freeze", kind: .investmentBudget, magnitude: -1, profile: .step(start: 2, end: 2))
        let result = try model.run([Scenario(name: "freeze", parameters: parameters, shocks: [shock])])
        let column = result.batch.scenarioColumns[0]
        #expect(result.periods[2].investment.column(column).allSatisfy { $0 == 0 })
        let delta = 1 - pow(0.95, 0.25)
        let (before, after) = (result.periods[2].capital.column(column), result.periods[3].capital.column(column))
        expectClose(after, before.map { $0 * (1 - delta) }, relative: 1e-12, "K·k(3) = (1 − δ)·K·k(2)")
    }

    /// A period that does not converge is an error naming the scenario and the period.
    @Test func nonConvergenceNamesScenarioAndPeriod() throws {
        let economy = try Self.economy()
        let model = try PlanHorizonModel(
            rationing: economy.rationingModel(options: RationingOptions(maxIterations: 1)), finalDemand: economy.finalDemand,
            capitalFormation: economy.capitalFormation, depreciation: economy.depreciation, horizon: PlanHorizon(periods: 4))
        let shock = Shock(id: "cut", kind: .capacity(cells: [0, 1, 2, 3]), magnitude: 0.8, profile: .step(start: 2))
        do {
            _ = try model.run([Scenario(name: "too strict", shocks: [shock])])
            Issue.record("expected a convergence error")
        } catch let RationingError.notConverged(stage, column, scenario, period, iterations, _) {
            #expect(stage == "rationing fixed point" && column == 0 && scenario == "too strict" && period == 2 && iterations == 1)
            let message = RationingError.notConverged(
                stage: stage, column: column, scenario: scenario, period: period, iterations: iterations, change: 1
            ).description
            #expect(message.contains("\"too strict\"") && message.contains("period 2"))
        }
    }

    /// The shock profiles of MODEL section 4.
    @Test func shockProfiles() {
        let periods = 0..<8
        #expect(periods.map { ShockProfile.step(start: 2, end: 4).value(at: $0) } == [0, 0, 1, 1, 1, 0, 0, 0])
        #expect(periods.map { ShockProfile.ramp(start: 1, periods: 4).value(at: $0) } == [0, 0.25, 0.5, 0.75, 1, 1, 1, 1])
        let recovery = periods.map { ShockProfile.recovery(start: 2, halfLife: 2).value(at: $0) }
        expectClose(recovery, [0, 0, 1, pow(0.5, 0.5), 0.5, pow(0.5, 1.5), 0.25, pow(0.5, 2.5)], relative: 1e-15, "recovery")
        #expect(periods.map { ShockProfile.series([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]).value(at: $0) } == [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7])
    }
}
