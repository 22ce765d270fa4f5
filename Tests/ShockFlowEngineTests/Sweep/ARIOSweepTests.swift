import Foundation
import ShockFlowTestSupport
import Testing
@testable import ShockFlowEngine
@testable import ShockFlowFormats

/// Sweeps of ario scenarios (issue 15 §3): the runs, with different parameters and shocks, go in
/// lockstep as the columns of one batch, and each run's outputs are those of the run alone.
@Suite("Sweeps of the ario model")
struct ARIOSweepTests {
    static let scenario = """
        schema_version: 1
        name: two-region-ario
        economy: \(Fixtures.path("economies/two-region"))
        horizon: {periods: 60, period: day}
        model: {type: ario, inventory_days: 15}
        results: {every: 10}
        shocks:
          - {id: chip-imports, kind: import, products: chips, magnitude: 0.6, profile: {type: step, start: 5}}
        """

    @Test("each run of an ario sweep equals its single run; runs with other ψ share the batch")
    func sweepRunsEqualSingleRuns() throws {
        try withTemporaryDirectory { directory in
            let scenarioPath = try writeFile(Self.scenario, named: "ario.yaml", in: directory)
            let sweep = """
                schema_version: 1
                name: ario-sweep
                scenario: ario.yaml
                design: {method: grid, samples: 2}
                parameters:
                  - {path: shocks.chip-imports.magnitude, name: cut, distribution: discrete, levels: [0.3, 0.9]}
                  - {path: model.psi, name: psi, distribution: discrete, levels: [0.6, 0.9]}
                outputs:
                  - {summary: cumulative_value_added_loss}
                  - {name: north_output_loss, metric: output, regions: north, statistic: cumulative_loss}
                """
            let path = try writeFile(sweep, named: "sweep.yaml", in: directory)
            var options = SweepRunner.Options()
            options.output = directory + "/out"
            let folder = try SweepRunner.run(sweepFile: path, options: options).folder
            let rows = try String(contentsOfFile: folder + "/outputs.csv", encoding: .utf8).split(separator: "\n").dropFirst()
                .map { $0.split(separator: ",").compactMap { Double($0) } }
            #expect(rows.count == 4)
            let samples = try String(contentsOfFile: folder + "/samples.csv", encoding: .utf8).split(separator: "\n").dropFirst()
                .map { $0.split(separator: ",").compactMap { Double($0) } }
            let base = try String(contentsOfFile: scenarioPath, encoding: .utf8)
            var losses: [Double: Double] = [:]
            for sample in samples {
                let (run, cut, psi) = (Int(sample[0]), sample[1], sample[2])
                let yaml = base.replacingOccurrences(of: "magnitude: 0.6", with: "magnitude: \(cut)")
                    .replacingOccurrences(of: "inventory_days: 15}", with: "inventory_days: 15, psi: \(psi)}")
                let document = ScenarioDocument(yaml: yaml, file: "single.yaml", directory: URL(fileURLWithPath: directory))
                let (scenario, loaded) = try document.resolveLoadingEconomy()
                let result = try ScenarioRun.run(scenario, economy: loaded.economy)
                let loss = try #require(RunResultsWriter.summaryRows(result).first { $0.metric == "cumulative_value_added_loss" }?.value)
                let sweepRow = try #require(rows.first { Int($0[0]) == run })
                #expect(abs(sweepRow[1] - loss) <= 1e-12 * max(1, abs(loss)), "run \(run): sweep \(sweepRow[1]), alone \(loss)")
                if psi == 0.6 { losses[cut] = loss }
            }
            #expect(samples.count == 4)
            #expect(losses[0.9, default: 0] > losses[0.3, default: 0] && losses[0.3, default: 0] > 0, "a deeper cut costs more: \(losses)")
        }
    }
}
