import Foundation
import ShockFlowEngine
import ShockFlowFormats
import ShockFlowLinearAlgebra
import ShockFlowModel
import ShockFlowTestSupport
import Testing

/// `shockflow run` on an ario scenario (docs/results-format.md, "ARIO runs"): the files, windows of
/// `results.every` days against the daily national totals, the model's own days, and a run without
/// shocks equal to its baseline.
@Suite struct ARIOScenarioRunTests {
    static let scenario = """
        schema_version: 1
        name: ario-run
        economy: economy
        model: {type: ario, inventory_days: 20}
        horizon: {periods: 40, period: day}
        results: {every: 7}
        shocks:
          - {id: plant, kind: capacity, regions: Zhejiang, sectors: "20", magnitude: 0.4,
             profile: {type: event, occurrence: 3, duration: 10, recovery: linear, recovery_tau: 10}}
          - {id: chips, kind: import, products: "20", magnitude: 0.8, profile: {type: step, start: 5, end: 25}}
          - {id: exports, kind: export, regions: Shanghai, sectors: "16", magnitude: 0.5, profile: {type: step, start: 2}}
        """

    /// Each window's row is the sum of the window's days (flows) or the last day (stocks), as the
    /// national daily totals of national.csv give them: 40 days in windows of 7 are 5 of 7 days and one of 5.
    @Test func windowsSumTheDaysOfNationalTotals() throws {
        try ScenarioRunFixture.withRun(Self.scenario) { folder, outcome in
            #expect(outcome.files == [
                "cells.csv", "regions.csv", "sectors.csv", "products.csv", "national.csv", "summary.csv", "manifest.json",
            ])
            var daily: [String: [(baseline: Double, scenario: Double)]] = [:]
            for row in try ScenarioRunFixture.comparisons(folder + "/national.csv") {
                daily[row.labels[1], default: []].append((row.baseline, row.scenario))
            }
            #expect(daily["output"]?.count == 40)
            for (file, key) in [("cells.csv", 3), ("products.csv", 2)] {
                var windows: [String: [Int: (baseline: Double, scenario: Double)]] = [:]
                for row in try ScenarioRunFixture.comparisons(folder + "/" + file) {
                    let (period, metric) = (Int(row.labels[0]) ?? -1, row.labels[key])
                    let sum = windows[metric, default: [:]][period, default: (0, 0)]
                    windows[metric, default: [:]][period] = (sum.baseline + row.baseline, sum.scenario + row.scenario)
                }
                for (metric, periods) in windows where metric != "overproduction" {
                    let stock = ["capacity", "inventory", "import_inventory"].contains(metric)
                    #expect(periods.keys.sorted() == Array(0..<6), "\(file) \(metric)")
                    for (window, value) in periods {
                        let days = Array(daily[metric, default: []][(7 * window)..<min(7 * window + 7, 40)])
                        let expected = stock ? days.last : days.reduce((0.0, 0.0)) { ($0.0 + $1.baseline, $0.1 + $1.scenario) }
                        let (baseline, scenario) = try #require(expected)
                        #expect(abs(value.baseline - baseline) <= 1e-12 * max(1, abs(baseline)), "\(metric) window \(window)")
                        #expect(abs(value.scenario - scenario) <= 1e-12 * max(1, abs(scenario)), "\(metric) window \(window)")
                    }
                }
            }
            let parameters = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json")))
                    as? [String: Any])["parameters"] as? [String: String]
            #expect(parameters?["results.periods"] == "6")
            #expect(parameters?["results.period"] == "week")
            #expect(parameters?["shocks.plant.kind"] == "capacity")
        }
    }

    /// The scenario's daily output in national.csv is the model's, run alone with the same events and shocks.
    @Test func dailyOutputIsTheModels() throws {
        let economy = try ScenarioRunFixture.economy()
        try ScenarioRunFixture.withRun(Self.scenario, economy: economy) { folder, _ in
            let written = try ScenarioRunFixture.comparisons(folder + "/national.csv").filter { $0.labels[1] == "output" }.map(\.scenario)
            let plant = ARIOEvent(
                id: "plant", kind: .capacityLoss(recovery: ARIORecovery(.linear, tau: 10)), amount: 0.4, regions: [1], sectors: [2],
                regionalDistribution: .each, sectoralDistribution: .each, occurrence: 3, duration: 10)
            let shocks = [
                Shock(id: "chips", kind: .imports(products: [1]), magnitude: 0.8, profile: .step(start: 5, end: 25)),
                Shock(id: "exports", kind: .exports(cells: [ScenarioRunFixture.cell(2, 1)], finalDemandColumns: [3, 7, 11]),
                      magnitude: 0.5, profile: .step(start: 2)),
            ]
            var expected: [Double] = []
            try ARIOModel(economy: economy).run(
                [ARIOScenario(name: "alone", parameters: ARIOParameters(inventoryDays: 20), events: [plant], shocks: shocks)], days: 40
            ) { expected.append($0.production.column(0).reduce(0, +)) }
            #expect(ScenarioRunFixture.deviation(written, expected) <= 1e-12)
            #expect(written[30] < expected[0])  // the shocks show
        }
    }

    /// Without shocks the scenario is its own baseline: every difference is 0.
    @Test func noShocksNoDifference() throws {
        let yaml = """
            schema_version: 1
            name: quiet
            economy: economy
            model: ario
            horizon: {periods: 10, period: day}
            """
        try ScenarioRunFixture.withRun(yaml) { folder, _ in
            for file in ["cells.csv", "regions.csv", "sectors.csv", "products.csv", "national.csv"] {
                for row in try ScenarioRunFixture.comparisons(folder + "/" + file) {
                    #expect(row.difference == 0, "\(file): \(row.labels)")
                }
            }
        }
    }

    /// What the ario model finds only with the economy (capital destroyed above an industry's capital,
    /// 4 × its value added) is reported at the shock's field, with its line and column, by validate and run.
    @Test func capitalAboveTheIndustrysIsAProblemAtItsField() throws {
        let yaml = """
            schema_version: 1
            name: too-much
            economy: economy
            model: ario
            horizon: {periods: 10, period: day}
            shocks:
              - {id: flood, kind: capital_destruction, regions: Zhejiang, sectors: "20", amount: 1e9,
                 profile: {type: event, occurrence: 2, recovery_tau: 5}}
            """
        try withTemporaryDirectory { directory in
            let file = try ScenarioRunFixture.write(yaml, economy: try ScenarioRunFixture.economy(), in: directory)
            for attempt in ["validate", "run"] {
                do {
                    if attempt == "validate" {
                        _ = try FileValidation.validate(path: file)
                    } else {
                        _ = try ScenarioRunner.run(scenarioFile: file, outputFolder: directory + "/out")
                    }
                    Issue.record("\(attempt) accepted a loss above the capital")
                } catch let error as ScenarioError {
                    #expect(error.problems.count == 1)
                    #expect(error.problems.first?.fieldPath == "shocks[0].amount", "\(attempt)")
                    #expect(error.problems.first?.line == 7 && error.problems.first?.column == 86, "\(attempt)")
                    #expect(error.problems.first?.message.hasPrefix("1000000000.0 does not fit the economy: expected at most the capital of CN-ZJ/20") == true)
                }
            }
        }
    }
}
