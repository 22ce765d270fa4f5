import Foundation
import ShockFlowLinearAlgebra
import ShockFlowModel
import Testing
@testable import ShockFlowFormats

/// The china-2017 build on the shipped inputs (docs/china-2017.md, "Checks").
@Suite struct ChinaBuildTests {
    /// Every provincial table balances on its own with the sign convention of the notes,
    /// GO = TIU + TFU − IM − IF + ERR (worst row residual 0.29 of 10,000 yuan, Hubei), and its
    /// columns close (GO = inputs + value added) to 2e-7 relative (outputs of round-off size, 5e-9
    /// in Jiangxi 03 and 4e-10 in Tibet 16, have no inputs at all); only Shandong and Chongqing
    /// have a non-zero ERR.
    @Test func provincialTablesBalance() throws {
        let built = try ChinaBuildFixture.get()
        let provinces = try ChinaInputReader.readProvinces(path: built.inputs + "/provinces.csv")
        let sectors = try ChinaInputReader.readSectors(path: built.inputs + "/sectors.csv")
        let tables = try ChinaInputReader.readProvincialTables(
            path: built.inputs + "/prov_io_2017_42sec_long.csv", provinces: provinces, sectors: sectors)
        #expect(tables.count == 31 && sectors.count == 42)
        var worstRow = 0.0, worstColumn = 0.0
        for table in tables {
            for p in 0..<42 {
                var uses = table.exports[p] + table.outflows[p] - table.imports[p] - table.inflows[p]
                uses += table.statisticalDiscrepancy[p]
                for s in 0..<42 { uses += table.intermediateUse[p, s] }
                for c in 0..<table.finalUse.columns { uses += table.finalUse[p, c] }
                worstRow = max(worstRow, abs(table.grossOutput[p] - uses))
                var inputs = 0.0
                for s in 0..<42 { inputs += table.intermediateUse[s, p] }
                for k in 0..<4 { inputs += table.valueAddedComponents[k, p] }
                if table.grossOutput[p] > 1e-6 { worstColumn = max(worstColumn, abs(table.grossOutput[p] - inputs) / table.grossOutput[p]) }
            }
        }
        #expect(worstRow < 0.3)
        #expect(worstColumn < 2e-7)
        let balances = built.report.construction.tableBalances
        #expect(abs((balances.map(\.worstRowResidual).max() ?? 0) - worstRow) < 1e-9)
        let withDiscrepancy = tables.indices.filter { tables[$0].statisticalDiscrepancy.contains { $0 != 0 } }
        #expect(withDiscrepancy.map { provinces[$0].label.code } == ["CN-SD", "CN-CQ"])
    }

    /// MODEL (1) to the RAS tolerance and (2) to the tables' own column precision; Z ≥ 0; every
    /// column sum of A below 1 (the largest is 0.910); `shockflow economy check` passes.
    @Test func builtTableBalances() throws {
        let built = try ChinaBuildFixture.get()
        let economy = built.economy
        #expect(economy.cellCount == 1302 && economy.finalDemandColumns.count == 31 * 6)
        let check = built.report.check
        #expect(check.passed)
        #expect((check.rowBalance?.worstRelativeError ?? 1) < 1e-9)
        #expect((check.columnBalance?.worstRelativeError ?? 1) < 2e-7)
        #expect(economy.intermediateFlows.elements.allSatisfy { $0 >= 0 })
        let purchases = try economy.intermediateFlows.columnSums()
        let largest = purchases.indices.filter { economy.grossOutput[$0] > 0 }.map { purchases[$0] / economy.grossOutput[$0] }.max() ?? 1
        #expect(largest < 0.92)
        #expect(built.report.construction.balancing.allSatisfy { $0.relativeResidual <= 1e-10 })
    }

    /// Region labels answer to ISO code, English and Chinese names; sectors to code and names;
    /// the NBS four regions partition the 31 provinces; metadata says what and in which unit.
    @Test func labelsGroupsAndMetadata() throws {
        let economy = try ChinaBuildFixture.get().economy
        let zhejiang = economy.regions.first { $0.code == "CN-ZJ" }
        #expect(zhejiang?.name == "Zhejiang" && zhejiang?.aliases == ["浙江"])
        #expect(economy.sectors[19].code == "20" && economy.sectors[19].aliases == ["通信设备、计算机和其他电子设备"])
        let groups = economy.metadata.regionGroups
        #expect(["east", "central", "west", "northeast", "coastal"].map { groups[$0]?.count ?? 0 } == [10, 6, 12, 3, 11])
        let four = ["east", "central", "west", "northeast"].flatMap { groups[$0] ?? [] }
        #expect(Set(four) == Set(economy.regions.map(\.code)) && four.count == 31)
        #expect(economy.metadata.name == "china-2017" && economy.metadata.year == 2017)
        #expect(economy.metadata.moneyUnit.hasPrefix("10,000 yuan"))
        #expect(economy.metadata.currency == CurrencyUnit(code: "CNY", scale: 10_000))
        #expect(economy.finalDemandCategories.map(\.code)
            == ["households", "government", "gfcf", "inventories", "exports", "discrepancy"])
        #expect(Set(economy.valueAddedComponents.keys) == Set(ChinaMRIOBuilder.valueAddedComponentNames))
        #expect(economy.importProducts.map(\.code) == economy.sectors.map(\.code))
    }

    /// Summing regions gives back the structure the table was reconciled to, the provinces' own
    /// tables: each province's origin-blind use (all origins plus imports) to 1e-9 relative (the
    /// balancing tolerance and the round-off clamp of local supply), and
    /// its value added to 0.01 of 10,000 yuan of its own TVA row. Against the NBS national table
    /// the documented gaps hold: output 9.1 % above national, value added 2.9 % above, sector
    /// output ratios national/built within 0.66–1.43, total-use coefficients correlated ≥ 0.94.
    @Test func regionsAddUpToTheReconciledStructure() throws {
        let built = try ChinaBuildFixture.get()
        let economy = built.economy
        let provinces = try ChinaInputReader.readProvinces(path: built.inputs + "/provinces.csv")
        let tables = try ChinaInputReader.readProvincialTables(
            path: built.inputs + "/prov_io_2017_42sec_long.csv", provinces: provinces, sectors: economy.sectors)
        var worst = 0.0
        for d in 0..<31 {
            for s in 0..<42 {
                let column = d * 42 + s
                for p in 0..<42 {
                    var total = economy.intermediateImports[p, column]
                    for o in 0..<31 { total += economy.intermediateFlows[o * 42 + p, column] }
                    let expected = tables[d].intermediateUse[p, s]
                    worst = max(worst, abs(total - expected) / max(expected, 1))
                }
            }
        }
        #expect(worst < 1e-9)
        let report = built.report.construction
        for r in 0..<31 { #expect(abs(report.valueAddedByRegion[r] - report.reportedValueAddedByRegion[r]) < 0.05) }

        let national = try #require(built.report.national)
        #expect(abs(report.builtTotals.output / national.totals.output - 1.091) < 0.001)
        #expect(abs(report.builtTotals.valueAdded / national.totals.valueAdded - 1.029) < 0.001)
        let ratios = zip(national.outputBySector, national.builtOutputBySector).map { $0 / $1 }
        #expect((ratios.min() ?? 0) > 0.66 && (ratios.max() ?? 9) < 1.43)

        let nationalEconomy = try NationalTableReader.read(path: built.nationalTable).economy
        var aggregated = [Double](repeating: 0, count: 42 * 42), nbs = aggregated
        for s in 0..<42 {
            for p in 0..<42 {
                var use = 0.0
                for d in 0..<31 {
                    use += economy.intermediateImports[p, d * 42 + s]
                    for o in 0..<31 { use += economy.intermediateFlows[o * 42 + p, d * 42 + s] }
                }
                aggregated[p + 42 * s] = use / national.builtOutputBySector[s]
                nbs[p + 42 * s] = (nationalEconomy.intermediateFlows[p, s] + nationalEconomy.intermediateImports[p, s])
                    / nationalEconomy.grossOutput[s]
            }
        }
        #expect(correlation(aggregated, nbs) >= 0.94)
    }

    /// Building twice gives the same table to the last bit.
    @Test func buildIsReproducible() throws {
        let first = try ChinaBuildFixture.get()
        let (second, report) = try ChinaMRIOBuilder.build(
            inputs: first.inputs, options: ChinaBuildOptions(nationalTablePath: first.nationalTable))
        let economy = first.economy
        #expect(second.intermediateFlows.elements == economy.intermediateFlows.elements)
        #expect(second.finalDemand.elements == economy.finalDemand.elements)
        #expect(second.intermediateImports.elements == economy.intermediateImports.elements)
        #expect(second.finalDemandImports.elements == economy.finalDemandImports.elements)
        #expect(second.grossOutput == economy.grossOutput && second.valueAdded == economy.valueAdded)
        #expect(second.valueAddedComponents == economy.valueAddedComponents)
        #expect(second.regions == economy.regions && second.sectors == economy.sectors)
        #expect(second.finalDemandColumns == economy.finalDemandColumns && second.metadata == economy.metadata)
        #expect(report.construction == first.report.construction)
        #expect(report.inputFiles == first.report.inputFiles && report.national == first.report.national)
    }

    /// The summary names every adjustment with its size.
    @Test func reportSummaryCoversEveryAdjustment() throws {
        let lines = try ChinaBuildFixture.get().report.summaryLines
        for needle in ["re-exports", "under-reported trade", "trade totals", "RAS", "discrepancy column", "value added", "check:"] {
            #expect(lines.contains { $0.contains(needle) }, "no line about \(needle)")
        }
    }
}

/// Pearson correlation of two equally long vectors.
func correlation(_ a: [Double], _ b: [Double]) -> Double {
    let n = Double(a.count)
    let meanA = a.reduce(0, +) / n, meanB = b.reduce(0, +) / n
    var covariance = 0.0, varianceA = 0.0, varianceB = 0.0
    for (x, y) in zip(a, b) {
        covariance += (x - meanA) * (y - meanB)
        varianceA += (x - meanA) * (x - meanA)
        varianceB += (y - meanB) * (y - meanB)
    }
    return covariance / (varianceA * varianceB).squareRoot()
}
