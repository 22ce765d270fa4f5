import Foundation
import ShockFlowModel
import ShockFlowTestSupport
import Testing
@testable import ShockFlowEngine

/// Prices in a run (docs/prices.md, docs/results-format.md): exactly 1 without price shocks, the dynamic
/// model's periods following the profile, and `compare` against a run made before prices existed.
@Suite struct RunPricesTests {
    static let yaml = """
        schema_version: 1
        name: prices
        economy: economy
        horizon: {periods: 4}
        shocks:
          - {id: cut, kind: capacity, regions: "*", sectors: "*", magnitude: 0.1, profile: {type: step, start: 1}}
          - {id: dearer, kind: import_price, products: "*", magnitude: 0.3, profile: {type: ramp, start: 1, periods: 2}}
        """

    /// The baseline's prices are exactly 1; the scenario's price change is 0 in period 0 (before the
    /// shock) and in period 1 half of period 2's (a ramp scales one pattern: Δp is linear in it).
    @Test func pricesFollowTheProfileAndTheBaselineStaysAtOne() throws {
        try ScenarioRunFixture.withRun(Self.yaml) { folder, outcome in
            let prices = try #require(outcome.result.prices)
            #expect(prices.cells.baseline.allSatisfy { $0.allSatisfy { $0 == 1 } })
            #expect(prices.cells.scenario[0].allSatisfy { $0 == 1 })
            let half = prices.cells.scenario[1].map { $0 - 1 }, full = prices.cells.scenario[2].map { $0 - 1 }
            #expect(full.contains { $0 > 0 })
            #expect(ScenarioRunFixture.deviation(half.map { 2 * $0 }, full) <= 1e-14)
            let table = try ScenarioRunFixture.table(folder + "/prices.csv")
            #expect(table.header == ["period", "region", "sector", "price_baseline", "price_scenario", "difference", "relative"])
            #expect(table.rows.count == 4 * outcome.result.economy.cellCount)
        }
    }

    /// A run without price files and price rows (as made before prices existed) against the same run
    /// with them: the summary comparison passes its tolerance, listing the new rows and files as new.
    @Test func compareListsPricesAsNewAgainstARunMadeBeforeThem() throws {
        try ScenarioRunFixture.withRun(Self.yaml) { folder, _ in
            let old = folder + "-old"
            try FileManager.default.copyItem(atPath: folder, toPath: old)
            for file in ["prices.csv", "price_indices.csv"] { try FileManager.default.removeItem(atPath: old + "/" + file) }
            let summary = try String(contentsOfFile: old + "/summary.csv", encoding: .utf8).split(separator: "\n")
            let kept = summary.filter { !($0.hasPrefix("peak_cpi") || $0.hasPrefix("peak_ppi") || $0.hasPrefix("peak_gfcf") || $0.hasPrefix("cpi_region") || $0.hasPrefix("sector_price")) }
            #expect(kept.count < summary.count)
            try (kept.joined(separator: "\n") + "\n").write(toFile: old + "/summary.csv", atomically: true, encoding: .utf8)
            let options = ComparisonOptions(level: .summary, tolerance: ComparisonTolerance())
            let report = try RunComparison.compare([old, folder], options: options)
            #expect(report.tally.agreesWithinTolerance)
            #expect(report.tally.newMetrics.contains("peak_cpi_change_percent"))
            #expect(report.notes.contains { $0.hasPrefix("prices.csv is new in B") })
            let cells = try RunComparison.compare([old, folder], options: ComparisonOptions(tolerance: ComparisonTolerance()))
            #expect(cells.tally.isIdentical)
            let prices = try RunComparison.compare([folder, folder], options: ComparisonOptions(level: .prices))
            #expect(prices.tally.isIdentical && prices.tally.metrics.map(\.metric) == ["price"])
        }
    }
}
