import Foundation
import ShockFlowLinearAlgebra
import ShockFlowModel
import ShockFlowTestSupport
import Testing
@testable import ShockFlowFormats

@Suite("ShockFlow economy folders")
struct EconomyFolderTests {
    private let twoRegion = Fixtures.path("economies/two-region")

    @Test("the hand-made two-region economy loads with every value in place")
    func twoRegionValues() throws {
        let loaded = try EconomyLoader.load(twoRegion)
        let economy = loaded.economy
        #expect(loaded.source == EconomySource(path: twoRegion, format: .shockFlowFolder))
        #expect(loaded.notes.isEmpty)
        #expect(loaded.inputFiles.map { URL(fileURLWithPath: $0).lastPathComponent }
            == ["economy.yaml", "x.csv", "Z.csv", "Y.csv", "imports.csv", "va.csv"])
        #expect(economy.regions == [Label(code: "north", name: "North", aliases: ["北方"]), Label(code: "south", name: "South")])
        #expect(economy.sectors.map(\.name) == ["Agriculture, forestry and fishing", "Manufacturing"])
        #expect(economy.metadata == EconomyMetadata(
            name: "two-region", year: 2017, moneyUnit: "10,000 yuan",
            source: "Hand-made test economy (Tests/ShockFlowFormatsTests/Fixtures/economies/two-region).",
            regionGroups: ["all": ["north", "south"]], sectorGroups: ["goods": ["agri", "manu"]]))
        // Cells: north/agri, north/manu, south/agri, south/manu (the numbers of the fixture files).
        #expect(economy.intermediateFlows == (try Matrix(rowMajor: [
            [10, 20, 5, 0], [15, 30, 0, 10], [0, 5, 20, 15], [5, 0, 10, 25],
        ])))
        #expect(economy.finalDemandCategories.map(\.code) == ["households", "gfcf"])
        #expect(economy.finalDemandColumns.map { [$0.region, $0.category] } == [[0, 0], [0, 1], [1, 0], [1, 1]])
        #expect(economy.finalDemand == (try Matrix(rowMajor: [
            [40, 0, 20, 0], [30, 15, 0, 0], [0, 0, 30, 0], [0, 10, 5, 25],
        ])))
        #expect(economy.grossOutput == [95, 100, 70, 80])
        #expect(economy.importProducts == [Label(code: "chips", name: "Integrated circuits")])
        #expect(economy.intermediateImports == (try Matrix(rowMajor: [[0, 5, 0, 10]])))
        #expect(economy.finalDemandImports == (try Matrix(rowMajor: [[2, 0, 0, 0]])))
        #expect(economy.valueAddedComponents == ["wages": [50, 30, 25, 15], "depreciation": [15, 10, 10, 5]])
        #expect(economy.valueAdded == [65, 40, 35, 20])
    }

    @Test("the fixture satisfies MODEL (1) and (2) exactly")
    func balance() throws {
        let economy = try EconomyLoader.load(twoRegion).economy
        let sales = try economy.intermediateFlows.rowSums()
        let demand = try economy.finalDemand.rowSums()
        let inputs = try economy.intermediateFlows.columnSums()
        let imports = try economy.totalIntermediateImports()
        for cell in 0..<economy.cellCount {
            #expect(sales[cell] + demand[cell] == economy.grossOutput[cell])  // MODEL (1)
            #expect(inputs[cell] + economy.valueAdded[cell] + imports[cell] == economy.grossOutput[cell])  // MODEL (2)
        }
    }

    @Test("without va.csv, value added is x − Zᵀ1 − imports, and the loader says so")
    func derivedValueAdded() throws {
        try withTemporaryDirectory { directory in
            let copy = directory + "/economy"
            try FileManager.default.copyItem(atPath: twoRegion, toPath: copy)
            try FileManager.default.removeItem(atPath: copy + "/va.csv")
            let loaded = try EconomyLoader.load(copy)
            #expect(loaded.economy.valueAdded == [65, 40, 35, 20])
            #expect(loaded.economy.valueAddedComponents.isEmpty)
            #expect(loaded.notes.contains { $0.contains("va.csv is absent") })
        }
    }

    @Test("writing and reading back gives the same economy, and writing twice the same bytes")
    func roundTrip() throws {
        let original = try EconomyLoader.load(twoRegion).economy
        try withTemporaryDirectory { directory in
            try EconomyFolderWriter.write(original, to: directory + "/first")
            try EconomyFolderWriter.write(original, to: directory + "/second")
            let back = try EconomyLoader.load(directory + "/first").economy
            #expect(back.metadata == original.metadata)
            #expect(back.regions == original.regions && back.sectors == original.sectors)
            #expect(back.finalDemandCategories == original.finalDemandCategories)
            #expect(back.intermediateFlows == original.intermediateFlows)
            #expect(back.finalDemand == original.finalDemand && back.finalDemandColumns == original.finalDemandColumns)
            #expect(back.valueAdded == original.valueAdded && back.valueAddedComponents == original.valueAddedComponents)
            #expect(back.importProducts == original.importProducts)
            #expect(back.intermediateImports == original.intermediateImports)
            #expect(back.finalDemandImports == original.finalDemandImports)
            #expect(back.grossOutput == original.grossOutput)
            let names = try FileManager.default.contentsOfDirectory(atPath: directory + "/first").sorted()
            #expect(names == ["Y.csv", "Z.csv", "economy.yaml", "imports.csv", "va.csv", "x.csv"])
            for name in names {
                let first = try Data(contentsOf: URL(fileURLWithPath: directory + "/first/" + name))
                let second = try Data(contentsOf: URL(fileURLWithPath: directory + "/second/" + name))
                #expect(first == second, "\(name) differs between two writes")
            }
            let flows = try String(contentsOfFile: directory + "/first/Z.csv", encoding: .utf8)
            #expect(flows.hasPrefix("from_region,from_sector,to_region,to_sector,value\nnorth,agri,north,agri,10\n"))
            #expect(!flows.contains(",0\n"), "zero cells are omitted")
        }
    }

    @Test("rounding is written after money_unit and read back")
    func roundingRoundTrip() throws {
        var economy = try EconomyLoader.load(twoRegion).economy
        economy.metadata.rounding = 1
        try withTemporaryDirectory { directory in
            try EconomyFolderWriter.write(economy, to: directory + "/rounded")
            let yaml = try String(contentsOfFile: directory + "/rounded/economy.yaml", encoding: .utf8)
            #expect(yaml.contains("money_unit: 10,000 yuan\nrounding: 1\n"), "\(yaml)")
            #expect(try EconomyLoader.load(directory + "/rounded").economy.metadata == economy.metadata)
        }
    }

    @Test("currency and scale are written after money_unit and read back")
    func currencyRoundTrip() throws {
        var economy = try EconomyLoader.load(twoRegion).economy
        economy.metadata.currency = CurrencyUnit(code: "CNY", scale: 10_000)
        try withTemporaryDirectory { directory in
            try EconomyFolderWriter.write(economy, to: directory + "/priced")
            let yaml = try String(contentsOfFile: directory + "/priced/economy.yaml", encoding: .utf8)
            #expect(yaml.contains("money_unit: 10,000 yuan\ncurrency: CNY\nscale: 10000\n"), "\(yaml)")
            #expect(try EconomyLoader.load(directory + "/priced").economy.metadata == economy.metadata)
        }
    }

    @Test("labels YAML would misread (NO, 01, yes) survive a round trip")
    func awkwardLabels() throws {
        let economy = Economy(
            metadata: EconomyMetadata(name: "awkward: name", moneyUnit: "yes"),
            regions: [Label(code: "NO", name: "Norway"), Label(code: "null")],
            sectors: [Label(code: "01", name: "Agriculture, forestry", aliases: ["农业"])],
            finalDemandCategories: [Label(code: "true")],
            intermediateFlows: try Matrix(rowMajor: [[1, 2], [3, 4]]), finalDemand: try Matrix(rowMajor: [[5, 0], [0, 6]]),
            finalDemandColumns: [FinalDemandColumn(region: 0, category: 0), FinalDemandColumn(region: 1, category: 0)],
            valueAdded: [1, 2], grossOutput: [8, 13])
        try withTemporaryDirectory { directory in
            try EconomyFolderWriter.write(economy, to: directory + "/awkward")
            let back = try EconomyLoader.load(directory + "/awkward").economy
            #expect(back.metadata.name == "awkward: name" && back.metadata.moneyUnit == "yes")
            #expect(back.regions == economy.regions && back.sectors == economy.sectors)
            #expect(back.finalDemandCategories == economy.finalDemandCategories)
            #expect(back.intermediateFlows == economy.intermediateFlows && back.valueAdded == [1, 2])
        }
    }

    @Test("WIOD 2011 loads: 41 × 35, and the checks of its SOURCE.md hold")
    func world2011() throws {
        let loaded = try EconomyLoader.load(Fixtures.builtInEconomies + "/world-2011")
        let economy = loaded.economy
        #expect(economy.regionCount == 41 && economy.sectorCount == 35)
        #expect(economy.metadata.moneyUnit == "million US dollars" && economy.metadata.year == 2011)
        #expect(economy.metadata.rounding == 1)  // SOURCE: values rounded to whole millions
        #expect(economy.metadata.currency == CurrencyUnit(code: "USD", scale: 1_000_000))
        #expect(economy.finalDemandCategories.map(\.code) == ["households", "npish", "government", "gfcf", "inventories"])
        #expect(economy.finalDemand.columns == 41 * 5)
        #expect(economy.intermediateFlows.elements.filter { $0 != 0 }.count == 413_525)  // SOURCE: Z.csv rows
        let sales = try economy.intermediateFlows.rowSums()
        let demand = try economy.finalDemand.rowSums()
        let worstRow = (0..<economy.cellCount).map { abs(sales[$0] + demand[$0] - economy.grossOutput[$0]) }.max() ?? 0
        #expect(worstRow <= 108)  // SOURCE: row sums equal x within 108
        #expect(economy.grossOutput.filter { $0 == 0 }.count == 22)  // SOURCE: 22 zero-output cells
        let inputs = try economy.intermediateFlows.columnSums()
        let largestColumnSum = (0..<economy.cellCount).filter { economy.grossOutput[$0] > 0 }
            .map { inputs[$0] / economy.grossOutput[$0] }.max() ?? 0
        #expect((largestColumnSum * 1000).rounded() == 910)  // SOURCE: largest column sum of A is 0.910
        #expect(loaded.notes.contains { $0.contains("va.csv is absent") })
        // The rounding allowance of MODEL (1) covers the rounded rows: (1,435 + 205 + 1) × 0.5 = 820.5.
        let report = try economy.check()
        #expect(report.passed, "\(report.findings.filter { $0.severity == .error }.map(\.message))")
        #expect(report.rowBalance?.roundingAllowance == 820.5)
    }
}
