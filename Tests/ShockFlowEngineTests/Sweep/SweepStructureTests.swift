import Foundation
import ShockFlowTestSupport
import Testing
@testable import ShockFlowEngine
@testable import ShockFlowFormats

/// Structure parameters in sweeps (docs/sweep-format.md, "Structure parameters"): the threshold τ, strict
/// Leontief, a critical pair's `enabled` and `for`, a substitution's `enabled` and `sector`. Runs with
/// equal structure share lockstep batches on one factored model; every run gives what the same
/// scenario gives when run on its own.
@Suite("Sweeps over the model's structure: τ, critical pairs, substitutes")
struct SweepStructureTests {
    /// The two-region chip scenario with two critical pairs and a substitution, its critical inputs
    /// given by `criticalInputs` (the lines under `critical_inputs:`), unindented.
    static func scenario(threshold: String = "0.05", chipsPair: String = "true", strict: String = "false") -> String {
        """
        schema_version: 1
        name: two-region-structure
        economy: \(Fixtures.path("economies/two-region"))
        horizon: {periods: 8, period: quarter, seed: 1}
        critical_inputs:
          threshold: \(threshold)
          strict_leontief: \(strict)
          pairs:
            - {input: chips, from: imported, for: manu, enabled: \(chipsPair)}
            - {input: manu, from: domestic, for: agri}
        substitution:
          - {product: chips, sector: manu, theta: 0.5}
        shocks:
          - {id: chip-imports, kind: import, products: chips, magnitude: 0.6, profile: {type: recovery, start: 1, half_life: 4}}
        """
    }

    /// `scenario` indented under `scenario:` for a sweep file.
    static func inline(_ scenario: String) -> String {
        "scenario:\n" + scenario.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
    }

    static let summaryOutputs = ["cumulative_value_added_loss", "peak_value_added_loss_percent", "total_import_shortfall"]

    static let outputs = """
        outputs:
          - {summary: cumulative_value_added_loss}
          - {summary: peak_value_added_loss_percent}
          - {summary: total_import_shortfall}
          - {name: north_output_loss, metric: output, regions: north, statistic: cumulative_loss}
        """

    /// Runs `text` as a sweep file in `directory` into `out`.
    static func runSweep(_ text: String, in directory: String, out: String, batch: Int, shard: SweepShard = .whole) throws -> String {
        let path = try writeFile(text, named: "sweep.yaml", in: directory)
        var options = SweepRunner.Options()
        options.output = directory + "/" + out
        options.batchSize = batch
        options.workers = 2
        options.shard = shard
        return try SweepRunner.run(sweepFile: path, options: options).folder
    }

    /// A sweep table as rows of fields (CSV quotes removed), without its header.
    static func rows(_ path: String) throws -> [[String]] {
        var reader = try CSVReader(path: path)
        var rows: [[String]] = []
        while try reader.nextRecord() { rows.append((0..<reader.fieldCount).map(reader.text)) }
        return Array(rows.dropFirst())
    }

    /// The outputs of `summaryOutputs` and `north_output_loss` for `yaml` run on its own, as `shockflow run` runs it.
    static func singleRun(_ yaml: String, in directory: String) throws -> [Double] {
        let document = ScenarioDocument(yaml: yaml, file: "single.yaml", directory: URL(fileURLWithPath: directory))
        let (scenario, loaded) = try document.resolveLoadingEconomy()
        let result = try ScenarioRun.run(scenario, economy: loaded.economy)
        let summary = RunResultsWriter.summaryRows(result)
        let values = try summaryOutputs.map { metric in try #require(summary.first { $0.metric == metric }?.value, "\(metric)") }
        let output = try #require(result.cellMetrics.first { $0.name == "output" })
        let north = (0..<loaded.economy.sectors.count).map { loaded.economy.cellIndex(region: 0, sector: $0) }
        return values + [SweepOutput.aggregate(output, cells: north, statistic: .cumulative_loss)]
    }

    @Test("a sweep over τ and over a pair switched off gives every run's outputs of a separate run (1e-12)")
    func tauAndPairsEqualSeparateRuns() throws {
        try withTemporaryDirectory { directory in
            let text = SweepTestSupport.sweep(
                """
                design: {method: grid, samples: 3}
                parameters:
                  - {path: critical_inputs.threshold, name: tau, distribution: discrete, levels: [0.05, 0.15, 0.3]}
                  - {path: "critical_inputs.pairs[0].enabled", name: chips_pair, distribution: discrete, levels: [true, false]}
                  - {path: shocks.chip-imports.magnitude, name: cut, distribution: uniform, lower: 0.3, upper: 0.9}
                """ + "\n" + Self.outputs, scenario: Self.inline(Self.scenario()))
            let (plan, _) = try SweepTestSupport.plan(text, in: directory)
            // Three thresholds × the pair on or off: six structures, whatever the cut. A grid takes each
            // of a discrete parameter's levels once (3 × 2), and the cut at its 3 levels: 18 runs.
            #expect(Set(plan.structureGroups).count == 6)
            let batches = SweepBatches(groups: plan.structureGroups, size: 4)
            for runs in batches.runs { #expect(Set(runs.map { plan.structureGroups[$0] }).count == 1, "a batch mixes structures: \(runs)") }

            let path = try writeFile(text, named: "sweep.yaml", in: directory)
            var options = SweepRunner.Options()
            (options.output, options.batchSize, options.workers) = (directory + "/sweep", 4, 2)
            let outcome = try SweepRunner.run(sweepFile: path, options: options)
            // One model per structure, built once, on one factorisation of the one table.
            #expect(outcome.taskTimes[.model]?.count == 6 && outcome.taskTimes[.factorisation]?.count == 1)
            let folder = outcome.folder
            let samples = try Self.rows(folder + "/samples.csv"), outputs = try Self.rows(folder + "/outputs.csv")
            #expect(samples.count == 18 && outputs.count == 18)
            #expect(Set(samples.map { $0[2] }) == ["true", "false"])
            var distinct = Set<[String]>()
            for (sample, output) in zip(samples, outputs) {
                let (tau, pair, cut) = (sample[1], sample[2], sample[3])
                let single = try Self.singleRun(
                    Self.scenario(threshold: tau, chipsPair: pair).replacingOccurrences(of: "magnitude: 0.6", with: "magnitude: \(cut)"),
                    in: directory)
                let swept = try output.dropFirst().map { try #require(Double($0)) }
                for (actual, expected) in zip(swept, single) {
                    #expect(isClose(actual, expected, relative: 1e-12, absolute: 1e-300), "run \(sample[0]) (τ \(tau), pair \(pair)): \(actual) vs \(expected)")
                }
                distinct.insert([tau, pair, output[1]])
            }
            // The switch matters: at τ = 0.15 and 0.3 the chips pair is what makes chips critical for manufacturing.
            let loss = { (tau: String, pair: String) in distinct.filter { $0[0] == tau && $0[1] == pair }.compactMap { Double($0[2]) }.max() ?? 0 }
            #expect(loss("0.15", "true") > loss("0.15", "false"))
        }
    }

    @Test("a run shares its batch with runs of its structure only: bit for bit the sweep of that structure alone")
    func batchOfOneStructureIsBitForBitTheSeparateSweep() throws {
        try withTemporaryDirectory { directory in
            let cut = """
                  - {path: shocks.chip-imports.magnitude, name: cut, distribution: uniform, lower: 0.3, upper: 0.9}
                  - {path: investment.eta, name: eta, distribution: uniform, lower: 0.5, upper: 2}
                """
            let combined = SweepTestSupport.sweep(
                """
                design: {method: grid, samples: 2}
                parameters:
                  - {path: critical_inputs.threshold, name: tau, distribution: discrete, levels: [0.05, 0.3]}
                  - {path: "critical_inputs.pairs[0].enabled", name: chips_pair, distribution: discrete, levels: [true, false]}
                """ + "\n" + cut + "\n" + Self.outputs, scenario: Self.inline(Self.scenario()))
            let whole = try Self.rows(try Self.runSweep(combined, in: directory, out: "combined", batch: 64) + "/outputs.csv")
            #expect(whole.count == 16)
            // The grid varies the first parameter slowest: runs 4s…4s + 3 are structure s, with the cut and η
            // of the separate sweep's runs 0…3, in its order.
            for (structure, (tau, pair)) in [("0.05", "true"), ("0.05", "false"), ("0.3", "true"), ("0.3", "false")].enumerated() {
                let alone = SweepTestSupport.sweep(
                    "design: {method: grid, samples: 2}\nparameters:\n" + cut + "\n" + Self.outputs,
                    scenario: Self.inline(Self.scenario(threshold: tau, chipsPair: pair)))
                let separate = try Self.rows(try Self.runSweep(alone, in: directory, out: "alone-\(structure)", batch: 64) + "/outputs.csv")
                #expect(separate.map { $0.dropFirst() } == whole[(4 * structure)..<(4 * structure + 4)].map { $0.dropFirst() }, "τ \(tau), pair \(pair)")
            }
        }
    }

    @Test("strict Leontief makes τ and the pairs irrelevant: its runs share one structure, and give separate runs' outputs")
    func strictRunsShareOneStructure() throws {
        try withTemporaryDirectory { directory in
            let text = SweepTestSupport.sweep(
                """
                design: {method: grid, samples: 2}
                parameters:
                  - {path: critical_inputs.strict_leontief, name: strict, distribution: discrete, levels: [false, true]}
                  - {path: critical_inputs.threshold, name: tau, distribution: discrete, levels: [0.05, 0.3]}
                  - {path: "critical_inputs.pairs[1].for", name: users, distribution: discrete, levels: [[agri], [agri, manu]]}
                """ + "\n" + Self.outputs, scenario: Self.inline(Self.scenario()))
            let (plan, _) = try SweepTestSupport.plan(text, in: directory)
            // Runs 0…3 are not strict (four structures: τ × the pair's users); runs 4…7 are strict (one).
            #expect(plan.structureGroups == [0, 1, 2, 3, 4, 4, 4, 4])
            let folder = try Self.runSweep(text, in: directory, out: "strict", batch: 3)
            for (sample, output) in zip(try Self.rows(folder + "/samples.csv"), try Self.rows(folder + "/outputs.csv")) {
                let users = sample[3] == "[agri]" ? "for: agri}" : "for: [agri, manu]}"
                let single = try Self.singleRun(
                    Self.scenario(threshold: sample[2], strict: sample[1]).replacingOccurrences(of: "for: agri}", with: users), in: directory)
                for (actual, expected) in zip(try output.dropFirst().map { try #require(Double($0)) }, single) {
                    #expect(isClose(actual, expected, relative: 1e-12, absolute: 1e-300), "run \(sample[0]): \(actual) vs \(expected)")
                }
            }
        }
    }

    @Test("a substitution switched off, or another substitute sector, is a structure of its own")
    func substitutionSwitchAndSector() throws {
        try withTemporaryDirectory { directory in
            let text = SweepTestSupport.sweep(
                """
                design: {method: grid, samples: 2}
                parameters:
                  - {path: substitution.chips.enabled, name: substitution, distribution: discrete, levels: [true, false]}
                  - {path: substitution.chips.sector, name: substitute, distribution: discrete, levels: [manu, agri]}
                  - {path: substitution.chips.theta, name: theta, distribution: uniform, lower: 0.2, upper: 0.8}
                """ + "\n" + Self.outputs, scenario: Self.inline(Self.scenario()))
            let (plan, _) = try SweepTestSupport.plan(text, in: directory)
            // θ is carried by the model's columns; the switch and the sector are structure. Switched off,
            // the sector no longer matters: runs 4…7 are one structure.
            #expect(plan.structureGroups == [0, 0, 2, 2, 4, 4, 4, 4])
            let folder = try Self.runSweep(text, in: directory, out: "substitution", batch: 8)
            for (sample, output) in zip(try Self.rows(folder + "/samples.csv"), try Self.rows(folder + "/outputs.csv")) {
                let entry = "{product: chips, sector: \(sample[2]), theta: \(sample[3]), enabled: \(sample[1])}"
                let single = try Self.singleRun(
                    Self.scenario().replacingOccurrences(of: "{product: chips, sector: manu, theta: 0.5}", with: entry), in: directory)
                for (actual, expected) in zip(try output.dropFirst().map { try #require(Double($0)) }, single) {
                    #expect(isClose(actual, expected, relative: 1e-12, absolute: 1e-300), "run \(sample[0]): \(actual) vs \(expected)")
                }
            }
        }
    }
}
