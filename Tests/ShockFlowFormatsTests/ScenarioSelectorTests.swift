import Foundation
import ShockFlowFormats
import ShockFlowModel
import Testing

/// Selectors: codes, English and Chinese names, groups, lists and "*", case-insensitive; unknown names
/// get the closest valid names. Resolved through the extraction model, whose cells are the selection.
@Suite struct ScenarioSelectorTests {
    typealias Support = ScenarioTestSupport

    private func cells(regions: String, sectors: String, economy: Economy = Support.economy) throws -> [Int] {
        let yaml = "schema_version: 1\nname: s\nmodel: {type: extraction, regions: \(regions), sectors: \(sectors)}\n"
        guard case .extraction(let cells) = try Support.document(yaml).resolve(against: economy).model else {
            Issue.record("not an extraction model")
            return []
        }
        return cells
    }

    private func problems(regions: String, sectors: String, economy: Economy = Support.economy) -> [String] {
        let yaml = "schema_version: 1\nname: s\nmodel: {type: extraction, regions: \(regions), sectors: \(sectors)}\n"
        do {
            _ = try Support.document(yaml).resolve(against: economy)
            return []
        } catch {
            return error.problems.map(\.message)
        }
    }

    @Test func regionsByCodeNameChineseNameGroupListAndStar() throws {
        let zhejiang = [4, 5, 6, 7]
        #expect(try cells(regions: "CN-ZJ", sectors: "'*'") == zhejiang)
        #expect(try cells(regions: "cn-zj", sectors: "'*'") == zhejiang)
        #expect(try cells(regions: "ZHEJIANG", sectors: "'*'") == zhejiang)
        #expect(try cells(regions: "浙江", sectors: "'*'") == zhejiang)
        #expect(try cells(regions: "coastal", sectors: "'*'") == Array(4..<12))
        #expect(try cells(regions: "[CN-BJ, 上海]", sectors: "'*'") == [0, 1, 2, 3, 8, 9, 10, 11])
        #expect(try cells(regions: "'*'", sectors: "'*'") == Array(0..<12))
        #expect(try cells(regions: "[east, CN-BJ]", sectors: "'*'") == Array(0..<12))
    }

    @Test func sectorsByCodeNumberNameAndGroup() throws {
        #expect(try cells(regions: "CN-BJ", sectors: "'01'") == [0])
        #expect(try cells(regions: "CN-BJ", sectors: "1") == [0])  // a plain number matches code 01
        #expect(try cells(regions: "CN-BJ", sectors: "[20, 16]") == [1, 2])
        #expect(try cells(regions: "CN-BJ", sectors: "manufacture of general purpose MACHINERY") == [1])
        #expect(try cells(regions: "CN-BJ", sectors: "农林牧渔产品和服务") == [0])
        #expect(try cells(regions: "CN-BJ", sectors: "tech") == [2, 3])
    }

    @Test func unknownNamesGetTheClosestValidNames() {
        #expect(problems(regions: "Zhejang", sectors: "'*'") == ["unknown region 'Zhejang' — did you mean `CN-ZJ` (Zhejiang)?"])
        #expect(problems(regions: "浙江省", sectors: "'*'") == ["unknown region '浙江省' — did you mean `CN-ZJ` (Zhejiang)?"])
        #expect(problems(regions: "CN-SJ", sectors: "'*'") == ["unknown region 'CN-SJ' — did you mean `CN-BJ` (Beijing), `CN-ZJ` (Zhejiang) or `CN-SH` (Shanghai)?"])
        #expect(problems(regions: "coastel", sectors: "'*'") == ["unknown region 'coastel' — did you mean `coastal` (group of 2)?"])
        #expect(problems(regions: "CN-BJ", sectors: "2O") == ["unknown sector '2O' — did you mean `20` (Manufacture of communication equipment, computers and other electronic equipment)?"])
        // Every unknown name in a list is reported, each at its own position.
        #expect(problems(regions: "[Zhejang, CN-BJ, Shanghi]", sectors: "'*'").count == 2)
    }

    @Test func ambiguousNamesAndBrokenGroupsAreErrors() {
        var economy = Support.economy
        economy.sectors[1].aliases = ["equipment"]
        economy.sectors[2].aliases = ["Equipment"]
        economy.metadata.regionGroups["north"] = ["CN-BJ", "CN-TJ"]
        #expect(
            problems(regions: "CN-BJ", sectors: "equipment", economy: economy) == [
                "'equipment' names several sectors: `16` (Manufacture of general purpose machinery) or `20` (Manufacture of communication equipment, computers and other electronic equipment); use a code"
            ])
        #expect(
            problems(regions: "north", sectors: "'*'", economy: economy) == [
                "group `north` of economy test-economy lists unknown region codes `CN-TJ`"
            ])
    }

    @Test func importedProductsAndCategories() throws {
        let yaml = """
            schema_version: 1
            name: p
            shocks:
              - {id: a, kind: import, products: [electronic equipment, "01"], magnitude: 0.5}
              - {id: b, kind: demand, sectors: tech, categories: [GFCF, exports], magnitude: 0.1}
            """
        let scenario = try #require(Support.resolve(yaml))
        #expect(scenario.shocks[0].kind == .imports(products: [0, 1]))
        #expect(scenario.shocks[1].kind == .demand(cells: [2, 3, 6, 7, 10, 11], finalDemandColumns: [2, 3, 6, 7, 10, 11]))
    }

    /// An economy without imported products says so instead of suggesting names.
    @Test func economyWithoutImportedProducts() {
        var economy = Support.economy
        economy.importProducts = []
        let yaml = "schema_version: 1\nname: p\nshocks: [{id: a, kind: import, products: '20', magnitude: 0.5}]\n"
        do {
            _ = try Support.document(yaml).resolve(against: economy)
            Issue.record("expected a problem")
        } catch {
            #expect(error.problems.map(\.message) == ["unknown imported product '20': economy test-economy has no imported products"])
        }
    }
}
