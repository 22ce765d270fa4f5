import Foundation
import ShockFlowTestSupport
import Testing
@testable import ShockFlowEngine
@testable import ShockFlowFormats

/// A sweep can read the price rows of the summary (its runs then solve their prices) and sweep the
/// scarcity mark-up's elasticity (docs/prices.md, (P7)); a static model refuses the mark-up.
@Suite("Sweeps: price outputs and the scarcity elasticity")
struct SweepPriceOutputTests {
    static let scenario = """
        schema_version: 1
        name: two-region-scarcity
        economy: \(Fixtures.path("economies/two-region"))
        horizon: {periods: 4, period: quarter, seed: 1}
        shocks:
          - {id: cut, kind: capacity, regions: north, sectors: manu, magnitude: 0.3, profile: {type: step, start: 1}}
        """

    /// Each run's `peak_cpi_change_percent` and `sector_price_1` are those of a single run of the scenario with
    /// its ε, and the CPI's peak rises with ε (from 0 at ε = 0: the cut has no price shock).
    @Test func sweptElasticityGivesTheSingleRunsPrices() throws {
        try withTemporaryDirectory { directory in
            let indented = Self.scenario.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
            let text = """
                schema_version: 1
                name: scarcity-sweep
                scenario:
                \(indented)
                design: {method: random, samples: 4, seed: 5}
                parameters:
                  - {path: prices.scarcity_elasticity, name: elasticity, distribution: uniform, lower: 0, upper: 2}
                outputs:
                  - {summary: peak_cpi_change_percent}
                  - {summary: sector_price_1}
                """
            let path = try writeFile(text, named: "sweep.yaml", in: directory)
            var options = SweepRunner.Options()
            options.output = directory + "/out"
            let folder = try SweepRunner.run(sweepFile: path, options: options).folder
            func table(_ name: String) throws -> [[String]] {
                try String(contentsOfFile: folder + "/" + name, encoding: .utf8).split(separator: "\n")
                    .map { $0.split(separator: ",").map(String.init) }
            }
            let samples = try table("samples.csv"), outputs = try table("outputs.csv")
            #expect(outputs.first == ["run", "peak_cpi_change_percent", "sector_price_1"])
            var peaks: [(elasticity: Double, peak: Double)] = []
            for run in 1...4 {
                let elasticity = try #require(Double(samples[run][1]))
                let single = Self.scenario + "\nprices: {scarcity_elasticity: \(samples[run][1])}\n"
                let (scenario, loaded) = try ScenarioDocument(yaml: single, file: "single.yaml", directory: URL(fileURLWithPath: directory))
                    .resolveLoadingEconomy()
                let rows = RunResultsWriter.summaryRows(try ScenarioRun.run(scenario, economy: loaded.economy))
                for (column, metric) in [(1, "peak_cpi_change_percent"), (2, "sector_price_1")] {
                    let expected = try #require(rows.first { $0.metric == metric }?.value)
                    let actual = try #require(Double(outputs[run][column]))
                    #expect(isClose(actual, expected, relative: 1e-12), "run \(run - 1) \(metric): \(actual) vs \(expected)")
                }
                peaks.append((elasticity, try #require(Double(outputs[run][1]))))
            }
            let sorted = peaks.sorted { $0.elasticity < $1.elasticity }.map(\.peak)
            #expect(sorted.allSatisfy { $0 > 0 } && zip(sorted, sorted.dropFirst()).allSatisfy { $0 < $1 }, "\(peaks)")
        }
    }

    @Test func staticModelsRefuseTheMarkup() throws {
        let yaml = Self.scenario.replacingOccurrences(of: "horizon: {periods: 4, period: quarter, seed: 1}", with: "model: ghosh")
            .replacingOccurrences(of: ", profile: {type: step, start: 1}", with: "") + "\nprices: {scarcity_elasticity: 0.5}\n"
        let document = ScenarioDocument(yaml: yaml, file: "static.yaml", directory: URL(fileURLWithPath: "/"))
        let error = try #require(throws: ScenarioError.self) { try document.resolveLoadingEconomy() }
        #expect(error.problems.map(\.message) == [
            "the scarcity mark-up needs the rationing of the dynamic model; the ghosh model has none",
        ], "\(error.problems)")
    }
}
