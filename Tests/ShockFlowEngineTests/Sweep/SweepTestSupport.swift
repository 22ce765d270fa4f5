import Foundation
import ShockFlowTestSupport
@testable import ShockFlowEngine
@testable import ShockFlowFormats

/// Sweep files on the two-region test economy, written into a temporary folder.
enum SweepTestSupport {
    /// A dynamic chip-import scenario on the two-region economy (8 quarters), inline, indented for a sweep file.
    static let dynamicScenario = """
        scenario:
          schema_version: 1
          name: two-region-chips
          economy: \(Fixtures.path("economies/two-region"))
          horizon: {periods: 8, period: quarter, seed: 1}
          shocks:
            - {id: chip-imports, kind: import, products: chips, magnitude: 0.6, profile: {type: recovery, start: 1, half_life: 4}}
          substitution:
            - {product: chips, sector: manu, theta: 0.5}
        """

    /// A sweep file: the header, `scenario` (default: the dynamic one), then `rest` (design, parameters, outputs).
    static func sweep(_ rest: String, scenario: String = dynamicScenario) -> String {
        "schema_version: 1\nname: test-sweep\n" + scenario + "\n" + rest
    }

    static let outputs = """
        outputs:
          - {summary: cumulative_value_added_loss}
          - {name: north_va_loss, metric: value_added, regions: north, statistic: cumulative_loss}
        """

    /// Plans `text` as a sweep file in `directory`.
    static func plan(_ text: String, in directory: String) throws -> (plan: SweepPlan, economy: LoadedEconomy) {
        let path = try writeFile(text, named: "sweep.yaml", in: directory)
        return try SweepDocument(contentsOf: URL(fileURLWithPath: path), shownAs: "sweep.yaml").plan()
    }

    /// The problems planning `text` reports, as `field: message` lines.
    static func problems(_ text: String) throws -> [String] {
        try withTemporaryDirectory { directory in
            do {
                _ = try plan(text, in: directory)
                return []
            } catch let error as ScenarioError {
                return error.problems.map { "\($0.fieldPath): \($0.message)" }
            }
        }
    }
}
