import Foundation
import ShockFlowEngine
import ShockFlowFormats
import ShockFlowLinearAlgebra
import ShockFlowModel
import ShockFlowTestSupport
import Testing

/// `shockflow run` in the library: a scenario file on a generated economy (imports by product, GFCF,
/// exports, depreciation) mapped onto the plan-horizon model (MODEL section 4) and written as tidy tables.
@Suite struct ScenarioRunTests {
    /// Every shock kind and profile, substitution limited to two regions, a critical pair, strategic
    /// sectors, plan tilts and investment settings away from their defaults.
    static let shockedScenario = """
        schema_version: 1
        name: generated-chips
        economy: economy
        horizon: {periods: 8, seed: 3}
        investment: {growth: 0.06, depreciation: 0.04, gestation_lag: 2, eta: 2, headroom: 0.05}
        substitution:
          - {product: "20", sector: "20", theta: 0.5, regions: [CN-ZJ, CN-SH]}
        critical_inputs:
          pairs:
            - {input: "20", from: both, for: "16"}
        strategic:
          - {sectors: "20", weight: 1}
        priorities:
          - {regions: CN-BJ, sectors: ["20", "31"], tilt: 0.5}
        shocks:
          - {id: chips, kind: import, products: "20", share: 0.78, magnitude: 0.6, profile: {type: recovery, start: 1, half_life: 3}}
          - {id: fire, kind: capacity, regions: CN-SH, sectors: "20", magnitude: 0.3, profile: {type: step, start: 2, end: 4}}
          - {id: orders, kind: export, regions: CN-ZJ, sectors: "16", magnitude: 0.5, profile: {type: ramp, start: 1, periods: 2}}
          - {id: stimulus, kind: demand, sectors: "31", categories: government, magnitude: 0.1}
          - {id: budget, kind: investment, magnitude: -0.1, profile: {type: series, file: budget.csv}}
        """
    static let budgetSeries = "value\n0\n0\n1\n1\n0.5\n0.5\n0\n0\n"

    /// The same scenario built by hand in the model's own terms, from the economy's arrays: the mapping
    /// (coefficients, per-year rates, masks, substitutes, export and demand columns, profiles) must agree.
    @Test func resultsEqualThePlanHorizonModelBuiltByHand() throws {
        let economy = try ScenarioRunFixture.economy()
        let n = economy.cellCount
        let cell = ScenarioRunFixture.cell
        // MODEL (3), (6) written out: A[i, j] = Z[i, j] / x_j, a_m[p, j] = m[p, j] / x_j, a_v = v / x.
        let x = economy.grossOutput
        var a = Matrix(rows: n, columns: n)
        var am = Matrix(rows: 2, columns: n)
        for j in 0..<n {
            for i in 0..<n { a[i, j] = economy.intermediateFlows[i, j] / x[j] }
            for p in 0..<2 { am[p, j] = economy.intermediateImports[p, j] / x[j] }
        }
        let structure = try ProductionStructure(
            regionCount: 3, sectorCount: 4, technicalCoefficients: a, importCoefficients: am,
            valueAddedCoefficients: (0..<n).map { economy.valueAdded[$0] / x[$0] }, grossOutput: x)
        let masks = try CriticalInputs(
            structure: structure, domesticPairs: CriticalInputs.sectorPairs(inputSector: 2, userSector: 1, structure: structure),
            importPairs: CriticalInputs.importSectorPairs(product: 1, userSector: 1, structure: structure))
        let rationing = try RationingModel(
            structure: structure, criticalInputs: masks, substitutes: [ImportSubstitute(product: 1, sector: 2, regions: [1, 2])])
        // Categories households, government, gfcf, exports: column 4r + c.
        var gfcf = Matrix(rows: n, columns: 3)
        for region in 0..<3 { gfcf.setColumn(region, to: economy.finalDemand.column(4 * region + 2)) }
        let model = try PlanHorizonModel(
            rationing: rationing, finalDemand: economy.finalDemand, capitalFormation: gfcf,
            depreciation: economy.valueAddedComponents["depreciation"], horizon: PlanHorizon(periods: 8, periodLength: 0.25))
        var parameters = ScenarioParameters()
        parameters.annualGrowth = 0.06
        parameters.annualDepreciation = 0.04
        parameters.gestationLag = 2
        parameters.learningRate = 2
        parameters.headroom = .uniform(0.05)
        parameters.strategicCells = [cell(0, 2): 1, cell(1, 2): 1, cell(2, 2): 1]
        var tilt = [Double](repeating: 0, count: n)
        (tilt[cell(0, 2)], tilt[cell(0, 3)]) = (0.5, 0.5)
        parameters.priorities = .perCell(tilt)
        parameters.substitutability = [1: 0.5]
        let scenario = Scenario(
            name: "by hand", parameters: parameters,
            shocks: [
                Shock(
                    id: "chips", kind: .imports(products: [1]), magnitude: 0.6, share: 0.78,
                    profile: .recovery(start: 1, halfLife: 3)),
                Shock(id: "fire", kind: .capacity(cells: [cell(2, 2)]), magnitude: 0.3, profile: .step(start: 2, end: 4)),
                Shock(
                    id: "orders", kind: .exports(cells: [cell(1, 1)], finalDemandColumns: [3, 7, 11]), magnitude: 0.5,
                    profile: .ramp(start: 1, periods: 2)),
                Shock(
                    id: "stimulus", kind: .demand(cells: [cell(0, 3), cell(1, 3), cell(2, 3)], finalDemandColumns: [1, 5, 9]),
                    magnitude: 0.1, profile: .step(start: 0)),
                Shock(id: "budget", kind: .investmentBudget, magnitude: -0.1, profile: .series([0, 0, 1, 1, 0.5, 0.5, 0, 0])),
            ])
        let expected = try model.run([scenario])
        try ScenarioRunFixture.withRun(Self.shockedScenario, economy: economy, files: ["budget.csv": Self.budgetSeries]) {
            folder, _ in
            var read: [String: Double] = [:]
            for row in try ScenarioRunFixture.comparisons(folder + "/cells.csv") {
                read[row.labels.joined(separator: "|") + "|baseline"] = row.baseline
                read[row.labels.joined(separator: "|") + "|scenario"] = row.scenario
            }
            for record in expected.periods {
                let fields: [(String, Matrix)] = [
                    ("output", record.rationing.output), ("rationing", record.rationing.rationing),
                    ("value_added", record.rationing.valueAdded), ("investment_weight", record.investmentWeight),
                    ("investment", record.investment), ("capital", record.capital),
                ]
                for (metric, matrix) in fields {
                    for i in 0..<n {
                        let (region, sector) = economy.cell(i)
                        let key = "\(record.period)|\(economy.regions[region].code)|\(economy.sectors[sector].code)|\(metric)"
                        for (column, side) in [(0, "scenario"), (1, "baseline")] {
                            let value = try #require(read[key + "|" + side], "\(key) missing")
                            #expect(isClose(value, matrix[i, column], relative: 1e-9, absolute: 1e-12), "\(key) \(side)")
                        }
                    }
                }
            }
        }
    }

    /// A scenario without shocks is its own baseline: every difference is 0 and every weight equal.
    @Test func noShocksMeansZeroDifferencesEverywhere() throws {
        let yaml = """
            schema_version: 1
            name: plan-only
            economy: economy
            horizon: {periods: 6}
            priorities: [{regions: coastal, sectors: "20", tilt: 1}]
            """
        try ScenarioRunFixture.withRun(yaml) { folder, outcome in
            for file in ["cells.csv", "regions.csv", "sectors.csv", "products.csv"] {
                let rows = try ScenarioRunFixture.comparisons(folder + "/" + file)
                #expect(!rows.isEmpty)
                for row in rows {
                    #expect(row.difference == 0 && row.baseline == row.scenario, "\(file): \(row.labels)")
                }
            }
            for row in try ScenarioRunFixture.table(folder + "/weights.csv").rows {
                #expect(row[3] == row[4], "weights.csv: \(row)")
            }
            let summary = try ScenarioRunFixture.table(folder + "/summary.csv").rows
            #expect(summary.first { $0[0] == "cumulative_value_added_loss" }?[1] == "0")
            #expect(outcome.result.periodCount == 6)
        }
    }

    /// Shocks of magnitude 0 put the scenario in its own column beside the baseline: the two columns
    /// must agree (to round-off of the lockstep solve).
    @Test func zeroMagnitudeShocksChangeNothing() throws {
        let yaml = """
            schema_version: 1
            name: zero
            economy: economy
            horizon: {periods: 5}
            substitution: [{product: "20", sector: "20", theta: 1}]
            shocks:
              - {id: chips, kind: import, products: "20", magnitude: 0}
              - {id: fire, kind: capacity, sectors: "*", magnitude: 0}
            """
        try ScenarioRunFixture.withRun(yaml) { folder, _ in
            for row in try ScenarioRunFixture.comparisons(folder + "/cells.csv") {
                #expect(abs(row.difference) <= 1e-12 * max(1, abs(row.baseline)), "\(row.labels)")
            }
        }
    }

    /// difference = scenario − baseline and relative = difference / baseline, as read back (numbers are
    /// written in their shortest round-trip form, so the identities hold exactly); relative is empty
    /// exactly where the baseline is 0.
    @Test func differenceAndRelativeAreConsistent() throws {
        try ScenarioRunFixture.withRun(Self.shockedScenario, files: ["budget.csv": Self.budgetSeries]) { folder, _ in
            var shocked = 0
            for file in ["cells.csv", "regions.csv", "sectors.csv", "products.csv"] {
                for row in try ScenarioRunFixture.comparisons(folder + "/" + file) {
                    #expect(row.difference == row.scenario - row.baseline, "\(file): \(row.labels)")
                    if row.baseline == 0 {
                        #expect(row.relative.isEmpty, "\(file): \(row.labels)")
                    } else {
                        #expect(Double(row.relative) == row.difference / row.baseline, "\(file): \(row.labels)")
                    }
                    if row.difference != 0 { shocked += 1 }
                }
            }
            #expect(shocked > 1000)
        }
    }

    /// regions.csv and sectors.csv are the sums of cells.csv over each group's cells; the rationing share
    /// is the order-weighted mean Σ ρ·d / Σ d (= Σ x / Σ d, MODEL (15)).
    @Test func regionsAndSectorsAggregateTheCells() throws {
        try ScenarioRunFixture.withRun(Self.shockedScenario, files: ["budget.csv": Self.budgetSeries]) { folder, _ in
            let cells = try ScenarioRunFixture.comparisons(folder + "/cells.csv")
            var value: [String: (baseline: Double, scenario: Double)] = [:]
            for row in cells { value[row.labels.joined(separator: "|")] = (row.baseline, row.scenario) }
            for (file, position) in [("regions.csv", 1), ("sectors.csv", 2)] {
                let groups = try ScenarioRunFixture.comparisons(folder + "/" + file)
                #expect(groups.count == 8 * (position == 1 ? 3 : 4) * 10)
                for group in groups {
                    let (period, name, metric) = (group.labels[0], group.labels[1], group.labels[2])
                    let members = cells.filter { $0.labels[0] == period && $0.labels[position] == name && $0.labels[3] == metric }
                    #expect(members.count == (position == 1 ? 4 : 3))
                    for scenarioSide in [false, true] {
                        func pick(_ baseline: Double, _ scenario: Double) -> Double { scenarioSide ? scenario : baseline }
                        let expected: Double
                        if metric == "rationing" {
                            let orders = members.map { member -> Double in
                                let key = [member.labels[0], member.labels[1], member.labels[2], "ordered"].joined(separator: "|")
                                return value[key].map { pick($0.baseline, $0.scenario) } ?? .nan
                            }
                            let shares = members.map { pick($0.baseline, $0.scenario) }
                            expected = zip(shares, orders).reduce(0.0) { $0 + $1.0 * $1.1 } / orders.reduce(0, +)
                        } else {
                            expected = members.reduce(0.0) { $0 + pick($1.baseline, $1.scenario) }
                        }
                        #expect(
                            isClose(pick(group.baseline, group.scenario), expected, relative: 1e-12), "\(file) \(group.labels)")
                    }
                }
            }
        }
    }

    /// The summary's cumulative loss is minus the sum of the value-added differences of cells.csv over
    /// every period and cell, and its percentage is of the summed baseline.
    @Test func cumulativeLossIsTheSumOfTheValueAddedDifferences() throws {
        try ScenarioRunFixture.withRun(Self.shockedScenario, files: ["budget.csv": Self.budgetSeries]) { folder, _ in
            let valueAdded = try ScenarioRunFixture.comparisons(folder + "/cells.csv").filter { $0.labels[3] == "value_added" }
            let difference = valueAdded.reduce(0.0) { $0 + $1.difference }
            let baseline = valueAdded.reduce(0.0) { $0 + $1.baseline }
            let summary = Dictionary(
                try ScenarioRunFixture.table(folder + "/summary.csv").rows.map { ($0[0], $0) },
                uniquingKeysWith: { first, _ in first })
            let loss = try #require(summary["cumulative_value_added_loss"].flatMap { Double($0[1]) })
            #expect(isClose(loss, -difference, relative: 1e-12))
            #expect(loss > 0)
            let percent = try #require(summary["cumulative_value_added_loss_percent"].flatMap { Double($0[1]) })
            #expect(isClose(percent, 100 * loss / baseline, relative: 1e-12))
            // The peak is the period with the largest loss in % of that period's baseline.
            let periods = Dictionary(grouping: valueAdded, by: { $0.labels[0] })
                .mapValues { rows in -100 * rows.reduce(0.0) { $0 + $1.difference } / rows.reduce(0.0) { $0 + $1.baseline } }
            let peak = try #require(periods.max { $0.value < $1.value })
            #expect(summary["peak_value_added_loss_period"]?[1] == peak.key)
            #expect(isClose(Double(summary["peak_value_added_loss_percent"]?[1] ?? "") ?? .nan, peak.value, relative: 1e-12))
            #expect(summary["note"]?[3].contains("costless") == true)
        }
    }

    /// The manifest names the scenario and the series CSV among the hashed inputs, records the seed,
    /// every parameter after defaults and the iteration counts per period.
    @Test func manifestRecordsInputsParametersAndIterations() throws {
        try ScenarioRunFixture.withRun(Self.shockedScenario, files: ["budget.csv": Self.budgetSeries]) { folder, _ in
            let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json"))
            let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(manifest["command"] as? String == "run")
            #expect(manifest["seed"] as? Int == 3)
            let inputs = try #require(manifest["inputs"] as? [[String: String]])
            let budget = try #require(inputs.first { $0["path"]?.hasSuffix("/budget.csv") == true })
            #expect(budget["sha256"] == SHA256.hex(of: Data(Self.budgetSeries.utf8)))
            #expect(inputs.contains { $0["path"]?.hasSuffix("/scenario.yaml") == true })
            #expect(inputs.contains { $0["path"]?.hasSuffix("/economy/Z.csv") == true })
            let parameters = try #require(manifest["parameters"] as? [String: String])
            #expect(parameters["investment.growth"] == "0.06")
            #expect(parameters["investment.lambda"] == "0.1")
            #expect(parameters["critical_inputs.threshold"] == "0.05")
            #expect(parameters["shocks.chips.profile"] == "recovery start=1 half_life=3")
            #expect(parameters["shocks.budget.profile_values"] == "0 0 1 1 0.5 0.5 0 0")
            #expect(parameters["shocks.orders.target"] == "CN-ZJ/16 in exports")
            let iterations = try #require(manifest["iterations"] as? [String: [Int]])
            #expect(iterations["scenario_rationing"]?.count == 8)
            #expect(iterations["baseline_substitution"]?.count == 8)
            #expect((iterations["scenario_substitution"] ?? []).contains { $0 > 0 })
        }
    }

    /// Without a `gfcf` category the dynamic model has no capital-goods basket: a clear error, nothing written.
    @Test func economyWithoutCapitalFormationIsRefused() throws {
        let yaml = "schema_version: 1\nname: no-gfcf\neconomy: economy\ninvestment: {budget: 100}\n"
        try withTemporaryDirectory { directory in
            let scenario = try ScenarioRunFixture.write(
                yaml, economy: ScenarioRunFixture.economy(withCapitalFormation: false), in: directory)
            #expect(throws: ScenarioRunError.noCapitalFormation(economy: "generated")) {
                try ScenarioRunner.run(scenarioFile: scenario, outputFolder: directory + "/results")
            }
            #expect(!FileManager.default.fileExists(atPath: directory + "/results"))
        }
    }
}
