import Foundation
import ShockFlowLinearAlgebra
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

    /// (P7): with ε = 0.4 the scarcity mark-up adds (I − Aᵀ)⁻¹·ε·(1 − ρ) to every price, ρ the run's rationing
    /// shares and A = Z·diag(x)⁻¹ of the economy, solved here densely; the quantities are byte for byte those
    /// of the run without it, and ε = 0 writes the prices of a scenario without the option.
    @Test func scarcityMarkupAddsTheLeontiefPriceOfUnmetOrders() throws {
        let base = """
            schema_version: 1
            name: scarcity
            economy: economy
            horizon: {periods: 3}
            shocks:
              - {id: cut, kind: capacity, regions: CN-BJ, sectors: "*", magnitude: 0.3, profile: {type: step, start: 1}}
            """
        func files(_ yaml: String) throws -> (cells: String, prices: String, result: ScenarioRunResult) {
            try ScenarioRunFixture.withRun(yaml) { folder, outcome in
                (try String(contentsOfFile: folder + "/cells.csv", encoding: .utf8),
                 try String(contentsOfFile: folder + "/prices.csv", encoding: .utf8), outcome.result)
            }
        }
        let without = try files(base), zero = try files(base + "\nprices: {scarcity_elasticity: 0}")
        let marked = try files(base + "\nprices: {scarcity_elasticity: 0.4}")
        #expect(zero.prices == without.prices && zero.cells == without.cells)
        #expect(marked.cells == without.cells, "prices do not feed back into quantities")
        #expect(marked.prices != without.prices)

        let economy = try ScenarioRunFixture.economy()
        let a = try economy.intermediateFlows.scalingColumns(by: economy.grossOutput.map { 1 / $0 })
        let solver = try LUFactorization(a.identityMinus().transposed)
        let rationing = try #require(marked.result.cellMetrics.first { $0.name == "rationing" })
        let prices = try #require(marked.result.prices)
        var rationed = 0
        for period in 0..<3 {
            for (shares, levels) in [(rationing.scenario[period], prices.cells.scenario[period]), (rationing.baseline[period], prices.cells.baseline[period])] {
                rationed += shares.filter { $0 < 1 }.count
                let expected = try solver.solve(shares.map { 0.4 * max(0, 1 - $0) })
                #expect(ScenarioRunFixture.deviation(levels.map { $0 - 1 }, expected) <= 1e-12, "period \(period)")
            }
        }
        #expect(rationed >= 4, "the cut rations Beijing's cells")
    }
}

