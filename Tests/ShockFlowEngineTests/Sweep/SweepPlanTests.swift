import Foundation
import ShockFlowModel
import ShockFlowTestSupport
import Testing
@testable import ShockFlowEngine
@testable import ShockFlowFormats

@Suite("Sweep files: planning and bad input")
struct SweepPlanTests {
    private let uniformMagnitude = """
        design: {method: lhs, samples: 8, seed: 2}
        parameters:
          - {path: shocks.chip-imports.magnitude, name: cut, distribution: uniform, lower: 0.2, upper: 1}
        """

    @Test("every run's scenario is the base with the run's values written at the paths")
    func runsCarryTheirValues() throws {
        try withTemporaryDirectory { directory in
            let text = SweepTestSupport.sweep(
                """
                design: {method: random, samples: 6, seed: 5}
                parameters:
                  - {path: shocks.chip-imports.magnitude, name: cut, distribution: uniform, lower: 0.2, upper: 1}
                  - {path: "substitution[0].theta", name: theta, distribution: discrete, levels: [0, 0.25, 1]}
                  - {path: investment.eta, name: eta, distribution: log_uniform, lower: 0.5, upper: 2}
                """ + "\n" + SweepTestSupport.outputs)
            let (plan, _) = try SweepTestSupport.plan(text, in: directory)
            #expect(plan.runCount == 6)
            #expect(plan.problem.names == ["cut", "theta", "eta"])
            for run in 0..<plan.runCount {
                let scenario = try plan.variants.scenario(run: run)
                #expect(scenario.shocks[0].magnitude == plan.samples[run, 0])
                #expect(scenario.substitutions[0].theta == plan.samples[run, 1])
                #expect([0, 0.25, 1].contains(plan.samples[run, 1]))
                #expect(scenario.investment?.eta == plan.samples[run, 2])
                // What the sweep does not vary stays as written.
                #expect(scenario.shocks[0].share == 1)
                #expect(scenario.horizon.periods == 8)
            }
            // Sweeps above `SweepVariants.keptRuns` runs make each scenario again when its batch runs: the same scenarios.
            var remade = plan.variants
            remade.kept = nil
            for run in 0..<plan.runCount {
                #expect(try remade.scenario(run: run) == plan.variants.scenario(run: run))
            }
            // One model structure: every run can share one factored model.
            #expect(Set(plan.structureGroups) == [0])
        }
    }

    @Test("a parameter that changes the critical inputs splits the runs into model structures")
    func structureGroups() throws {
        try withTemporaryDirectory { directory in
            let text = SweepTestSupport.sweep(
                """
                design: {method: random, samples: 8, seed: 1}
                parameters:
                  - {path: critical_inputs.threshold, distribution: discrete, levels: [0.05, 0.2]}
                """ + "\n" + SweepTestSupport.outputs)
            let (plan, _) = try SweepTestSupport.plan(text, in: directory)
            for run in 0..<plan.runCount {
                let first = (0..<plan.runCount).first { plan.samples[$0, 0] == plan.samples[run, 0] }
                #expect(plan.structureGroups[run] == first)
            }
            #expect(Set(plan.structureGroups).count == 2)
        }
    }

    @Test("an unknown field in a path is told at the parameter, with the closest field")
    func unknownField() throws {
        let problems = try SweepTestSupport.problems(
            SweepTestSupport.sweep(
                """
                design: {method: lhs, samples: 4}
                parameters:
                  - {path: investment.etaa, distribution: uniform, lower: 0.5, upper: 2}
                """ + "\n" + SweepTestSupport.outputs))
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("parameters[0].path: `investment.etaa`: investment.etaa: unknown field `etaa`") == true)
        #expect(problems.first?.contains("did you mean `eta`?") == true)
    }

    @Test("an unknown shock id is told with the ids the scenario has")
    func unknownShock() throws {
        let problems = try SweepTestSupport.problems(
            SweepTestSupport.sweep(
                """
                design: {method: lhs, samples: 4}
                parameters:
                  - {path: shocks.chips.magnitude, distribution: uniform, lower: 0, upper: 1}
                """ + "\n" + SweepTestSupport.outputs))
        #expect(problems == [
            "parameters[0].path: `shocks.chips.magnitude`: the scenario's `shocks` has no item `chips` (its items: "
                + "`chip-imports`; or use a position such as `shocks[0]`)"
        ])
    }

    @Test("lower above upper, a missing bound, a bad sample size and odd Morris levels are refused")
    func badDistributionsAndDesigns() throws {
        func problems(_ design: String, _ parameter: String) throws -> [String] {
            try SweepTestSupport.problems(
                SweepTestSupport.sweep("design: \(design)\nparameters:\n  - \(parameter)\n" + SweepTestSupport.outputs))
        }
        let reversed = try problems("{method: lhs, samples: 4}", "{path: investment.eta, distribution: uniform, lower: 2, upper: 1}")
        #expect(reversed.first?.contains("the lower bound 2.0 is not below the upper bound 1.0") == true)
        let missing = try problems("{method: lhs, samples: 4}", "{path: investment.eta, distribution: uniform, lower: 2}")
        #expect(missing.first?.hasPrefix("parameters[0].upper: missing required field `upper`") == true)
        let notPowerOfTwo = try problems("{method: saltelli, samples: 6}", "{path: investment.eta, distribution: uniform, lower: 1, upper: 2}")
        #expect(notPowerOfTwo.first?.hasPrefix("design.samples:") == true)
        #expect(notPowerOfTwo.first?.contains("power of 2") == true)
        let grouped = try problems("{method: lhs, samples: 4}", "{path: investment.eta, group: flow, distribution: uniform, lower: 1, upper: 2}")
        #expect(grouped.first?.hasPrefix("parameters[0].group: groups need the `saltelli` design") == true)
        let oddLevels = try problems("{method: morris, samples: 4, levels: 3}", "{path: investment.eta, distribution: uniform, lower: 1, upper: 2}")
        #expect(oddLevels.first?.hasPrefix("design.levels: Morris needs an even number of levels") == true)
    }

    @Test("sizes are bounded before anything is drawn: Morris levels, the runs and the bootstrap's draws")
    func sizesAreBounded() throws {
        func problems(_ design: String) throws -> [String] {
            try SweepTestSupport.problems(
                SweepTestSupport.sweep(
                    "design: \(design)\nparameters:\n  - {path: investment.eta, distribution: uniform, lower: 1, upper: 2}\n"
                        + SweepTestSupport.outputs))
        }
        #expect(try problems("{method: morris, samples: 4, levels: 1000000000000}")
            == ["design.levels: expected a whole number from 2 to 1000, found the number 1000000000000"])
        #expect(try problems("{method: random, samples: 1e12}")
            == ["design.samples: expected a whole number from 1 to 100000000, found the number 1e12"])
        #expect(try problems("{method: random, samples: 2000000}")
            == ["design.samples: the random design with samples 2000000 and 1 parameter has 2000000 runs; a sweep has at most 1000000"])
        #expect(try problems("{method: grid, samples: 100000000}").first?.hasPrefix("design.samples: the grid design") == true)
        #expect(try problems("{method: saltelli, samples: 1024, bootstrap_resamples: 100000}")
            == ["design.bootstrap_resamples: 100000 resamples of 1024 points exceed the 50000000 draws a bootstrap may take: use at most 48828"])
    }

    @Test("an empty list of parameters is told; an empty list of outputs is a sweep without outputs")
    func emptyLists() throws {
        let noParameters = try SweepTestSupport.problems(
            SweepTestSupport.sweep("design: {method: lhs, samples: 4}\nparameters: []\n" + SweepTestSupport.outputs))
        #expect(noParameters == ["parameters: a sweep needs at least one parameter (a path into the scenario and a distribution)"])
        try withTemporaryDirectory { directory in
            let (plan, _) = try SweepTestSupport.plan(
                SweepTestSupport.sweep(uniformMagnitude + "\noutputs: []\n"), in: directory)
            #expect(plan.outputNames.isEmpty && plan.runCount == 8)
        }
    }

    @Test("sampled values outside a field's range are told with the run and its values")
    func valuesOutOfRange() throws {
        let problems = try SweepTestSupport.problems(
            SweepTestSupport.sweep(
                """
                design: {method: lhs, samples: 20, seed: 4}
                parameters:
                  - {path: shocks.chip-imports.magnitude, name: cut, distribution: uniform, lower: 0.5, upper: 1.5}
                """ + "\n" + SweepTestSupport.outputs))
        #expect(problems.count == SweepPlanner.listedFailedRuns + 1)
        #expect(problems.first?.hasPrefix("parameters: run ") == true)
        #expect(problems.first?.contains("shocks[0].magnitude: expected a number in [0, 1]") == true)
        #expect(problems.last?.contains("of 20 runs have scenarios with problems") == true)
    }

    @Test("repeated parameter and output names are refused")
    func repeatedNames() throws {
        let problems = try SweepTestSupport.problems(
            SweepTestSupport.sweep(
                uniformMagnitude + """

                  - {path: investment.eta, name: cut, distribution: uniform, lower: 1, upper: 2}
                outputs:
                  - {summary: cumulative_value_added_loss}
                  - {summary: cumulative_value_added_loss}
                """))
        #expect(problems.contains { $0.hasPrefix("parameters[1]: the parameter name `cut` is used twice") })
        #expect(problems.contains { $0.hasPrefix("outputs[1]: the output name `cumulative_value_added_loss` is used twice") })
    }

    @Test("a newer sweep schema version is refused")
    func newerVersion() throws {
        let problems = try SweepTestSupport.problems("schema_version: 2\nname: x\n")
        #expect(problems.first?.contains("sweep schema version 2") == true)
    }
}
