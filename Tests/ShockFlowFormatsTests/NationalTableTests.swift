import Foundation
import ShockFlowLinearAlgebra
import ShockFlowModel
import ShockFlowTestSupport
import Testing
@testable import ShockFlowFormats

/// Checks against the facts in data/china-national-io/SOURCE.md (copied next to the tables).
@Suite("NBS national tables")
struct NationalTableTests {
    private let folder = Fixtures.builtInEconomies + "/china-national"

    @Test("2017: one region CN, 42 sectors, 42 imported products, 4 final-demand categories")
    func layout() throws {
        let loaded = try EconomyLoader.load(folder + "/china_2017_42.csv")
        let economy = loaded.economy
        #expect(loaded.source.format == .nationalTable)
        #expect(economy.regions.map(\.code) == ["CN"])
        #expect(economy.sectorCount == 42 && economy.importProducts.count == 42)
        #expect(economy.sectors.first == Label(
            code: "01", name: "Agriculture, forestry, animal husbandry and fishery", aliases: ["农林牧渔产品和服务"]))
        #expect(economy.finalDemandCategories.map(\.code) == ["consumption", "gfcf", "inventories", "exports"])
        #expect(economy.finalDemandCategories.map { $0.aliases.first } == ["TC", "FU201", "FU202", "EX"])
        #expect(economy.metadata.year == 2017 && economy.metadata.moneyUnit.contains("10,000 yuan"))
        #expect(economy.metadata.currency == CurrencyUnit(code: "CNY", scale: 10_000))
        #expect(Set(economy.valueAddedComponents.keys)
            == ["compensation_of_employees", "net_taxes_on_production", "depreciation", "operating_surplus"])
        // Row 01 of the file: Domestic 01 → 01 and GO.
        #expect(economy.intermediateFlows[0, 0] == 145853072.82364976)
        #expect(economy.grossOutput[0] == 1101240339.5665634)
    }

    @Test("2017 balances: domestic rows + final use = output to 1e-12, inputs = output, total ≈ 225.8 trillion yuan")
    func balance2017() throws {
        let economy = try EconomyLoader.load(folder + "/china_2017_42.csv").economy
        let sales = try economy.intermediateFlows.rowSums()
        let demand = try economy.finalDemand.rowSums()
        let inputs = try economy.intermediateFlows.columnSums()
        let imports = try economy.totalIntermediateImports()
        for cell in 0..<economy.cellCount {
            let output = economy.grossOutput[cell]
            #expect(isClose(sales[cell] + demand[cell], output, relative: 1e-12))  // MODEL (1)
            #expect(isClose(inputs[cell] + imports[cell] + economy.valueAdded[cell], output, relative: 1e-9))  // MODEL (2)
        }
        let total = economy.grossOutput.reduce(0, +) * 1e4  // yuan
        #expect(isClose(total, 225.8e12, relative: 5e-4))
    }

    @Test("2020: imports of product 20 (electronic equipment) are 3.58 trillion yuan; columns balance")
    func imports2020() throws {
        let economy = try EconomyLoader.load(folder + "/china_2020_42.csv").economy
        let product = try #require(economy.importProducts.firstIndex { $0.code == "20" })
        let intermediate = (0..<economy.cellCount).map { economy.intermediateImports[product, $0] }.reduce(0, +)
        let final = (0..<economy.finalDemandColumns.count).map { economy.finalDemandImports[product, $0] }.reduce(0, +)
        #expect(isClose((intermediate + final) * 1e4, 3.58e12, relative: 2e-3))
        let inputs = try economy.intermediateFlows.columnSums()
        let imports = try economy.totalIntermediateImports()
        for cell in 0..<economy.cellCount {
            #expect(isClose(inputs[cell] + imports[cell] + economy.valueAdded[cell], economy.grossOutput[cell], relative: 1e-9))
        }
    }

    @Test("empty value-added rows: v = total input − TII, and the loader says so")
    func emptyValueAddedRows() throws {
        let original = try String(contentsOfFile: folder + "/china_2017_42.csv", encoding: .utf8)
        let blanked = original.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.hasPrefix("VA0") else { return String(line) }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return (fields.prefix(4) + Array(repeating: "", count: fields.count - 4)).joined(separator: ",")
        }.joined(separator: "\n")
        try withTemporaryDirectory { directory in
            let path = try writeFile(blanked, named: "china_2017_42.csv", in: directory)
            let loaded = try EconomyLoader.load(path)
            #expect(loaded.notes.contains { $0.contains("v = TI − TII") })
            #expect(loaded.economy.valueAddedComponents.isEmpty)
            #expect(isClose(loaded.economy.valueAdded[0], 654523532.9985694, relative: 1e-12))  // TVA of sector 01
        }
    }
}
