import Foundation
import ShockFlowLinearAlgebra
import ShockFlowModel
import ShockFlowTestSupport
import Testing
import Yams
@testable import ShockFlowEngine
@testable import ShockFlowFormats

/// `discrete` parameters whose levels are text, true or false, or lists: sampled as SALib samples a
/// uniform on [0, k) and taken at level ⌊x⌋, written into the scenario as they are, shown in
/// `samples.csv` as written, analysed through the level's index.
@Suite("Sweeps: discrete levels that are not numbers")
struct SweepLevelTests {
    typealias Structure = SweepStructureTests

    /// The five parameters of scripts/fixtures/salib_levels_reference.py: k = 2, 2, 3, 2 and 4 levels.
    static let fixtureParameters = """
        parameters:
          - {path: substitution.chips.sector, name: sector, distribution: discrete, levels: [manu, agri]}
          - {path: "critical_inputs.pairs[0].enabled", name: pair, distribution: discrete, levels: [true, false]}
          - {path: "critical_inputs.pairs[1].for", name: users, distribution: discrete, levels: [[agri], [manu], [agri, manu]]}
          - {path: critical_inputs.strict_leontief, name: strict, distribution: discrete, levels: [false, true]}
          - {path: critical_inputs.threshold, name: tau, distribution: discrete, levels: [0.05, 0.1, 0.15, 0.3]}
        """

    static func salibSample(_ name: String) throws -> [[Double]] {
        let path = Fixtures.repository.appendingPathComponent("Tests/ShockFlowModelTests/Fixtures/salib/" + name).path
        return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            .map { line in try line.split(separator: " ").map { try #require(Double($0)) } }
    }

    @Test(
        "levels are ⌊x⌋ of SALib's uniform on [0, k), the last for x = k, for Saltelli, Morris and Latin designs",
        arguments: [
            ("{method: saltelli, samples: 16, seed: 11}", "levels_saltelli_X.txt"),
            ("{method: morris, samples: 4, levels: 4, seed: 12}", "levels_morris_X.txt"),
            ("{method: lhs, samples: 12, seed: 13}", "levels_latin_X.txt"),
        ])
    func samplesAreSALibsFloored(design: String, fixture: String) throws {
        let counts = [2, 2, 3, 2, 4]
        let thresholds = [0.05, 0.1, 0.15, 0.3]
        let expected = try Self.salibSample(fixture).map { row in
            zip(row, counts).map { x, k in Double(min(Int(x.rounded(.down)), k - 1)) }
        }
        try withTemporaryDirectory { directory in
            let text = SweepTestSupport.sweep(
                "design: \(design)\n" + Self.fixtureParameters + "\n" + Structure.outputs,
                scenario: Structure.inline(Structure.scenario()))
            let (plan, _) = try SweepTestSupport.plan(text, in: directory)
            #expect(plan.runCount == expected.count)
            for (run, indices) in expected.enumerated() {
                // Text, boolean and list columns hold the level's index; the numeric column holds the level.
                #expect((0..<4).map { plan.samples[run, $0] } == Array(indices[..<4]), "run \(run)")
                #expect(plan.samples[run, 4] == thresholds[Int(indices[4])], "run \(run)")
                let scenario = try plan.variants.scenario(run: run)
                let rules = scenario.criticalInputs
                #expect(scenario.substitutions.map(\.sector) == [indices[0] == 0 ? 1 : 0])
                #expect(rules.importedPairs.isEmpty == (indices[1] == 1))
                #expect(rules.domesticPairs.map(\.user) == [[0], [1], [0, 1]][Int(indices[2])])
                #expect(rules.strictLeontief == (indices[3] == 1))
                #expect(rules.threshold == thresholds[Int(indices[4])])
            }
        }
    }

    /// A sweep whose levels need CSV quoting: text with a comma, a quote or a leading space, lists.
    static let quotedLevels = SweepTestSupport.sweep(
        """
        design: {method: random, samples: 16, seed: 5}
        parameters:
          - {path: description, name: note, distribution: discrete, levels: [plain, "a, b", 'say "hi"', " padded", "16"]}
          - {path: "critical_inputs.pairs[1].for", name: users, distribution: discrete, levels: [[agri], [manu, agri]]}
          - {path: "critical_inputs.pairs[0].enabled", name: pair, distribution: discrete, levels: [true, false]}
          - {path: shocks.chip-imports.magnitude, name: cut, distribution: uniform, lower: 0.2, upper: 1}
        """ + "\n" + Structure.outputs, scenario: Structure.inline(Structure.scenario()))

    @Test("samples.csv shows each level as written, quoted as CSV requires; shards merge into the whole sweep byte for byte")
    func samplesShowLevelsAndMergeIsByteIdentical() throws {
        try withTemporaryDirectory { directory in
            let (plan, _) = try SweepTestSupport.plan(Self.quotedLevels, in: directory)
            let whole = try Structure.runSweep(Self.quotedLevels, in: directory, out: "whole", batch: 3)
            let lines = try String(contentsOfFile: whole + "/samples.csv", encoding: .utf8).split(separator: "\n").map(String.init)
            #expect(lines[0] == "run,note,users,pair,cut")
            let notes = ["plain", "\"a, b\"", "\"say \"\"hi\"\"\"", "\" padded\"", "16"]
            let users = ["[agri]", "\"[manu, agri]\""]
            for run in 0..<plan.runCount {
                let cut = NumberFormatting.shortest(plan.samples[run, 3])
                let expected = [
                    "\(run)", notes[Int(plan.samples[run, 0])], users[Int(plan.samples[run, 1])],
                    plan.samples[run, 2] == 0 ? "true" : "false", cut,
                ]
                #expect(lines[run + 1] == expected.joined(separator: ","))
            }
            // Every level is drawn at least once in 16 runs of this seed, so each quoting case is seen.
            #expect(Set((0..<plan.runCount).map { plan.samples[$0, 0] }).count == 5)
            // The manifest records the levels, so that merge reads them back.
            let manifest = try #require(
                JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: whole + "/manifest.json"))) as? [String: Any])
            let sweep = try #require(manifest["sweep"] as? [String: Any])
            let levels = try #require(sweep["parameter_levels"] as? [Any])
            #expect(levels.count == 4 && levels[3] is NSNull)
            #expect(levels[1] as? [String] == ["[agri]", "[manu, agri]"])
            #expect((manifest["parameters"] as? [String: String])?["parameter.users"] == "critical_inputs.pairs[1].for ~ discrete([agri], [manu, agri])")

            let shards = try (0..<3).map {
                try Structure.runSweep(Self.quotedLevels, in: directory, out: "shard-\($0)", batch: 3, shard: SweepShard(index: $0, count: 3))
            }
            let merged = directory + "/merged"
            _ = try SweepMerger.merge(shards.reversed(), into: merged)
            for name in ["samples.csv", "outputs.csv", "sensitivity.csv"] {
                #expect(try Data(contentsOf: URL(fileURLWithPath: merged + "/" + name)) == Data(contentsOf: URL(fileURLWithPath: whole + "/" + name)), "\(name)")
            }
        }
    }

    @Test("merge refuses a samples.csv whose level is not one of the parameter's")
    func mergeRefusesUnknownLevels() throws {
        try withTemporaryDirectory { directory in
            let shards = try (0..<2).map {
                try Structure.runSweep(Self.quotedLevels, in: directory, out: "shard-\($0)", batch: 8, shard: SweepShard(index: $0, count: 2))
            }
            let samples = shards[1] + "/samples.csv"
            let text = try String(contentsOfFile: samples, encoding: .utf8)
            let broken = text.replacingOccurrences(of: "\"[manu, agri]\"", with: "\"[manu, agr]\"").replacingOccurrences(of: ",[agri],", with: ",[agr],")
            #expect(broken != text)
            try Data(broken.utf8).write(to: URL(fileURLWithPath: samples))
            #expect(throws: DataFileError.self) { try SweepMerger.merge(shards, into: directory + "/merged") }
        }
    }

    @Test(
        "the indices see a level's index 0…k−1: Sobol', Morris and regression as computed on the index matrix",
        arguments: ["{method: saltelli, samples: 8, seed: 3}", "{method: morris, samples: 6, levels: 4, seed: 3}", "{method: lhs, samples: 24, seed: 3}"])
    func indicesAreComputedOnTheLevelIndex(design: String) throws {
        try withTemporaryDirectory { directory in
            let text = SweepTestSupport.sweep(
                """
                design: \(design)
                parameters:
                  - {path: "critical_inputs.pairs[0].enabled", name: pair, distribution: discrete, levels: [true, false]}
                  - {path: substitution.chips.sector, name: sector, distribution: discrete, levels: [manu, agri]}
                  - {path: shocks.chip-imports.magnitude, name: cut, distribution: uniform, lower: 0.2, upper: 1}
                """ + "\n" + Structure.outputs, scenario: Structure.inline(Structure.scenario(threshold: "0.15")))
            let (plan, _) = try SweepTestSupport.plan(text, in: directory)
            let folder = try Structure.runSweep(text, in: directory, out: "indices", batch: 64)
            let outputs = try Structure.rows(folder + "/outputs.csv").map { try $0.dropFirst().map { try #require(Double($0)) } }
            // The samples as the analyses take them: level indices for `pair` and `sector`.
            let index = try SweepTables.readSamples(folder + "/samples.csv", names: plan.problem.names, levels: plan.parameterLevels)
            #expect(SweepTables.matrix(index.rows, columns: 3) == plan.samples)
            #expect(Set(index.rows.map { $0[0] }) == [0, 1] && Set(index.rows.map { $0[1] }) == [0, 1])
            let expected = try SweepSensitivityTable.build(
                plan.analysis, samples: plan.samples, outputs: SweepTables.matrix(outputs, columns: plan.outputNames.count))
            #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/sensitivity.csv")) == Data(expected))
            // And the pair's switch moves the loss: its total Sobol' index, |μ| or rank correlation is not 0.
            let rows = try Structure.rows(folder + "/sensitivity.csv")
            let pair = try #require(rows.first { $0[1] == "cumulative_value_added_loss" && $0[2] == "pair" && ["ST", "mu_star", "spearman"].contains($0[3]) })
            #expect(abs(try #require(Double(pair[4]))) > 0.01)
        }
    }

    @Test("planning tells levels that read alike, a level at a section, and runs by their levels")
    func planningProblems() throws {
        func problems(_ parameter: String) throws -> [String] {
            try SweepTestSupport.problems(SweepTestSupport.sweep(
                "design: {method: grid, samples: 2}\nparameters:\n  - \(parameter)\n" + Structure.outputs,
                scenario: Structure.inline(Structure.scenario())))
        }
        #expect(try problems("{path: substitution.chips.sector, distribution: discrete, levels: [manu, \"manu\"]}") == [
            "parameters[0].levels[1]: the level `manu` is given twice: levels that are not all numbers must differ as `samples.csv` writes them"
        ])
        #expect(try problems("{path: critical_inputs, distribution: discrete, levels: [a, b]}") == [
            "parameters[0].path: `critical_inputs`: `critical_inputs` is a section of the scenario; a level replaces a single value "
                + "or a list: name one of its fields"
        ])
        #expect(try problems("{path: substitution.chips.sector, distribution: discrete, levels: [manu, {a: 1}, ~]}") == [
            "parameters[0].levels[1]: expected a number, text, true or false, or a list of them (for a discrete distribution), found a mapping (key: value pairs)",
            "parameters[0].levels[2]: expected a number, text, true or false, or a list of them (for a discrete distribution), found an empty value",
        ])
        // The scenario schema checks each run's level; the runs are told by their levels as written.
        let runs = try problems("{path: \"critical_inputs.pairs[0].for\", name: users, distribution: discrete, levels: [manu, [agri, mnu]]}")
        #expect(runs.count == 1)
        #expect(runs.first?.hasPrefix("parameters: run 1 (users = [agri, mnu]): critical_inputs.pairs[0].for[1]: unknown sector 'mnu'") == true)
    }

    @Test("a level may replace a list (a selector) or a value; a number replaces a value only")
    func levelsReplaceValuesAndLists() throws {
        let scenario = try #require(try Yams.compose(yaml: "critical_inputs:\n  pairs:\n    - {input: \"20\", for: [\"16\", \"17\"]}\n"))
        let users = try ScenarioValuePath.parse("critical_inputs.pairs[0].for").get()
        let level = SweepLevel.list([.scalar("16", quoted: false), .scalar("18", quoted: true)])
        let edited = try users.setting(level.node, in: scenario, isLevel: true)
        #expect(edited["critical_inputs"]?["pairs"]?[0]?["for"] == level.node)
        #expect(edited["critical_inputs"]?["pairs"]?[0]?["for"]?[1]?.scalar?.style == .doubleQuoted)
        #expect(try users.setting(SweepLevel.scalar("16", quoted: false).node, in: scenario, isLevel: true)["critical_inputs"]?["pairs"]?[0]?["for"] == "16")
        #expect(throws: ScenarioValuePathError.self) {
            try users.setting(Node("16"), in: scenario)
        }
        #expect(throws: ScenarioValuePathError.notAValue(path: "critical_inputs")) {
            try ScenarioValuePath.parse("critical_inputs").get().setting(level.node, in: scenario, isLevel: true)
        }
        #expect(level.text == "[16, 18]")
        #expect(SweepLevel.scalar("0.10", quoted: false).number == 0.1)
        #expect(SweepLevel.scalar("0.10", quoted: true).number == nil && SweepLevel.scalar("true", quoted: false).number == nil)
    }
}
