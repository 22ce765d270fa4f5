import Foundation
import ShockFlowLinearAlgebra
import ShockFlowModel
import ShockFlowTestSupport
import Testing
@testable import ShockFlowFormats

/// The built china-2017 table against the independent numpy implementation of the same method
/// (`scripts/fixtures/china_reference.py`, fixture `Fixtures/china-2017/reference.json`).
@Suite struct ChinaBuildReferenceTests {
    /// Inter-provincial flows of product p read back from the table: origin o's sales to the
    /// intermediate and domestic final users of destination d ≠ o.
    static func flows(of p: Int, in economy: Economy) -> Matrix {
        let s = economy.sectorCount, categories = economy.finalDemandCategories.count
        var flows = Matrix(rows: economy.regionCount, columns: economy.regionCount)
        for o in 0..<economy.regionCount {
            for d in 0..<economy.regionCount where d != o {
                var total = 0.0
                for sector in 0..<s { total += economy.intermediateFlows[o * s + p, d * s + sector] }
                for c in 0..<ChinaMRIOBuilder.domesticFinalDemandCategories.count {
                    total += economy.finalDemand[o * s + p, d * categories + c]
                }
                flows[o, d] = total
            }
        }
        return flows
    }

    /// RAS met its targets: every province sells to the others its reconciled outflow and buys its
    /// reconciled inflow of every product (targets from numpy), to 1e-9 relative.
    @Test func balancedFlowsMeetTheReconciledTargets() throws {
        let economy = try ChinaBuildFixture.get().economy
        let reference = try ChinaBuildFixture.reference()
        let outflows = try reference.rows("reconciledOutflows"), inflows = try reference.rows("reconciledInflows")
        var shipped: [Double] = [], received: [Double] = [], expectedOut: [Double] = [], expectedIn: [Double] = []
        for p in 0..<42 {
            let flows = Self.flows(of: p, in: economy)
            let rowSums = try flows.rowSums(), columnSums = try flows.columnSums()
            for r in 0..<31 {
                shipped.append(rowSums[r])
                received.append(columnSums[r])
                expectedOut.append(outflows[r][p])
                expectedIn.append(inflows[r][p])
            }
        }
        expectClose(shipped, expectedOut, relative: 1e-9, floor: .absolute(1), "outflows")
        expectClose(received, expectedIn, relative: 1e-9, floor: .absolute(1), "inflows")
    }

    /// The balanced flows of product 14 (metals), the region-by-region sums of Z, the totals and
    /// the adjustments agree with numpy to 1e-9 relative.
    @Test func flowsTotalsAndAdjustmentsMatchNumpy() throws {
        let built = try ChinaBuildFixture.get()
        let reference = try ChinaBuildFixture.reference()
        let report = built.report.construction
        let metals = Self.flows(of: 13, in: built.economy)
        expectClose(metals.transposed.elements, try reference.rows("flows").flatMap { $0 }, relative: 1e-9, floor: .absolute(1), "flows of 14")

        var blocks: [Double] = []
        for o in 0..<31 {
            for d in 0..<31 {
                var total = 0.0
                for p in 0..<42 { for s in 0..<42 { total += built.economy.intermediateFlows[o * 42 + p, d * 42 + s] } }
                blocks.append(total)
            }
        }
        expectClose(blocks, try reference.rows("regionBlockSums").flatMap { $0 }, relative: 1e-9, floor: .absolute(1), "Z blocks")

        let totals = try reference.object("builtTotals")
        expectClose(
            [report.builtTotals.output, report.builtTotals.valueAdded, report.builtTotals.imports],
            [try totals.number("output"), try totals.number("valueAdded"), try totals.number("imports")],
            relative: 1e-12, floor: .none, "built totals")
        expectClose(report.builtTotals.finalUseByCategory, try totals.numbers("finalUseByCategory"), relative: 1e-9, floor: .none, "final use")
        expectClose(report.reExports.removedByPair, try reference.numbers("reExportCutsByPair"), relative: 1e-9, floor: .none, "re-exports")
        let underReporting = try #require(report.underReporting)
        #expect(underReporting.regions.map { built.economy.regions[$0].code }
            == (reference["underReportingRegions"] as? [String] ?? []))
        expectClose(underReporting.addedByRegion, try reference.numbers("underReportingAddedByRegion"), relative: 1e-9, floor: .absolute(1), "raised")
        expectClose(report.discrepancyByProduct, try reference.numbers("discrepancyByProduct"), relative: 1e-9, floor: .absolute(1e4), "discrepancy")
        expectClose(report.ownSupplyShares, try reference.numbers("ownSupplyShares"), relative: 1e-9, floor: .none, "own supply")
        expectClose(
            [report.interRegionalTrade, report.meanTradeDistance],
            [try reference.number("interRegionalTrade"), try reference.number("meanTradeDistance")], relative: 1e-9, floor: .none, "trade")
    }

    /// Output multipliers (MODEL (9)) of the built table equal numpy's, range 1.00–3.96.
    @Test func outputMultipliersMatchNumpy() throws {
        let economy = try ChinaBuildFixture.get().economy
        let multipliers = try InputOutputAnalysis(economy: economy).multipliersAndLinkages().outputMultipliers
        expectClose(multipliers, try ChinaBuildFixture.reference().numbers("outputMultipliers"), relative: 1e-9, floor: .none, "multipliers")
    }

    /// The national totals the report compares against are the NBS table's (read independently by numpy).
    @Test func nationalTotalsMatchNumpy() throws {
        let national = try #require(try ChinaBuildFixture.get().report.national)
        let reference = try ChinaBuildFixture.reference().object("national")
        let category = { (code: String) in national.categories.firstIndex { $0.code == code }.map { national.totals.finalUseByCategory[$0] } ?? .nan }
        expectClose(
            [national.totals.output, national.totals.valueAdded, national.totals.imports, category("consumption"),
             category("gfcf"), category("inventories"), category("exports")],
            try ["output", "valueAdded", "imports", "consumption", "gfcf", "inventories", "exports"].map { try reference.number($0) },
            relative: 1e-12, floor: .none, "national totals")
        expectClose(national.outputBySector, try reference.numbers("outputBySector"), relative: 1e-12, floor: .none, "national output")
    }
}
