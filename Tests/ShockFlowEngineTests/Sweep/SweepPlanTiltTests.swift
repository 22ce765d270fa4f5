import Foundation
import ShockFlowModel
import ShockFlowTestSupport
import Testing
@testable import ShockFlowEngine
@testable import ShockFlowFormats

/// The numbers that turn a plan table into tilts are sweep parameters (issue 17): the tilt of a kind,
/// the weight of a grade, the national layer on or off and the combine rule. Every run's π is the rule
/// applied by hand to the table of PlanWeightsTests with the run's values, and all runs share one
/// factored model (the plan acts through W(0) only).
@Suite struct SweepPlanTiltTests {
    static let sweep = """
        schema_version: 1
        name: plan-sweep
        scenario:
          schema_version: 1
          name: plan-base
          economy: economy
          horizon: {periods: 4}
          plan: {priorities: plan.csv}
          shocks:
            - {id: chips, kind: import, products: "20", magnitude: 0.5}
        design: {method: random, samples: 16, seed: 3}
        parameters:
          - {path: plan.tilt.emerging, name: emerging, distribution: uniform, lower: 0, upper: 1}
          - {path: plan.tilt.future, name: future, distribution: uniform, lower: 0, upper: 1}
          - {path: plan.evidence.L, name: low, distribution: uniform, lower: 0, upper: 1}
          - {path: plan.national, name: national, distribution: discrete, levels: [true, false]}
          - {path: plan.combine, name: combine, distribution: discrete, levels: [max, sum]}
        outputs:
          - {summary: cumulative_value_added_loss}
        """

    /// π of the 12 cells (BJ, ZJ, SH × 01, 16, 20, 31) from the table's rows: ZJ AI 31;20 emerging S,
    /// ZJ chips 20 future P, ZJ robots 16 emerging L, BJ chips 20 leading S (0.5, not swept), national
    /// 20;31 emerging S.
    static func tilts(emerging: Double, future: Double, low: Double, national: Bool, sum: Bool) -> [Double] {
        let combined = sum ? emerging + future : max(emerging, future)
        let own: [Double] = [0, 0, 0.5, 0, 0, emerging * low, combined, emerging, 0, 0, 0, 0]
        let layer: [Double] = national ? [0, 0, emerging, emerging] : [0, 0, 0, 0]
        return (0..<12).map { own[$0] + layer[$0 % 4] }
    }

    @Test func everyRunsTiltsFollowItsValuesOnOneStructure() throws {
        try withTemporaryDirectory { directory in
            try EconomyFolderWriter.write(ScenarioRunFixture.economy(), to: directory + "/economy")
            try writeFile(PlanWeightsTests.table, named: "plan.csv", in: directory)
            let (plan, _) = try SweepTestSupport.plan(Self.sweep, in: directory)
            #expect(plan.runCount == 16)
            #expect(Set(plan.structureGroups).count == 1, "one factored model for every run")
            var national = Set<Double>(), combine = Set<Double>()
            for run in 0..<plan.runCount {
                let values = (0..<5).map { plan.samples[run, $0] }
                national.insert(values[3])
                combine.insert(values[4])
                let expected = Self.tilts(
                    emerging: values[0], future: values[1], low: values[2], national: values[3] == 0, sum: values[4] == 1)
                let scenario = try plan.variants.scenario(run: run)
                #expect(ScenarioRunFixture.deviation(scenario.planTilt, expected) < 1e-15, "run \(run): \(values)")
            }
            #expect(national == [0, 1] && combine == [0, 1], "both levels of each discrete parameter are drawn")
        }
    }

    /// The plan table is an input of the sweep: its manifest lists the file with its SHA-256, so the
    /// sweep's identity (and a resumed checkpoint) changes with the table.
    @Test func thePlanTableIsAnInputOfTheSweep() throws {
        try withTemporaryDirectory { directory in
            try EconomyFolderWriter.write(ScenarioRunFixture.economy(), to: directory + "/economy")
            let table = try writeFile(PlanWeightsTests.table, named: "plan.csv", in: directory)
            let sweep = try writeFile(
                Self.sweep.replacingOccurrences(of: "samples: 16", with: "samples: 8"), named: "sweep.yaml", in: directory)
            var options = SweepRunner.Options()
            options.output = directory + "/out"
            options.workers = 1
            let folder = try SweepRunner.run(sweepFile: sweep, options: options).folder
            let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json")))
            let inputs = ((manifest as? [String: Any])?["inputs"] as? [[String: String]]) ?? []
            let path = URL(fileURLWithPath: table).standardizedFileURL.path
            #expect(inputs.first { $0["path"] == path }?["sha256"] == SHA256.hex(ofFileAt: table))
        }
    }
}
