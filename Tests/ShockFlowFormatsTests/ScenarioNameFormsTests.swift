import Foundation
import ShockFlowModel
import ShockFlowTestSupport
import Testing
@testable import ShockFlowFormats

/// Selectors take what people type: provinces in pinyin (any case, with or without spaces and hyphens,
/// with or without tone marks), sectors by whole words of their NBS names when the words pick one, and
/// commodities without a sector of their own get an error naming the sector that holds them. Resolved
/// against the china-2017 economy as the build makes it (names from the shipped inputs).
@Suite struct ScenarioNameFormsTests {
    static func china() throws -> Economy { try ChinaBuildFixture.get().economy }

    private static func yaml(regions: String, sectors: String) -> String {
        "schema_version: 1\nname: s\nmodel:\n  type: extraction\n  regions: \(regions)\n  sectors: \(sectors)\n"
    }

    /// The codes of the regions and sectors an extraction selects.
    private func selected(regions: String = "CN-BJ", sectors: String = "'01'") throws -> (regions: [String], sectors: [String]) {
        let economy = try Self.china()
        let scenario = try ScenarioDocument(yaml: Self.yaml(regions: regions, sectors: sectors), file: "names.yaml", directory: URL(fileURLWithPath: "/"))
            .resolve(against: economy)
        guard case .extraction(let cells) = scenario.model else { return ([], []) }
        let pairs = cells.map(economy.cell)
        let regionCodes = Set(pairs.map(\.region)).sorted().map { economy.regions[$0].code }
        let sectorCodes = Set(pairs.map(\.sector)).sorted().map { economy.sectors[$0].code }
        return (regionCodes, sectorCodes)
    }

    private func problems(regions: String = "CN-BJ", sectors: String = "'01'") throws -> [ScenarioProblem] {
        let economy = try Self.china()
        do {
            _ = try ScenarioDocument(yaml: Self.yaml(regions: regions, sectors: sectors), file: "names.yaml", directory: URL(fileURLWithPath: "/"))
                .resolve(against: economy)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func theBuildReadsPinyinAsAnAliasWhereItDiffersFromTheEnglishName() throws {
        let regions = try Self.china().regions
        func aliases(_ code: String) -> [String]? { regions.first { $0.code == code }?.aliases }
        #expect(aliases("CN-NM") == ["内蒙古", "Nei Menggu"])
        #expect(aliases("CN-XZ") == ["西藏", "Xizang"])
        #expect(aliases("CN-GD") == ["广东"])  // pinyin Guangdong = the English name
        #expect(aliases("CN-SN") == ["陕西"])  // Shaanxi, spelt as officially, = the English name
    }

    @Test(arguments: [
        ("Neimenggu", "CN-NM"), ("Nei Menggu", "CN-NM"), ("nei-menggu", "CN-NM"), ("NEI MENGGU", "CN-NM"),
        ("Nèi Měnggǔ", "CN-NM"), ("neimenggu", "CN-NM"), ("Inner-Mongolia", "CN-NM"), ("innermongolia", "CN-NM"),
        ("内蒙古", "CN-NM"), ("Xizang", "CN-XZ"), ("xi zang", "CN-XZ"), ("Tibet", "CN-XZ"), ("西藏", "CN-XZ"),
        ("Guangdong", "CN-GD"), ("guang-dong", "CN-GD"), ("GUANGDONG", "CN-GD"), ("广东", "CN-GD"),
        ("Heilongjiang", "CN-HL"), ("hei long jiang", "CN-HL"), ("Shaanxi", "CN-SN"), ("Shanxi", "CN-SX"),
        ("cn zj", "CN-ZJ"),
    ])
    func provincesByNamePinyinAndChinese(typed: String, code: String) throws {
        #expect(try selected(regions: "'\(typed)'").regions == [code], "\(typed)")
    }

    @Test(arguments: [
        ("metals", "14"), ("METALS", "14"), ("general purpose machinery", "16"), ("special purpose machinery", "17"),
        ("computers", "20"), ("Software", "31"), ("coal", "02"), ("textiles", "07"), ("electronic equipment", "20"),
        ("research", "35"), ("电力", "24"), ("smelting and processing of metals", "14"), ("Smelting-and-processing of metals", "14"),
    ])
    func sectorsByWholeWordsThatPickOne(typed: String, code: String) throws {
        #expect(try selected(sectors: "'\(typed)'").sectors == [code], "\(typed)")
    }

    /// A word in several names lists them all (up to eight, the rest counted), at the name's line and column.
    @Test func aWordInSeveralNamesListsTheCandidates() throws {
        let metal = try problems(sectors: "[metals, metal]")
        #expect(metal.map(\.description) == [
            "names.yaml:6:21: model.sectors[1]: 'metal' is in the names of 3 sectors: `04` (Mining and processing of metal ores), "
                + "`15` (Manufacture of metal products) or `23` (Repair of metal products, machinery and equipment); use a code or more words of the name"
        ])
        let machinery = try problems(sectors: "machinery")
        #expect(machinery.first?.message.hasPrefix("'machinery' is in the names of 4 sectors: `16` (Manufacture of general purpose machinery), `17`") == true)
        let manufacture = try problems(sectors: "Manufacture")
        #expect(manufacture.first?.message.contains("is in the names of 13 sectors") == true)
        #expect(manufacture.first?.message.contains(", `16` (Manufacture of general purpose machinery) and 5 more; use a code") == true)
        // Whole words only, no plurals: `metal` is not a word of "Smelting and processing of metals".
        #expect(!(metal.first?.message.contains("`14`") ?? true))
    }

    @Test func chipsNameTheSectorHoldingThemAndTheShareField() throws {
        let problems = try problems(sectors: "chips")
        #expect(problems.map(\.description) == [
            "names.yaml:6:12: model.sectors: 'chips' is not a sector of economy china-2017 but part of one: `20` (Manufacture of "
                + "communication equipment, computers and other electronic equipment) holds integrated circuits and other semiconductors as "
                + "electronic components (153-sector product 094). Select it and give the commodity's part of it as a shock's `share`, as "
                + "scenarios/chip-export-controls.yaml does (`products: \"20\"`, `share: 0.78`: electronic components' part of product 20's imports)"
        ])
    }

    @Test(arguments: [
        ("soybeans", ["`01`", "`06`"], "scenarios/soybean-import-shock.yaml"), ("Soybean", ["`01`", "`06`"], "soybean-import-shock"),
        ("rare earths", ["`04`", "`14`"], "rare-earth-export-restrictions"), ("rare-earth", ["`04`", "`14`"], "share: 0.045"),
        ("semiconductors", ["`20`"], "share: 0.78"), ("芯片", ["`20`"], "share: 0.78"), ("lithium", ["`04`", "`14`", "`19`"], "batteries"),
        ("crude oil", ["`03`"], "product 007"), ("natural gas", ["`03`", "`25`"], "product 101"), ("steel", ["`14`"], "061"),
        ("batteries", ["`19`"], "087"), ("battery", ["`19`"], "087"),
    ])
    func commoditiesWithoutASectorNameWhereTheyAre(typed: String, sectors: [String], mentions: String) throws {
        let problems = try problems(sectors: "'\(typed)'")
        let message = try #require(problems.first?.message, "\(typed) resolved")
        #expect(problems.count == 1)
        #expect(message.hasPrefix("'\(typed)' is not a sector of economy china-2017 but part of "), "\(message)")
        for sector in sectors { #expect(message.contains(sector + " ("), "\(typed): \(message)") }
        #expect(message.contains("as a shock's `share`"), "\(message)")
        #expect(message.contains(mentions), "\(message)")
    }

    /// Imported products get the same hint, in their own words.
    @Test func commodityHintForImportedProducts() throws {
        let yaml = "schema_version: 1\nname: p\nshocks:\n  - {id: a, kind: import, products: [chips, '20'], magnitude: 0.5}\n"
        let economy = try Self.china()
        do {
            _ = try ScenarioDocument(yaml: yaml, file: "p.yaml", directory: URL(fileURLWithPath: "/")).resolve(against: economy)
            Issue.record("chips resolved")
        } catch {
            #expect(error.problems.map(\.description).first?.hasPrefix(
                "p.yaml:4:38: shocks[0].products[0]: 'chips' is not an imported product of economy china-2017 but part of one: `20`") == true,
                "\(error)")
        }
    }

    /// Hints apply only where the economy has the NBS sector under its NBS name; a code or name that is
    /// the commodity's word wins over the hint.
    @Test func commodityHintsOnlyForNBSSectors() throws {
        var other = ScenarioTestSupport.economy
        other.sectors[2].name = "Electronics"
        let labels = ScenarioLabels(other)
        var diagnostics = ScenarioDiagnostics(file: "t.yaml")
        let term = Selector(terms: [SelectorTerm(text: "chips", location: nil, path: .root)])
        #expect(labels.sectors.resolve(term, diagnostics: &diagnostics) == nil)
        #expect(diagnostics.problems.first?.message.hasPrefix("unknown sector 'chips'") == true, "\(diagnostics.problems)")

        let fixture = try EconomyLoader.load(Fixtures.path("economies/two-region")).economy
        var quiet = ScenarioDiagnostics(file: "t.yaml")
        #expect(ScenarioLabels(fixture).products.resolve(term, diagnostics: &quiet) == [0])  // the product coded `chips`
    }

    /// Two labels whose names differ only in spaces or hyphens: the loose form names both, and asks for a code.
    @Test func looseFormsSharedByTwoLabelsAskForACode() {
        var economy = ScenarioTestSupport.economy
        economy.regions[0].aliases = ["Nan Jing"]
        economy.regions[1].aliases = ["Nan-jing"]
        let yaml = "schema_version: 1\nname: s\nmodel: {type: extraction, regions: nanjing, sectors: '01'}\n"
        do {
            _ = try ScenarioTestSupport.document(yaml).resolve(against: economy)
            Issue.record("nanjing resolved")
        } catch {
            #expect(error.problems.map(\.message) == ["'nanjing' names several regions: `CN-BJ` (Beijing) or `CN-ZJ` (Zhejiang); use a code"])
        }
    }

    /// Every commodity of the table names sectors that china-2017 has under their NBS names, and no
    /// commodity word is itself a china-2017 sector name or a whole word of one (the hint would hide it).
    @Test func theCommodityTableFitsTheNBSSectors() throws {
        let economy = try Self.china()
        for (code, name) in CommodityHints.sectorNames {
            #expect(economy.sectors.contains { $0.code == code && $0.name == name }, "\(code) \(name)")
        }
        let sectorWords = economy.sectors.map { ([$0.name] + $0.aliases).map(NameForm.words) }
        for hint in CommodityHints.nbs42 {
            #expect(hint.parts.allSatisfy { CommodityHints.sectorNames[$0.sector] != nil }, "\(hint.names[0])")
            // Deliberate: natural gas and 石油 (oil) are words of the names of 03 and 11, but name a part of them.
            for name in hint.names where !["natural gas", "石油"].contains(name) {
                let words = NameForm.words(name)
                #expect(!sectorWords.contains { $0.contains { $0.containsRun(words) } }, "\(name) is a word of a sector name")
            }
        }
    }

    /// docs/sectors.md lists every commodity of the table with all its names and sectors.
    @Test func theSectorDocumentListsEveryCommodity() throws {
        let docs = try String(contentsOf: Fixtures.repository.appendingPathComponent("docs/sectors.md"), encoding: .utf8)
        for hint in CommodityHints.nbs42 {
            let row = "| " + hint.names.joined(separator: ", ") + " | "
                + hint.parts.map { "`\($0.sector)`: \($0.holds)" }.joined(separator: "; ") + " |"
            #expect(docs.contains(row), "docs/sectors.md lacks \(row)")
        }
    }
}
