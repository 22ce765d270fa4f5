import Foundation
import ShockFlowModel
import ShockFlowTestSupport
import Testing
@testable import ShockFlowEngine
@testable import ShockFlowFormats

/// Sweeps over the table itself: `economy.options.*` as parameters (docs/sweep-format.md, "What runs
/// together"). Each variant of china-2017 is built in memory once, its runs grouped by variant and
/// then by structure; the manifest lists every table once with its options and SHA-256.
@Suite("Sweeps over economy options")
struct SweepEconomyVariantTests {
    /// A short chip scenario on china-2017, written `economy: china-2017` (a name, not a mapping).
    static let scenario = """
        scenario:
          schema_version: 1
          name: chips-on-variants
          economy: china-2017
          horizon: {periods: 3, seed: 5}
          shocks:
            - {id: chips, kind: import, products: "20", share: 0.78, magnitude: 0.6, profile: {type: recovery, start: 1, half_life: 2}}
          substitution:
            - {product: "20", sector: "20", theta: 0.5}
        """

    /// 2 coefficients of variation × 2 seeds × 2 cuts: c = 0 is the cached table whatever the seed, so the
    /// 8 runs use 3 tables.
    static let sweep = SweepTestSupport.sweep(
        """
        design: {method: grid, samples: 2}
        parameters:
          - {path: economy.options.perturbation_cv, name: cv, distribution: discrete, levels: [0, 0.3]}
          - {path: economy.options.perturbation_seed, name: seed, distribution: discrete, levels: [1, 2]}
          - {path: shocks.chips.magnitude, name: cut, distribution: discrete, levels: [0.4, 0.8]}
        outputs:
          - {summary: cumulative_value_added_loss}
        """, scenario: scenario)

    @Test("runs are grouped by table, each variant listed once in the manifest with its options and hash")
    func variantsAreBuiltOnceAndListed() throws {
        try withTemporaryDirectory { directory in
            let path = try writeFile(Self.sweep, named: "sweep.yaml", in: directory)
            let (plan, _) = try SweepDocument(contentsOf: URL(fileURLWithPath: path), shownAs: "sweep.yaml").plan()
            let variants = try (0..<8).map { try plan.variants.scenario(run: $0).economyVariant }
            #expect(variants.map { $0?.construction.perturbationSeed } == [nil, nil, nil, nil, 1, 1, 2, 2])
            #expect(Set(plan.structureGroups) == [0, 4, 6], "one structure per table")

            var options = SweepRunner.Options()
            options.output = directory + "/out"
            options.workers = 2
            let outcome = try SweepRunner.run(sweepFile: path, options: options)
            let manifest = try #require(
                JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: outcome.folder + "/manifest.json")))
                    as? [String: Any])
            let sweep = try #require(manifest["sweep"] as? [String: Any])
            let listed = try #require(sweep["economy_variants"] as? [[String: Any]])
            #expect(listed.map { $0["first_run"] as? Int } == [0, 4, 6])
            #expect(listed.map { $0["runs"] as? Int } == [4, 2, 2])
            #expect(listed.map { $0["built_in_memory"] as? Bool } == [false, true, true])
            let seeds = listed.map { ($0["options"] as? [String: String])?["perturbation_seed"] }
            #expect(seeds == ["0", "1", "2"])
            #expect((listed[1]["options"] as? [String: String])?["perturbation_cv"] == "0.3")
            #expect((listed[1]["options"] as? [String: String])?.count == ConstructionOptionName.allCases.count)
            // Each hash is the hash of the table built on its own; the cached table's is the default table's.
            let inputs = try ChinaBuildInputs.read(directory: ChinaMRIOBuilder.bundledInputsDirectory())
            for (entry, seed) in zip(listed, [nil, 1, 2] as [UInt64?]) {
                let construction = seed.map { ConstructionOptions(perturbationCoefficientOfVariation: 0.3, perturbationSeed: $0) }
                let table = try ChinaMRIOBuilder.buildEconomy(inputs, construction: construction ?? ConstructionOptions())
                #expect(entry["table_sha256"] as? String == EconomyTableDigest.sha256(table))
            }
            #expect(Set(listed.compactMap { $0["table_sha256"] as? String }).count == 3)

            // A run on a variant equals the scenario run on its own with the same `economy` mapping; the
            // table moves the outputs.
            let rows = try String(contentsOfFile: outcome.folder + "/outputs.csv", encoding: .utf8).split(separator: "\n")
                .dropFirst().map { $0.split(separator: ",").map(String.init) }
            let losses = rows.map { Double($0[1]) ?? .nan }
            #expect(losses[4] != losses[6] && losses[4] != losses[0])
            #expect(losses[0] == losses[2], "c = 0 is the same table whatever the seed")
            let (loss, loaded) = try Self.singleRun(seed: 1, threshold: 0.05, cut: 0.4, in: directory)
            #expect(loaded.source.format == .inMemoryBuild && loaded.notes.first?.contains("built in memory") == true)
            #expect(isClose(losses[4], loss, relative: 1e-12), "\(losses[4]) vs \(loss)")
        }
    }

    /// The cumulative value-added loss of the scenario run on its own on china-2017 perturbed with c = 0.3
    /// and `seed`, with critical-input threshold `threshold` and cut `cut`; and the economy it ran on.
    static func singleRun(seed: Int, threshold: Double, cut: Double, in directory: String) throws -> (Double, LoadedEconomy) {
        let single = ScenarioDocument(
            yaml: """
                schema_version: 1
                name: single
                economy: {build: china-2017, options: {perturbation_cv: 0.3, perturbation_seed: \(seed)}}
                horizon: {periods: 3, seed: 5}
                shocks:
                  - {id: chips, kind: import, products: "20", share: 0.78, magnitude: \(cut), profile: {type: recovery, start: 1, half_life: 2}}
                substitution:
                  - {product: "20", sector: "20", theta: 0.5}
                critical_inputs: {threshold: \(threshold)}
                """, file: "single.yaml", directory: URL(fileURLWithPath: directory))
        let (scenario, loaded) = try single.resolveLoadingEconomy()
        let result = try ScenarioRun.run(scenario, economy: loaded.economy)
        let loss = try #require(RunResultsWriter.summaryRows(result).first { $0.metric == "cumulative_value_added_loss" }?.value)
        return (loss, loaded)
    }

    /// The structures of one table (here τ) share its factorisation of I − A; each run still equals the
    /// scenario run on its own.
    @Test("thresholds on perturbed tables: one factorisation per table, each run equal to the scenario alone")
    func thresholdsOnPerturbedTables() throws {
        try withTemporaryDirectory { directory in
            let text = SweepTestSupport.sweep(
                """
                design: {method: grid, samples: 2}
                parameters:
                  - {path: economy.options.perturbation_seed, name: seed, distribution: discrete, levels: [1, 2]}
                  - {path: critical_inputs.threshold, name: tau, distribution: discrete, levels: [0.02, 0.1]}
                  - {path: shocks.chips.magnitude, name: cut, distribution: discrete, levels: [0.4, 0.8]}
                outputs:
                  - {summary: cumulative_value_added_loss}
                """, scenario: Self.scenario.replacingOccurrences(of: "economy: china-2017", with: "economy: {build: china-2017, options: {perturbation_cv: 0.3}}"))
            let path = try writeFile(text, named: "sweep.yaml", in: directory)
            var options = SweepRunner.Options()
            options.output = directory + "/out"
            options.workers = 2
            let outcome = try SweepRunner.run(sweepFile: path, options: options)
            #expect(outcome.taskTimes[.factorisation]?.count == 2 && outcome.taskTimes[.model]?.count == 4)
            let rows = try String(contentsOfFile: outcome.folder + "/outputs.csv", encoding: .utf8).split(separator: "\n")
                .dropFirst().map { $0.split(separator: ",").map(String.init) }
            #expect(rows.count == 8)
            var run = 0
            for seed in [1, 2] {
                for tau in [0.02, 0.1] {
                    for cut in [0.4, 0.8] {
                        let expected = try Self.singleRun(seed: seed, threshold: tau, cut: cut, in: directory).0
                        let actual = Double(rows[run][1]) ?? .nan
                        #expect(isClose(actual, expected, relative: 1e-12), "run \(run): \(actual) vs \(expected)")
                        run += 1
                    }
                }
            }
            #expect(Double(rows[0][1]) != Double(rows[2][1]), "τ changes the loss")
        }
    }

    @Test("one worker or two, whole or in shards merged: the same bytes and the same list of tables")
    func variantsDoNotDependOnWorkersOrShards() throws {
        try withTemporaryDirectory { directory in
            let path = try writeFile(Self.sweep, named: "sweep.yaml", in: directory)
            func run(workers: Int, shard: SweepShard = .whole) throws -> String {
                var options = SweepRunner.Options()
                options.output = directory + "/out-\(workers)-\(shard.index)-of-\(shard.count)"
                options.workers = workers
                options.shard = shard
                return try SweepRunner.run(sweepFile: path, options: options).folder
            }
            func variants(_ folder: String) throws -> [[String: Any]] {
                let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json")))
                return try #require(((manifest as? [String: Any])?["sweep"] as? [String: Any])?["economy_variants"] as? [[String: Any]])
            }
            let whole = try run(workers: 2), single = try run(workers: 1)
            // The runs' 3 batches (one per table): shard 0 of 2 holds the cached table's and seed 2's, shard 1 seed 1's.
            let shards = try (0..<2).map { try run(workers: 2, shard: SweepShard(index: $0, count: 2)) }
            #expect(try variants(shards[1]).map { $0["first_run"] as? Int } == [4])
            let merged = directory + "/merged"
            _ = try SweepMerger.merge(shards, into: merged)
            for name in ["samples.csv", "outputs.csv", "sensitivity.csv"] {
                let reference = try Data(contentsOf: URL(fileURLWithPath: whole + "/" + name))
                #expect(try Data(contentsOf: URL(fileURLWithPath: single + "/" + name)) == reference, "\(name), 1 worker")
                #expect(try Data(contentsOf: URL(fileURLWithPath: merged + "/" + name)) == reference, "\(name), merged")
            }
            let reference = try JSONSerialization.data(withJSONObject: variants(whole), options: .sortedKeys)
            for folder in [single, merged] {
                #expect(try JSONSerialization.data(withJSONObject: variants(folder), options: .sortedKeys) == reference, "\(folder)")
            }
        }
    }

    @Test("a table that cannot be built stops the sweep, naming the table and why; no output folder")
    func unbuildableTableIsNamed() throws {
        try withTemporaryDirectory { directory in
            let text = SweepTestSupport.sweep(
                """
                design: {method: grid, samples: 2}
                parameters:
                  - {path: economy.options.maximum_balancing_iterations, name: iterations, distribution: discrete, levels: [10000, 3]}
                outputs:
                  - {summary: cumulative_value_added_loss}
                """, scenario: Self.scenario)
            let path = try writeFile(text, named: "sweep.yaml", in: directory)
            var options = SweepRunner.Options()
            options.output = directory + "/out"
            #expect {
                try SweepRunner.run(sweepFile: path, options: options)
            } throws: { error in
                guard case .unusableTable(let table, let reason) = error as? SweepError else { return false }
                return table == "china-2017 (maximum_balancing_iterations 3)"
                    && reason.hasPrefix("cannot be built: product 01: trade balancing did not converge in 3 iterations")
            }
            #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
        }
    }

    @Test("a path into `economy` needs a table ShockFlow builds; the base may name it as text or as a mapping")
    func economyOptionsNeedABuiltTable() throws {
        let problems = try SweepTestSupport.problems(SweepTestSupport.sweep(
            """
            design: {method: random, samples: 2}
            parameters:
              - {path: economy.options.distance_exponent, distribution: uniform, lower: 0.5, upper: 2}
            outputs: []
            """))
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("parameters[0].path: `economy.options.distance_exponent`: economy.build: '") == true)
        #expect(problems.first?.hasSuffix("is not a table ShockFlow builds (the name of a table ShockFlow builds: `china-2017`); "
            + "other economies are named with `economy: NAME` and take no options") == true)
    }
}
