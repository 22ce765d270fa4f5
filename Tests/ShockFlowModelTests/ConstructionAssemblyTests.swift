import ShockFlowLinearAlgebra
import ShockFlowTestSupport
import Testing
@testable import ShockFlowModel

/// The whole construction on single-region tables collapsed from a known multi-regional table
/// (3 regions × 2 products): what the method must reproduce whatever its split assumptions.
@Suite struct ConstructionAssemblyTests {
    static let regions = 3, products = 2

    /// A balanced 3×2 MRIO: Z (6×6), one final-demand column per region, exports, imports by
    /// product into cells and final demand; output from the rows, value added closing the columns.
    struct KnownTable {
        var flows = Matrix(rows: 6, columns: 6)
        var finalDemand = Matrix(rows: 6, columns: 3)
        var exports = [Double](repeating: 0, count: 6)
        var imports = Matrix(rows: 2, columns: 6)
        var finalImports = Matrix(rows: 2, columns: 3)
        var output = [Double](repeating: 0, count: 6)

        init() {
            for i in 0..<6 {
                for j in 0..<6 { flows[i, j] = 1 + Double((i * 3 + j * 5) % 4) }
                for d in 0..<3 { finalDemand[i, d] = 20 + 5 * Double((i + d) % 3) }
                exports[i] = 3 + Double(i)
                output[i] = (0..<6).reduce(0) { $0 + flows[i, $1] } + (0..<3).reduce(0) { $0 + finalDemand[i, $1] } + exports[i]
            }
            for p in 0..<2 {
                for j in 0..<6 { imports[p, j] = 0.5 + 0.25 * Double((p + j) % 3) }
                for d in 0..<3 { finalImports[p, d] = 1 + Double(p + d) }
            }
        }

        /// Region d's own table: uses origin-blind (all origins and imports added up), trade as totals.
        func singleRegionTables() -> [SingleRegionTable] {
            let s = ConstructionAssemblyTests.products
            return (0..<ConstructionAssemblyTests.regions).map { d in
                var use = Matrix(rows: s, columns: s), final = Matrix(rows: s, columns: 1)
                var outflows = [Double](repeating: 0, count: s), inflows = outflows, importTotals = outflows
                var components = Matrix(rows: 1, columns: s)
                for p in 0..<s {
                    for o in 0..<ConstructionAssemblyTests.regions {
                        for sector in 0..<s { use[p, sector] += flows[o * s + p, d * s + sector] }
                        final[p, 0] += finalDemand[o * s + p, d]
                        if o != d {
                            inflows[p] += (0..<s).reduce(0) { $0 + flows[o * s + p, d * s + $1] } + finalDemand[o * s + p, d]
                            outflows[p] += (0..<s).reduce(0) { $0 + flows[d * s + p, o * s + $1] } + finalDemand[d * s + p, o]
                        }
                    }
                    for sector in 0..<s { use[p, sector] += imports[p, d * s + sector] }
                    final[p, 0] += finalImports[p, d]
                    importTotals[p] = (0..<s).reduce(0) { $0 + imports[p, d * s + $1] } + finalImports[p, d]
                }
                for sector in 0..<s {
                    components[0, sector] = output[d * s + sector] - (0..<s).reduce(0) { $0 + use[$1, sector] }
                }
                return SingleRegionTable(
                    intermediateUse: use, finalUse: final, exports: Array(exports[(d * s)..<((d + 1) * s)]),
                    outflows: outflows, imports: importTotals, inflows: inflows,
                    statisticalDiscrepancy: [Double](repeating: 0, count: s),
                    grossOutput: Array(output[(d * s)..<((d + 1) * s)]), valueAddedComponents: components,
                    reportedValueAdded: components.elements)
            }
        }
    }

    static func inputs(_ tables: [SingleRegionTable]) throws -> MultiRegionalInputs {
        MultiRegionalInputs(
            tables: tables,
            distances: try Matrix(rowMajor: [[0, 400, 1200], [400, 0, 900], [1200, 900, 0]]),
            regions: ["north", "centre", "south"].map { Label(code: $0) },
            sectors: ["goods", "services"].map { Label(code: $0) },
            domesticFinalDemandCategories: [Label(code: "households")], valueAddedComponentNames: ["value_added"],
            metadata: EconomyMetadata(name: "known"))
    }

    static let noUnderReporterFix = ConstructionOptions(underReportingThreshold: nil)

    /// MODEL (1) and (2) hold (rows to the balancing tolerance 1e-10), Z ≥ 0, and with consistent trade and no ERR the discrepancy column is 0.
    @Test func balancesAndNeedsNoDiscrepancyWhenTradeIsConsistent() throws {
        let (economy, report) = try MultiRegionalConstruction.build(
            Self.inputs(KnownTable().singleRegionTables()), options: Self.noUnderReporterFix)
        let sales = zip(try economy.intermediateFlows.rowSums(), try economy.finalDemand.rowSums()).map { $0 + $1 }
        let inputs = zip(zip(try economy.intermediateFlows.columnSums(), economy.valueAdded), try economy.totalIntermediateImports())
            .map { $0.0 + $0.1 + $1 }
        expectClose(sales, economy.grossOutput, relative: 1e-10, "MODEL (1) sales")
        expectClose(inputs, economy.grossOutput, relative: 1e-12, "MODEL (2) inputs")
        #expect(economy.intermediateFlows.elements.allSatisfy { $0 >= 0 })
        for value in report.discrepancyByProduct { #expect(abs(value) < 1e-10) }
        for trade in report.tradeTotals { #expect(trade.outflowTotal == trade.target || abs(trade.outflowTotal - trade.inflowTotal) < 1e-12) }
        #expect(economy.finalDemandCategories.map(\.code) == ["households", "exports", "discrepancy"])
    }

    /// Adding up origins (and imports) gives back every region's own origin-blind table, and each
    /// region sells to the others exactly its reported outflows and buys its inflows.
    @Test func reproducesTheSingleRegionTables() throws {
        let tables = KnownTable().singleRegionTables()
        let (economy, _) = try MultiRegionalConstruction.build(Self.inputs(tables), options: Self.noUnderReporterFix)
        let s = Self.products
        for d in 0..<Self.regions {
            for p in 0..<s {
                for sector in 0..<s {
                    let column = d * s + sector
                    let origins = (0..<Self.regions).reduce(0) { $0 + economy.intermediateFlows[$1 * s + p, column] }
                    let total = origins + economy.intermediateImports[p, column]
                    #expect(abs(total - tables[d].intermediateUse[p, sector]) <= 1e-12 * tables[d].intermediateUse[p, sector])
                }
                var shipped = 0.0, received = 0.0
                for other in 0..<Self.regions where other != d {
                    for sector in 0..<s {
                        shipped += economy.intermediateFlows[d * s + p, other * s + sector]
                        received += economy.intermediateFlows[other * s + p, d * s + sector]
                    }
                    shipped += economy.finalDemand[d * s + p, other * 3]
                    received += economy.finalDemand[other * s + p, d * 3]
                }
                #expect(abs(shipped - tables[d].outflows[p]) <= 1e-9 * tables[d].outflows[p])
                #expect(abs(received - tables[d].inflows[p]) <= 1e-9 * tables[d].inflows[p])
            }
        }
    }

    /// A region that reports 5 more inflow of goods (and uses 5 more) than the others ship: the
    /// discrepancy of goods is ERR + Σ(outflows − inflows) = −5 under either rule (net exports are
    /// unchanged: no transit and nothing booked as imports), and the table still balances.
    @Test func inconsistentTradeEndsInTheDiscrepancyColumn() throws {
        var tables = KnownTable().singleRegionTables()
        tables[0].inflows[0] += 5
        tables[0].intermediateUse[0, 1] += 5
        tables[0].valueAddedComponents[0, 1] -= 5
        tables[0].reportedValueAdded[1] -= 5
        for rule in TradeTotalsRule.allCases {
            let (economy, report) = try MultiRegionalConstruction.build(
                Self.inputs(tables), options: ConstructionOptions(tradeTotalsRule: rule, underReportingThreshold: nil))
            #expect(abs(report.discrepancyByProduct[0] + 5) < 1e-10)
            #expect(abs(report.discrepancyByProduct[1]) < 1e-10)
            let sales = zip(try economy.intermediateFlows.rowSums(), try economy.finalDemand.rowSums()).map { $0 + $1 }
            expectClose(sales, economy.grossOutput, relative: 1e-10, "MODEL (1) sales, rule \(rule)")
            #expect(abs(report.builtTotals.valueAdded - report.sourceTotals.valueAdded) < 1e-9)
        }
    }

    /// Every user of a product in a region gets the same mix of origins (the proportional-split
    /// assumption): the local share of households equals the local share of each sector.
    @Test func originSharesAreTheSameForEveryUser() throws {
        let (economy, _) = try MultiRegionalConstruction.build(
            Self.inputs(KnownTable().singleRegionTables()), options: Self.noUnderReporterFix)
        let s = Self.products, d = 1, p = 0
        func localShare(of users: [Double], total: [Double]) -> [Double] { zip(users, total).map { $0 / $1 } }
        let sectorsLocal = (0..<s).map { economy.intermediateFlows[d * s + p, d * s + $0] }
        let sectorsTotal = (0..<s).map { sector in
            (0..<Self.regions).reduce(0) { $0 + economy.intermediateFlows[$1 * s + p, d * s + sector] }
                + economy.intermediateImports[p, d * s + sector]
        }
        let households = (0..<Self.regions).reduce(0) { $0 + economy.finalDemand[$1 * s + p, d * 3] }
            + economy.finalDemandImports[p, d * 3]
        let householdShare = economy.finalDemand[d * s + p, d * 3] / households
        for share in localShare(of: sectorsLocal, total: sectorsTotal) { #expect(abs(share - householdShare) < 1e-14) }
    }

    @Test func coincidentRegionsAreRefused() throws {
        var inputs = try Self.inputs(KnownTable().singleRegionTables())
        inputs.distances[0, 2] = 0
        #expect(throws: ConstructionError.invalidDistance(origin: "north", destination: "south", value: 0)) {
            try MultiRegionalConstruction.build(inputs)
        }
    }
}
