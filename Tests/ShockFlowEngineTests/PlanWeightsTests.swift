import Foundation
import ShockFlowEngine
import ShockFlowModel
import ShockFlowTestSupport
import Testing

/// What a plan table does to the investment weights (issue 17, §3): with no shocks the base weights
/// follow the plan tilts exactly as MODEL section 4 says, W(0) ∝ K ∘ exp(π), and stay there until the
/// tilted investment has become capital; the national layer multiplies a sector's weight by the same
/// factor in every province; a province with no rows keeps its untilted share. K is proportional to
/// depreciation (MODEL section 4), 4 % of output in the generated economy, so the expected weights
/// come from the economy's output and π worked out by hand from the rows below, not from the engine.
@Suite struct PlanWeightsTests {
    /// Zhejiang names electronics twice (emerging S, future P) and machinery from an L source; Beijing
    /// names electronics and has a row without sectors; the national layer names electronics and software.
    static let table = """
        region,region_name,priority,sectors,kind,quantity,date,source,grade
        CN-ZJ,Zhejiang,AI highland,31;20,emerging,,,https://example.org/zj,S
        CN-ZJ,Zhejiang,Core chips,20,future,,,https://example.org/zj-chips,P
        CN-ZJ,Zhejiang,Robots,16,emerging,,,https://example.org/zj-robots,L
        CN-BJ,Beijing,Chips,20,leading,,,https://example.org/bj,S
        CN-BJ,Beijing,Targets only,,other,R&D 6%,,https://example.org/bj-targets,P
        CN,China (national layer),New-generation IT,20;31,emerging,,,https://example.org/national,S

        """

    /// π by hand with the default settings (tilts 0.5 emerging and leading, 0.25 future; evidence P 1,
    /// S 1, L 0.5; combine max), cells in the order region × sector (01, 16, 20, 31): the provinces' own
    /// rows, and the national layer (the same in every province).
    static let ownTilts: [Double] = [
        0, 0, 0.5, 0,  // Beijing: chips, leading S
        0, 0.25, 0.5, 0.5,  // Zhejiang: robots emerging L (0.5 × 0.5); chips max(0.5, 0.25); AI 0.5
        0, 0, 0, 0,  // Shanghai: no rows
    ]
    static let nationalTilts: [Double] = [0, 0, 0.5, 0.5]

    static func scenario(national: Bool, periods: Int = 6) -> String {
        """
        schema_version: 1
        name: plan-weights
        economy: economy
        horizon: {periods: \(periods)}
        plan: {priorities: plan.csv, national: \(national)}
        """
    }

    /// The weights of one period of weights.csv in cell order: (baseline, scenario).
    static func weights(period: Int, in folder: String) throws -> (baseline: [Double], scenario: [Double]) {
        let rows = try ScenarioRunFixture.table(folder + "/weights.csv").rows.filter { $0[0] == String(period) }
        return (rows.map { Double($0[3]) ?? .nan }, rows.map { Double($0[4]) ?? .nan })
    }

    /// D ∘ exp(π), normalised.
    static func expectedWeights(_ pi: [Double]) throws -> [Double] {
        let output = try ScenarioRunFixture.economy().grossOutput
        let raw = zip(output, pi).map { 0.04 * $0 * exp($1) }
        let total = raw.reduce(0, +)
        return raw.map { $0 / total }
    }

    @Test func baseWeightsAreCapitalTimesTheExponentialOfTheTilts() throws {
        let pi = (0..<12).map { Self.ownTilts[$0] + Self.nationalTilts[$0 % 4] }
        let expected = try Self.expectedWeights(pi)
        try ScenarioRunFixture.withRun(Self.scenario(national: true), files: ["plan.csv": Self.table]) { folder, outcome in
            #expect(outcome.result.scenario.planTilt == pi)
            // Investment before t = 0 is on the balanced path and becomes capital after the gestation lag
            // (G = 4): until then every score of (21) is 0, (22) changes nothing and (23) keeps W(0).
            for period in 0...4 {
                let read = try Self.weights(period: period, in: folder)
                #expect(ScenarioRunFixture.deviation(read.scenario, expected) < 1e-12, "period \(period)")
                #expect(read.baseline == read.scenario, "no shocks: the scenario is its own baseline")
            }
        }
    }

    @Test func theNationalLayerScalesASectorAlikeInEveryProvince() throws {
        let on = try ScenarioRunFixture.withRun(Self.scenario(national: true, periods: 1), files: ["plan.csv": Self.table]) {
            folder, _ in try Self.weights(period: 0, in: folder).scenario
        }
        let off = try ScenarioRunFixture.withRun(Self.scenario(national: false, periods: 1), files: ["plan.csv": Self.table]) {
            folder, _ in try Self.weights(period: 0, in: folder).scenario
        }
        #expect(ScenarioRunFixture.deviation(off, try Self.expectedWeights(Self.ownTilts)) < 1e-12)
        // W_on / W_off = exp(national tilt of the sector) / (a normaliser shared by every cell).
        let ratios = zip(on, off).map { $0 / $1 }
        let normaliser = ratios[0]
        for cell in 0..<12 {
            #expect(isClose(ratios[cell] * exp(-Self.nationalTilts[cell % 4]), normaliser, relative: 1e-12), "cell \(cell)")
        }
    }

    @Test func aProvinceWithNoRowsKeepsItsUntiltedShares() throws {
        let output = try ScenarioRunFixture.economy().grossOutput
        try ScenarioRunFixture.withRun(Self.scenario(national: false, periods: 1), files: ["plan.csv": Self.table]) { folder, outcome in
            let weights = try Self.weights(period: 0, in: folder).scenario
            // Shanghai (cells 8–11) and every untilted cell: weight / output is one number.
            let untilted = (0..<12).filter { Self.ownTilts[$0] == 0 }
            #expect(untilted.contains(8) && untilted.contains(11))
            let perOutput = weights[untilted[0]] / output[untilted[0]]
            for cell in untilted { #expect(isClose(weights[cell] / output[cell], perOutput, relative: 1e-12), "cell \(cell)") }
            #expect(outcome.result.scenario.plan?.provinceTilt[8..<12].allSatisfy { $0 == 0 } == true)
        }
    }

    /// plan.csv: π of every cell, its parts and the table rows behind it.
    @Test func planFileListsEveryCellsTiltAndItsRows() throws {
        let yaml = Self.scenario(national: true, periods: 1) + "\npriorities: [{regions: CN-SH, sectors: \"01\", tilt: 0.3}]\n"
        try ScenarioRunFixture.withRun(yaml, files: ["plan.csv": Self.table]) { folder, _ in
            let table = try ScenarioRunFixture.table(folder + "/plan.csv")
            #expect(table.header == ["region", "sector", "tilt", "table_tilt", "national_tilt", "priorities_tilt", "rows"])
            #expect(table.rows.count == 12)
            let zhejiangChips = table.rows[6], shanghaiFarms = table.rows[8]
            // Rows as file:line, the file as the scenario names it beside the scenario file's path.
            let file = (folder as NSString).deletingLastPathComponent + "/plan.csv"
            #expect(zhejiangChips == ["CN-ZJ", "20", "1", "0.5", "0.5", "0", "\(file):2 \(file):3 \(file):7"])
            #expect(shanghaiFarms == ["CN-SH", "01", "0.3", "0", "0", "0.3", ""])
        }
    }
}
