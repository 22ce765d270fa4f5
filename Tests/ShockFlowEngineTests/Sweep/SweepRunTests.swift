import Foundation
import ShockFlowTestSupport
import Testing
@testable import ShockFlowEngine
@testable import ShockFlowFormats

@Suite("Sweeps: lockstep runs, outputs and indices")
struct SweepRunTests {
    /// Runs `text` as a sweep file in `directory` and returns the folder written.
    private func runSweep(_ text: String, in directory: String, batch: Int = 32, workers: Int = 2, shard: SweepShard = .whole)
        throws -> String
    {
        let path = try writeFile(text, named: "sweep.yaml", in: directory)
        var options = SweepRunner.Options()
        options.output = directory + "/out-\(batch)-\(workers)-\(shard.index)-of-\(shard.count)"
        options.batchSize = batch
        options.workers = workers
        options.shard = shard
        return try SweepRunner.run(sweepFile: path, options: options).folder
    }

    private func table(_ path: String) throws -> [[String]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// A single `shockflow run` of `yaml` (not through the sweep code).
    private func singleRun(_ yaml: String, in directory: String) throws -> ScenarioRunResult {
        let document = ScenarioDocument(yaml: yaml, file: "single.yaml", directory: URL(fileURLWithPath: directory))
        let (scenario, loaded) = try document.resolveLoadingEconomy()
        return try ScenarioRun.run(scenario, economy: loaded.economy)
    }

    /// The headline summary value of a single run of `yaml`.
    private func singleRunLoss(_ yaml: String, in directory: String) throws -> Double {
        let result = try singleRun(yaml, in: directory)
        return try #require(RunResultsWriter.summaryRows(result).first { $0.metric == "cumulative_value_added_loss" }?.value)
    }

    /// The sweep's dynamic scenario as a scenario file of its own.
    private static let dynamicScenarioFile = SweepTestSupport.dynamicScenario.replacingOccurrences(of: "scenario:\n", with: "")
        .split(separator: "\n").map { $0.dropFirst(2) }.joined(separator: "\n")

    @Test("the summary rows a sweep asks for are the rows of the full summary.csv, in its order")
    func summaryRowsOnlyForTheMetricsRead() throws {
        try withTemporaryDirectory { directory in
            let result = try singleRun(Self.dynamicScenarioFile, in: directory)
            let full = RunResultsWriter.summaryRows(result)
            func key(_ row: RunResultsWriter.SummaryRow) -> String { "\(row.metric)|\(row.value.map { "\($0)" } ?? "")|\(row.unit)|\(row.detail)" }
            for metrics: Set<String> in [
                ["cumulative_value_added_loss_percent"], ["peak_value_added_loss_percent", "worst_region_1"],
                ["worst_sector_2", "total_substituted"], ["weight_increase_1", "weight_decrease_1", "max_rationing_iterations"],
            ] {
                let some = RunResultsWriter.summaryRows(result, only: metrics)
                #expect(some.count < full.count)
                // Every row asked for that the full table has is there, equal to its row of the full table,
                // and the rows keep its order.
                let present = metrics.filter { metric in full.contains { $0.metric == metric } }
                #expect(!present.isEmpty)
                for metric in present { #expect(some.contains { $0.metric == metric }, "\(metric) missing") }
                let fullKeys = full.map(key)
                var position = 0
                for row in some {
                    guard let found = fullKeys[position...].firstIndex(of: key(row)) else {
                        Issue.record("\(row.metric) differs from the full table or is out of order")
                        break
                    }
                    position = found + 1
                }
            }
        }
    }

    @Test("a sweep run's outputs equal the same scenario run on its own")
    func sweepRunEqualsSingleRun() throws {
        try withTemporaryDirectory { directory in
            let text = SweepTestSupport.sweep(
                """
                design: {method: random, samples: 5, seed: 9}
                parameters:
                  - {path: shocks.chip-imports.magnitude, name: cut, distribution: uniform, lower: 0.2, upper: 1}
                  - {path: investment.eta, name: eta, distribution: uniform, lower: 0.5, upper: 2}
                """ + "\n" + SweepTestSupport.outputs)
            let folder = try runSweep(text, in: directory)
            let samples = try table(folder + "/samples.csv")
            let outputs = try table(folder + "/outputs.csv")
            #expect(samples[0] == ["run", "cut", "eta"])
            #expect(outputs[0] == ["run", "cumulative_value_added_loss", "north_va_loss"])
            for run in 1...5 {
                let (cut, eta) = (samples[run][1], samples[run][2])
                let single =
                    Self.dynamicScenarioFile.replacingOccurrences(of: "magnitude: 0.6", with: "magnitude: \(cut)")
                    + "\ninvestment: {eta: \(eta)}\n"
                let expected = try singleRunLoss(single, in: directory)
                let actual = try #require(Double(outputs[run][1]))
                #expect(isClose(actual, expected, relative: 1e-12), "run \(run - 1): \(actual) vs \(expected)")
            }
        }
    }

    /// Threads, workers, locale and time zone are checked across processes by the command-line tests
    /// (SweepCommandTests, "… do not change a byte"); here only the shards.
    @Test("shards merge into the whole sweep byte for byte; a shard holds its batches and no indices")
    func shardsMergeIntoTheWholeSweep() throws {
        try withTemporaryDirectory { directory in
            let text = SweepTestSupport.sweep(
                """
                design: {method: saltelli, samples: 8, seed: 3}
                parameters:
                  - {path: shocks.chip-imports.magnitude, name: cut, distribution: uniform, lower: 0.2, upper: 1}
                  - {path: "substitution[0].theta", name: theta, distribution: uniform, lower: 0, upper: 1}
                """ + "\n" + SweepTestSupport.outputs)
            let whole = try runSweep(text, in: directory, batch: 5, workers: 2)
            let shards = try (0..<3).map { try runSweep(text, in: directory, batch: 5, workers: 2, shard: SweepShard(index: $0, count: 3)) }
            let merged = directory + "/merged"
            _ = try SweepMerger.merge(shards.reversed(), into: merged)
            for name in ["samples.csv", "outputs.csv", "sensitivity.csv"] {
                let reference = try Data(contentsOf: URL(fileURLWithPath: whole + "/" + name))
                #expect(try Data(contentsOf: URL(fileURLWithPath: merged + "/" + name)) == reference, "\(name), merged")
            }
            #expect(!FileManager.default.fileExists(atPath: shards[0] + "/sensitivity.csv"))
            // Shard 1 of 3 holds batch 1 of the 32 runs cut in batches of 5: runs 5…9 and 20…24.
            #expect(try table(shards[1] + "/outputs.csv").dropFirst().map { $0[0] } == ["5", "6", "7", "8", "9", "20", "21", "22", "23", "24"])
        }
    }

    @Test("grouped parameters get one Sobol' index per group, in the whole sweep and after a merge")
    func groups() throws {
        try withTemporaryDirectory { directory in
            let text = SweepTestSupport.sweep(
                """
                design: {method: saltelli, samples: 8, seed: 3}
                parameters:
                  - {path: shocks.chip-imports.magnitude, name: cut, group: shock, distribution: uniform, lower: 0.2, upper: 1}
                  - {path: shocks.chip-imports.share, name: share, group: shock, distribution: uniform, lower: 0.5, upper: 1}
                  - {path: investment.eta, name: eta, distribution: uniform, lower: 0.5, upper: 2}
                """ + "\n" + SweepTestSupport.outputs)
            let whole = try runSweep(text, in: directory, batch: 8)
            // N·(G + 2) runs for G = 2 groups (shock, eta), not N·(d + 2).
            #expect(try table(whole + "/samples.csv").count == 1 + 8 * 4)
            let rows = try table(whole + "/sensitivity.csv").dropFirst()
            #expect(Set(rows.map { $0[2] }) == ["shock", "eta"])
            #expect(rows.count == 2 * 2 * 2)  // outputs × groups × (S1, ST)
            let shards = try (0..<2).map { try runSweep(text, in: directory, batch: 8, shard: SweepShard(index: $0, count: 2)) }
            _ = try SweepMerger.merge(shards, into: directory + "/merged")
            #expect(try Data(contentsOf: URL(fileURLWithPath: directory + "/merged/sensitivity.csv"))
                == Data(contentsOf: URL(fileURLWithPath: whole + "/sensitivity.csv")))
        }
    }

    @Test("merge refuses shards of different sweeps, repeated shards and missing shards")
    func mergeRefuses() throws {
        try withTemporaryDirectory { directory in
            let text = SweepTestSupport.sweep(
                """
                design: {method: lhs, samples: 6, seed: 3}
                parameters:
                  - {path: shocks.chip-imports.magnitude, name: cut, distribution: uniform, lower: 0.2, upper: 1}
                """ + "\n" + SweepTestSupport.outputs)
            let first = try runSweep(text, in: directory, batch: 2, shard: SweepShard(index: 0, count: 2))
            let second = try runSweep(text, in: directory, batch: 2, shard: SweepShard(index: 1, count: 2))
            let other = try runSweep(text.replacingOccurrences(of: "seed: 3", with: "seed: 4"), in: directory, batch: 3, shard: SweepShard(index: 1, count: 2))
            let out = directory + "/merged"
            #expect(throws: SweepError.self) { try SweepMerger.merge([first, other], into: out) }
            #expect(throws: SweepError.self) { try SweepMerger.merge([first, first], into: out) }
            #expect(throws: SweepError.incompleteMerge(missing: [1], count: 2)) { try SweepMerger.merge([first], into: out) }
            #expect(!FileManager.default.fileExists(atPath: out))
            #expect(try SweepMerger.merge([second, first], into: out).runs == 6)
        }
    }

    @Test("Leontief: Sobol' indices of a linear model are its normalised squared effects (MODEL (7))")
    func linearLeontief() throws {
        try withTemporaryDirectory { directory in
            let economy = Fixtures.path("economies/two-region")
            func scenario(_ north: String, _ south: String) -> String {
                """
                schema_version: 1
                name: two-region-demand
                economy: \(economy)
                model: leontief
                shocks:
                  - {id: north-manu, kind: demand, regions: north, sectors: manu, magnitude: \(north)}
                  - {id: south-agri, kind: demand, regions: south, sectors: agri, magnitude: \(south)}
                """
            }
            // Δva is linear in the magnitudes: loss = c₁·m₁ + c₂·m₂, with c_j from single runs at m_j = −1.
            let c1 = -(try singleRunLoss(scenario("-1", "0"), in: directory))
            let c2 = -(try singleRunLoss(scenario("0", "-1"), in: directory))
            let (width1, width2) = (0.5, 0.2)
            let expected1 = c1 * c1 * width1 * width1 / (c1 * c1 * width1 * width1 + c2 * c2 * width2 * width2)
            let indented = scenario("-0.1", "-0.1").split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
            let text = SweepTestSupport.sweep(
                """
                design: {method: saltelli, samples: 1024, seed: 7}
                parameters:
                  - {path: shocks.north-manu.magnitude, name: north, distribution: uniform, lower: -0.5, upper: 0}
                  - {path: shocks.south-agri.magnitude, name: south, distribution: uniform, lower: -0.2, upper: 0}
                outputs:
                  - {summary: cumulative_value_added_loss}
                """, scenario: "scenario:\n" + indented)
            let rows = try table(try runSweep(text, in: directory, batch: 512) + "/sensitivity.csv")
            func index(_ parameter: String, _ name: String) throws -> (estimate: Double, low: Double, high: Double) {
                let row = try #require(rows.first { $0[2] == parameter && $0[3] == name })
                return (try #require(Double(row[4])), try #require(Double(row[5])), try #require(Double(row[6])))
            }
            for (parameter, expected) in [("north", expected1), ("south", 1 - expected1)] {
                let first = try index(parameter, "S1"), total = try index(parameter, "ST")
                #expect(first.low <= expected && expected <= first.high, "S1 \(parameter): \(first) vs \(expected)")
                #expect(total.low <= expected && expected <= total.high, "ST \(parameter): \(total) vs \(expected)")
            }
        }
    }

    @Test("aggregates: sums over cells and periods, losses, percentages and the last period")
    func aggregates() {
        let metric = RunMetric(name: "output", baseline: [[10, 20, 30], [10, 20, 40]], scenario: [[9, 20, 27], [10, 18, 40]])
        let cells = [0, 2]
        #expect(SweepOutput.aggregate(metric, cells: cells, statistic: .cumulative_difference) == -4)
        #expect(SweepOutput.aggregate(metric, cells: cells, statistic: .cumulative_loss) == 4)
        #expect(SweepOutput.aggregate(metric, cells: cells, statistic: .cumulative_loss_percent) == 400.0 / 90)  // 4 of 90
        #expect(SweepOutput.aggregate(metric, cells: [1], statistic: .cumulative_loss_percent) == 5)  // 2 of 40
        #expect(SweepOutput.aggregate(metric, cells: cells, statistic: .final_scenario) == 50)
        #expect(SweepOutput.aggregate(metric, cells: [1], statistic: .final_difference) == -2)
    }

    @Test("an output naming a summary row or metric the runs do not have is refused when planning, before any folder exists")
    func unknownOutputs() throws {
        try withTemporaryDirectory { directory in
            let text = SweepTestSupport.sweep(
                """
                design: {method: lhs, samples: 4}
                parameters:
                  - {path: investment.eta, distribution: uniform, lower: 0.5, upper: 2}
                outputs:
                  - {summary: cumulative_value_added_los}
                  - {metric: valueadded}
                """)
            #expect {
                try runSweep(text, in: directory)
            } throws: { error in
                let problems = (error as? ScenarioError)?.problems.map { "\($0.fieldPath): \($0.message)" } ?? []
                return problems.count == 2
                    && problems[0].hasPrefix("outputs[0].summary: the runs' summary.csv has no row `cumulative_value_added_los` — did you mean `cumulative_value_added_loss`")
                    && problems[1].hasPrefix("outputs[1].metric: the runs have no cell metric `valueadded` — did you mean `value_added`?")
            }
            // Neither the output folder nor a checkpoint beside it.
            #expect((try? FileManager.default.contentsOfDirectory(atPath: directory)) == ["sweep.yaml"])
        }
    }
}
