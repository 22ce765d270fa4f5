import Foundation
import ShockFlowFormats
import ShockFlowLinearAlgebra
import ShockFlowModel
import Testing

/// The five scenarios shipped in scenarios/ resolve against the names of china-2017 (31 provinces with
/// ISO codes, English and Chinese names and groups; the 42 NBS sectors; 42 imported products) and
/// say what issue 4 asks of them.
@Suite struct ScenarioShippedTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardizedFileURL

    /// china-2017's labels, read from the built economy's own inputs (Resources/china-2017-inputs); flows are zero.
    static let chinaLabels: Economy = {
        let inputs = repository.appendingPathComponent("Sources/ShockFlowFormats/Resources/china-2017-inputs")
        func rows(_ file: String) -> [[String]] {
            let text = (try? String(contentsOf: inputs.appendingPathComponent(file), encoding: .utf8)) ?? ""
            return text.split(whereSeparator: \.isNewline).dropFirst().map(splitCSVLine)
        }
        let regions = rows("provinces.csv").map { Label(code: $0[0], name: $0[1], aliases: [$0[2]]) }
        let sectors = rows("sectors.csv").map { Label(code: $0[0], name: $0[1], aliases: [$0[2]]) }
        let groups = Dictionary(grouping: rows("region-groups.csv"), by: { $0[0] }).mapValues { $0.map { $0[1] } }
        let categories = ["households", "government", "gfcf", "inventories", "exports", "discrepancy"].map { Label(code: $0) }
        let columns = regions.indices.flatMap { region in categories.indices.map { FinalDemandColumn(region: region, category: $0) } }
        let n = regions.count * sectors.count
        return Economy(
            metadata: EconomyMetadata(name: "china-2017", regionGroups: groups), regions: regions, sectors: sectors,
            finalDemandCategories: categories, intermediateFlows: Matrix(rows: n, columns: n),
            finalDemand: Matrix(rows: n, columns: columns.count), finalDemandColumns: columns,
            valueAdded: [Double](repeating: 0, count: n), importProducts: sectors, grossOutput: [Double](repeating: 0, count: n))
    }()

    /// Splits one CSV line, honouring double quotes around fields that contain commas.
    static func splitCSVLine(_ line: Substring) -> [String] {
        var fields: [String] = [], field = "", quoted = false
        for character in line {
            switch character {
            case "\"": quoted.toggle()
            case "," where !quoted:
                fields.append(field)
                field = ""
            default: field.append(character)
            }
        }
        return fields + [field]
    }

    static let names = [
        "five-year-plan-baseline", "chip-export-controls", "rare-earth-export-restrictions", "soybean-import-shock", "tech-decoupling",
    ]

    private func load(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> ResolvedScenario {
        let url = Self.repository.appendingPathComponent("scenarios/\(name).yaml")
        do {
            return try ScenarioDocument(contentsOf: url, shownAs: "scenarios/\(name).yaml").resolve(against: Self.chinaLabels)
        } catch {
            Issue.record("\(error)", sourceLocation: sourceLocation)
            throw error
        }
    }

    private func region(_ code: String) -> Int { Self.chinaLabels.regions.firstIndex { $0.code == code } ?? -1 }
    private func sector(_ code: String) -> Int { (Int(code) ?? 0) - 1 }
    private func cell(_ regionCode: String, _ sectorCode: String) -> Int { region(regionCode) * 42 + sector(sectorCode) }

    @Test func theLabelEconomyIsChina() {
        #expect(Self.chinaLabels.regionCount == 31 && Self.chinaLabels.sectorCount == 42)
        #expect(Set(Self.chinaLabels.metadata.regionGroups.keys).isSuperset(of: ["east", "central", "west", "northeast", "coastal"]))
    }

    /// Every province from the table 15th-fyp-2026, and nothing else: no shocks, no hand-written entries.
    @Test func fiveYearPlanBaselineCoversEveryProvinceFromTheTable() throws {
        let scenario = try load("five-year-plan-baseline")
        #expect(scenario.shocks.isEmpty && scenario.model == .dynamic && scenario.horizon.periods == 20)
        let plan = try #require(scenario.plan)
        #expect(plan.table.name == "15th-fyp-2026" && plan.settings == .defaults && plan.regions.count == 31)
        #expect(scenario.priorities.isEmpty)
        let evidence = plan.evidence(regionLabels: Self.chinaLabels.regions)
        #expect(evidence.count == 32 && evidence.allSatisfy { $0.usedCount > 0 }, "every province and the national layer tilt")
        // Zhejiang: AI and software (31) from its own emerging S row; Beijing: chips (20) and AI (31);
        // the national layer adds 0.5 to both sectors everywhere (docs/plan.md works these through).
        for code in ["31", "18", "20"] { #expect(scenario.planTilt[cell("CN-ZJ", code)] == 1) }
        for code in ["20", "31"] { #expect(scenario.planTilt[cell("CN-BJ", code)] == 1) }
        #expect(scenario.planTilt[cell("CN-ZJ", "16")] == 0.75)
        #expect(scenario.planTilt[cell("CN-JX", "01")] == 0)
    }

    /// The four shock scenarios build on the baseline: the same plan, so the same π in every cell.
    @Test(arguments: ["chip-export-controls", "rare-earth-export-restrictions", "soybean-import-shock", "tech-decoupling"])
    func shockScenariosUseTheBaselinesPlan(_ name: String) throws {
        let baseline = try load("five-year-plan-baseline"), scenario = try load(name)
        #expect(scenario.plan?.settings == baseline.plan?.settings && scenario.plan?.table.name == baseline.plan?.table.name)
        #expect(scenario.planTilt == baseline.planTilt && scenario.priorities.isEmpty)
    }

    /// Each shipped scenario's header names, in its paragraph "# Weak evidence …", exactly the
    /// provinces whose tilts rest on weak evidence (L rows only or context rows only).
    @Test(arguments: ScenarioShippedTests.names)
    func headerNamesTheProvincesOnWeakEvidence(_ name: String) throws {
        let text = try String(contentsOf: Self.repository.appendingPathComponent("scenarios/\(name).yaml"), encoding: .utf8)
        let header = text.split(separator: "\n").prefix { $0.hasPrefix("#") }
        let start = try #require(header.firstIndex { $0.hasPrefix("# Weak evidence") }, "no weak-evidence paragraph")
        let paragraph = header[start...].prefix { $0 != "#" }.joined(separator: " ")
        let named = Set(paragraph.matches(of: /CN-[A-Z]{2}/).map { String($0.output) })
        let plan = try #require(try load(name).plan)
        let weak = plan.evidence(regionLabels: Self.chinaLabels.regions).filter(\.isWeak).map(\.code)
        #expect(named == Set(weak) && weak.count == 11)
    }

    @Test func chipExportControls() throws {
        let scenario = try load("chip-export-controls")
        let chips = try #require(scenario.shocks.first)
        #expect(chips.kind == .imports(products: [sector("20")]))
        #expect(chips.share == 0.78 && chips.magnitude == 0.6)
        // Recovery from period 1 with a half-life of 6 quarters: 1 at period 1, 1/2 at period 7.
        let values = chips.profile.values(periods: 20)
        #expect(values[0] == 0 && values[1] == 1 && abs(values[7] - 0.5) < 1e-15)
        let substitution = try #require(scenario.substitutions.first)
        #expect(substitution.product == sector("20") && substitution.sector == sector("20") && substitution.theta == 0.5)
        #expect(substitution.regions == ["CN-JS", "CN-SH", "CN-GD", "CN-GS", "CN-ZJ", "CN-BJ", "CN-SC", "CN-TJ"].map(region).sorted())
        let users = ["16", "17", "18", "21"].map { SectorPair(input: sector("20"), user: sector($0)) }
        #expect(scenario.criticalInputs.domesticPairs == users && scenario.criticalInputs.importedPairs == users)
        #expect(scenario.strategicWeights[cell("CN-SH", "20")] == 1 && scenario.strategicWeights[cell("CN-SH", "21")] == 0.2)
    }

    @Test func rareEarthExportRestrictions() throws {
        let scenario = try load("rare-earth-export-restrictions")
        let producers = ["CN-NM", "CN-JX", "CN-GX", "CN-SC", "CN-FJ", "CN-GD"].map(region).sorted()
        let exports = Self.chinaLabels.finalDemandColumns(inCategories: [4])
        #expect(exports.count == 31)
        #expect(scenario.shocks.map(\.kind) == [
            .exports(cells: producers.map { $0 * 42 + sector("14") }, finalDemandColumns: exports),
            .exports(cells: producers.map { $0 * 42 + sector("04") }, finalDemandColumns: exports),
        ])
        #expect(scenario.shocks.map(\.share) == [0.045, 0.1])
        #expect(scenario.shocks[0].profile.values(periods: 20) == [0] + [Double](repeating: 1, count: 19))
    }

    @Test func soybeanImportShock() throws {
        let scenario = try load("soybean-import-shock")
        #expect(
            scenario.shocks.map(\.kind) == [
                .imports(products: [sector("01")]), .imports(products: [sector("06")]),
                .importPrice(products: [sector("01")], regions: []),
            ])
        // CnAgri (2018): soybeans' import cost +20 %, on the soybean share (0.6) of product 01, in the quarters of the cut.
        #expect(scenario.shocks[2].fullStrength == 0.6 * 0.2)
        #expect(scenario.shocks[2].profile.values(periods: 5) == [0, 1, 1, 1, 0])
        #expect(scenario.shocks[0].fullStrength * scenario.shocks[0].profile.value(at: 2) == 0.6 * 0.21)
        #expect(scenario.shocks[0].profile.values(periods: 5) == [0, 1, 1, 1, 0])
        let substitution = try #require(scenario.substitutions.first)
        #expect(substitution.sector == sector("01") && substitution.regions.contains(region("CN-HL")) && substitution.regions.contains(region("CN-NM")))
    }

    @Test func techDecouplingHasChipsAndRareEarths() throws {
        let scenario = try load("tech-decoupling")
        #expect(scenario.shocks.map(\.id) == ["chip-imports", "rare-earth-metals", "rare-earth-ores"])
        let chips = try load("chip-export-controls"), rareEarths = try load("rare-earth-export-restrictions")
        #expect(scenario.shocks[0] == chips.shocks[0])
        #expect(Array(scenario.shocks[1...]) == rareEarths.shocks)
        #expect(scenario.substitutions == chips.substitutions && scenario.criticalInputs == chips.criticalInputs)
    }
}

extension ScenarioShippedTests {
    /// The 10-line example of docs/scenario-format.md is a valid china-2017 scenario.
    /// Each shipped scenario has an ario counterpart in scenarios/ario with the same quantity shocks
    /// (targets, shares, magnitudes; price shocks are left out, the ario model has no prices) in days: quarter q starts on day ⌊91.25·q⌋, a half-life of h quarters is
    /// 91.25·h days, a last quarter q ends on day ⌊91.25·(q + 1)⌋ − 1.
    @Test(arguments: [
        "five-year-plan-baseline", "chip-export-controls", "rare-earth-export-restrictions", "soybean-import-shock", "tech-decoupling",
    ])
    func arioCounterpartHasTheSameShocksInDays(name: String) throws {
        let original = try load(name)
        let counterpart = try load("ario/\(name)")
        #expect(counterpart.model.arioSettings?.parameters == ARIOParameters())
        #expect(counterpart.horizon.periods == 1826 && counterpart.horizon.periodYears == 1.0 / 365)
        let quantityShocks = original.shocks.filter { shock in
            switch shock.kind {
            case .importPrice, .cost: false
            default: true
            }
        }
        #expect(counterpart.shocks.map(\.id) == quantityShocks.map(\.id))
        func day(_ quarter: Int) -> Int { Int((91.25 * Double(quarter)).rounded(.down)) }
        for (shock, quarterly) in zip(counterpart.shocks, quantityShocks) {
            #expect(shock.kind == quarterly.kind && shock.share == quarterly.share && shock.magnitude == quarterly.magnitude)
            switch quarterly.profile {
            case .step(let start, let end):
                #expect(shock.profile == .step(start: day(start), end: end.map { day($0 + 1) - 1 }), "\(shock.id)")
            case .recovery(let start, let halfLife):
                #expect(shock.profile == .recovery(start: day(start), halfLife: 91.25 * halfLife), "\(shock.id)")
            default:
                Issue.record("\(name): \(shock.id) has a profile the counterparts do not convert")
            }
        }
    }

    @Test func documentationExampleIsValid() throws {
        let docs = try String(contentsOf: Self.repository.appendingPathComponent("docs/scenario-format.md"), encoding: .utf8)
        let start = try #require(docs.range(of: "```yaml\n"))
        let end = try #require(docs.range(of: "```", range: start.upperBound..<docs.endIndex))
        let example = String(docs[start.upperBound..<end.lowerBound])
        #expect(example.split(separator: "\n").count == 10)
        let scenario = try ScenarioDocument(yaml: example, file: "example", directory: Self.repository).resolve(against: Self.chinaLabels)
        #expect(scenario.planTilt[cell("CN-ZJ", "31")] == 0.5)
        #expect(scenario.shocks.map(\.id) == ["chip-imports"])
    }
}
