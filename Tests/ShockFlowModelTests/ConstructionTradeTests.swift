import ShockFlowLinearAlgebra
import Testing
@testable import ShockFlowModel

/// The trade fixes before balancing: transit removal, the under-reporter fix, trade totals.
@Suite struct ConstructionTradeTests {
    /// One product: output 10, exports 6, outflows 8, imports 3, inflows 2, home use 1. Local supply
    /// is −4 (10 − 6 − 8, and 1 − 2 − 3): outflow and inflow are cut by 2 (all the inflow), then
    /// export and import by the remaining 2; the row identity still holds and local supply is 0.
    @Test func reExportsAreRemovedInPairs() throws {
        var tables = [try singleRegionTable(use: [[1]], exports: [6], outflows: [8], imports: [3], inflows: [2])]
        let before = tables[0].balance()
        let report = removeReExports(from: &tables)
        #expect(report.excessBefore == 4 && report.cellCount == 1 && report.remainingExcess == 0)
        #expect(report.removedByPair == [2, 2, 0, 0])
        #expect(report.removedByRegion == [4])
        #expect(tables[0].outflows == [6] && tables[0].inflows == [0])
        #expect(tables[0].exports == [4] && tables[0].imports == [1])
        #expect(tables[0].localSupply(homeUse: tables[0].homeUse()) == [0])
        #expect(tables[0].balance().worstRowResidual == before.worstRowResidual)
    }

    /// Only when outflow–inflow and export–import pairs are used up do outflows pair with
    /// imports (re-shipped foreign goods), then exports with inflows.
    @Test func laterPairsTakeWhatTheFirstCannot() throws {
        var tables = [try singleRegionTable(use: [[1]], exports: [3], outflows: [10], imports: [9], inflows: [1])]
        // Output = 1 + 3 + 10 − 9 − 1 = 4; local supply 4 − 3 − 10 = −9.
        let report = removeReExports(from: &tables)
        #expect(report.removedByPair == [1, 3, 5, 0])
        #expect(tables[0].outflows == [4] && tables[0].imports == [1] && tables[0].exports == [0])
        #expect(tables[0].localSupply(homeUse: tables[0].homeUse()) == [0])
    }

    /// A balanced two-product table with output 0 raised by 2 and output 1 lowered by 0.5: the
    /// worst row and column residual are both 2, at product and sector 0.
    @Test func balanceNamesTheWorstRowAndColumn() throws {
        var table = try singleRegionTable(
            use: [[10, 5], [3, 8]], final: [[20], [30]], exports: [4, 1], outflows: [6, 2], imports: [2, 3],
            inflows: [1, 5])
        #expect(table.balance().worstRowResidual < 1e-12 && table.balance().worstColumnResidual < 1e-12)
        table.grossOutput[0] += 2
        table.grossOutput[1] -= 0.5
        let balance = table.balance()
        #expect(abs(balance.worstRowResidual - 2) < 1e-12 && balance.worstRowProduct == 0)
        #expect(abs(balance.worstColumnResidual - 2) < 1e-12 && balance.worstColumnSector == 0)
        #expect(abs(balance.worstRowRelativeResidual - 2 / table.grossOutput[0]) < 1e-15)
    }

    /// A negative inflow of −1e-8 and an output of 4e-9 are round-off: both become exact zeros.
    @Test func roundOffBecomesExactZero() throws {
        var tables = [try singleRegionTable(use: [[5]], exports: [0], outflows: [1], imports: [0], inflows: [-1e-8])]
        let report = cleanRoundOff(in: &tables, outputThreshold: 1e-6)
        #expect(report.negativeTradeCount == 1 && report.negativeTradeTotal == 1e-8 && tables[0].inflows == [0])
        #expect(report.zeroedOutputCount == 0)
        tables[0].grossOutput[0] = 4e-9
        #expect(cleanRoundOff(in: &tables, outputThreshold: 1e-6).zeroedOutputCount == 1 && tables[0].grossOutput == [0])
    }

    /// Five regions with output 100, no exports, and outflows 40, 50, 60, 5, 30 (ratios median 0.4):
    /// only the fourth is below half the median. The product's outflow rates among the others
    /// (0.4, 0.5, 0.6, 0.3) have median 0.45, so its outflow rises from 5 to 45 and its inflow by 40.
    @Test func underReportersAreRaisedToTheMedianRate() throws {
        let outflows = [40.0, 50, 60, 5, 30]
        var tables = try outflows.map {
            try singleRegionTable(use: [[100 - $0]], exports: [0], outflows: [$0], imports: [0], inflows: [0])
        }
        let report = raiseUnderReportedTrade(in: &tables, thresholdShareOfMedian: 0.5)
        #expect(report.regions == [3])
        #expect(abs(report.medianOutflowRatio - 0.4) < 1e-15)
        #expect(abs(report.productOutflowRates[0] - 0.45) < 1e-15)
        #expect(abs(tables[3].outflows[0] - 45) < 1e-12 && abs(tables[3].inflows[0] - 40) < 1e-12)
        #expect(abs(report.added - 40) < 1e-12)
        #expect(tables[0].outflows == [40] && tables[0].inflows == [0])
    }

    /// Outflows 2 + 4 = 6 against inflows 8 + 6 = 14, mean 10; local supplies 2 and 20, so each
    /// region's trade may move by 1 and 10. Outflows rise by a common factor, region 0 stopping at
    /// 2 + 1 = 3, region 1 taking the rest (7). Inflows fall by a common factor, region 0 stopping at
    /// 8 − 1 = 7, region 1 taking the rest (3).
    @Test func meanRuleMovesBothSidesWithinTheCaps() throws {
        var tables = try Self.twoRegions(outflows: [2, 4], inflows: [8, 6], localSupplies: [2, 20])
        let report = reconcileTradeTotals(in: &tables, rule: .mean, shareCap: 0.5)[0]
        #expect(abs(tables[0].outflows[0] - 3) < 1e-12 && abs(tables[1].outflows[0] - 7) < 1e-12)
        #expect(abs(tables[0].inflows[0] - 7) < 1e-12 && abs(tables[1].inflows[0] - 3) < 1e-12)
        #expect(report.target == 10 && abs(report.reconciledTotal - 10) < 1e-12)
        #expect(report.raisedSide == .outflows && report.cappedRegionCount == 1 && report.inflowsBookedAsImports == 0)
    }

    /// Inflows must come down to the outflows (6), but region 0 (local supply 2) can replace only 1
    /// of its 8 by own output: the floors 7 + 0 exceed 6, so inflows become the floors scaled to 6
    /// (6 and 0) and region 0's remaining 1 is booked as imports.
    @Test func inflowsNoOneCanShipBecomeImports() throws {
        var tables = try Self.twoRegions(outflows: [2, 4], inflows: [8, 6], localSupplies: [2, 20])
        let report = reconcileTradeTotals(in: &tables, rule: .smaller, shareCap: 0.5)[0]
        #expect(tables[0].outflows == [2] && tables[1].outflows == [4])
        #expect(abs(tables[0].inflows[0] - 6) < 1e-12 && tables[1].inflows[0] == 0)
        #expect(abs(tables[0].imports[0] - 1) < 1e-12 && tables[1].imports[0] == 0)
        #expect(abs(report.inflowsBookedAsImports - 1) < 1e-12 && report.reconciledTotal == 6)
    }

    /// Outflows 1 + 1 against inflows 8 + 8, local supply 2 each: inflows cannot fall below 7 + 7,
    /// so the target rises from the mean 9 to 14, but outflows reach only 2 + 2; inflows become 2 + 2
    /// and the other 10 are imports.
    @Test func shortOfCapacityBooksTheRestAsImports() throws {
        var tables = try Self.twoRegions(outflows: [1, 1], inflows: [8, 8], localSupplies: [2, 2])
        let report = reconcileTradeTotals(in: &tables, rule: .mean, shareCap: 0.5)[0]
        #expect(report.target == 14 && report.reconciledTotal == 4 && report.inflowsBookedAsImports == 10)
        #expect(tables.map { $0.outflows[0] } == [2, 2] && tables.map { $0.inflows[0] } == [2, 2])
        #expect(tables.map { $0.imports[0] } == [5, 5])
    }

    /// More shipped (8 + 6) than received (2 + 4): inflows rise toward the mean 10 within the caps
    /// (1 and 10: 3 and 7), outflows fall proportionally to 10.
    @Test func inflowsRiseWhenOutflowsAreLarger() throws {
        var tables = try Self.twoRegions(outflows: [8, 6], inflows: [2, 4], localSupplies: [2, 20])
        let report = reconcileTradeTotals(in: &tables, rule: .mean, shareCap: 0.5)[0]
        #expect(abs(tables[0].inflows[0] - 3) < 1e-12 && abs(tables[1].inflows[0] - 7) < 1e-12)
        #expect(abs(tables[0].outflows[0] - 80.0 / 14) < 1e-12 && abs(tables[1].outflows[0] - 60.0 / 14) < 1e-12)
        #expect(report.raisedSide == .inflows)
    }

    static func twoRegions(outflows: [Double], inflows: [Double], localSupplies: [Double]) throws -> [SingleRegionTable] {
        try outflows.indices.map {
            try singleRegionTable(
                use: [[0]], exports: [0], outflows: [outflows[$0]], imports: [0], inflows: [inflows[$0]],
                localSupply: localSupplies[$0])
        }
    }
}

/// A one-region table whose output is set by the row identity (so it balances exactly) and whose
/// value added closes the column; with `localSupply`, the intermediate use is chosen to give it.
func singleRegionTable(
    use: [[Double]], final: [[Double]]? = nil, exports: [Double], outflows: [Double], imports: [Double],
    inflows: [Double], discrepancy: [Double]? = nil, localSupply: Double? = nil
) throws -> SingleRegionTable {
    var intermediate = try Matrix(rowMajor: use)
    let products = intermediate.rows
    if let localSupply {
        intermediate[0, 0] = localSupply + inflows[0] + imports[0]
    }
    let finalUse = try final.map { try Matrix(rowMajor: $0) } ?? Matrix(rows: products, columns: 1)
    let errors = discrepancy ?? [Double](repeating: 0, count: products)
    let home = (0..<products).map { p in
        (0..<products).reduce(0) { $0 + intermediate[p, $1] } + (0..<finalUse.columns).reduce(0) { $0 + finalUse[p, $1] }
    }
    let output = (0..<products).map { p -> Double in
        let shipped: Double = exports[p] + outflows[p]
        let bought: Double = imports[p] + inflows[p]
        return home[p] + shipped - bought + errors[p]
    }
    var components = Matrix(rows: 1, columns: products)
    for s in 0..<products { components[0, s] = output[s] - (0..<products).reduce(0) { $0 + intermediate[$1, s] } }
    return SingleRegionTable(
        intermediateUse: intermediate, finalUse: finalUse, exports: exports, outflows: outflows, imports: imports,
        inflows: inflows, statisticalDiscrepancy: errors, grossOutput: output, valueAddedComponents: components,
        reportedValueAdded: components.elements)
}
