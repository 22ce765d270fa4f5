import Foundation
import ShockFlowFormats
import ShockFlowLinearAlgebra
import ShockFlowModel
import Testing

/// Small economies and helpers for the scenario tests.
enum ScenarioTestSupport {
    /// 3 regions × 4 sectors with codes, English and Chinese names and groups; imported products 01
    /// and 20; categories households, government, gfcf, exports. Every entry of the GFCF columns of Y
    /// is 2.5, so the economy's GFCF is 12 cells × 3 destination regions × 2.5 = 90.
    static let economy: Economy = {
        let regions = [
            Label(code: "CN-BJ", name: "Beijing", aliases: ["北京"]),
            Label(code: "CN-ZJ", name: "Zhejiang", aliases: ["浙江"]),
            Label(code: "CN-SH", name: "Shanghai", aliases: ["上海"]),
        ]
        let sectors = [
            Label(code: "01", name: "Agriculture, forestry, animal husbandry and fishery", aliases: ["农林牧渔产品和服务"]),
            Label(code: "16", name: "Manufacture of general purpose machinery"),
            Label(code: "20", name: "Manufacture of communication equipment, computers and other electronic equipment"),
            Label(code: "31", name: "Information transmission, software and information technology services"),
        ]
        let categories = ["households", "government", "gfcf", "exports"].map { Label(code: $0) }
        let columns = regions.indices.flatMap { region in categories.indices.map { FinalDemandColumn(region: region, category: $0) } }
        let n = regions.count * sectors.count
        var finalDemand = Matrix(rows: n, columns: columns.count)
        for (column, label) in columns.enumerated() where label.category == 2 {
            for row in 0..<n { finalDemand[row, column] = 2.5 }
        }
        return Economy(
            metadata: EconomyMetadata(
                name: "test-economy", regionGroups: ["east": ["CN-BJ", "CN-ZJ", "CN-SH"], "coastal": ["CN-ZJ", "CN-SH"]],
                sectorGroups: ["tech": ["20", "31"]]),
            regions: regions, sectors: sectors, finalDemandCategories: categories,
            intermediateFlows: Matrix(rows: n, columns: n), finalDemand: finalDemand, finalDemandColumns: columns,
            valueAdded: [Double](repeating: 1, count: n),
            importProducts: [Label(code: "01", name: "Agricultural products"), Label(code: "20", name: "Electronic equipment")],
            grossOutput: [Double](repeating: 1, count: n))
    }()

    /// Cell index in `economy` (4 sectors per region).
    static func cell(_ region: Int, _ sector: Int) -> Int { region * 4 + sector }

    static var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/scenarios")
    }

    /// Checks YAML text (named `test.yaml`, relative paths against the fixtures folder).
    static func document(_ yaml: String) -> ScenarioDocument {
        ScenarioDocument(yaml: yaml, file: "test.yaml", directory: fixtures)
    }

    /// Resolves YAML text against `economy`, or records the problems and returns nil.
    static func resolve(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) -> ResolvedScenario? {
        do {
            return try document(yaml).resolve(against: economy)
        } catch {
            Issue.record("unexpected problems:\n\(error)", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// Resolves a fixture file against `economy`, or records the problems and returns nil.
    static func resolve(fixture name: String, sourceLocation: SourceLocation = #_sourceLocation) -> ResolvedScenario? {
        do {
            return try ScenarioDocument(contentsOf: fixtures.appendingPathComponent(name), shownAs: name).resolve(against: economy)
        } catch {
            Issue.record("unexpected problems:\n\(error)", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// The problems of YAML text resolved against `economy` (empty when it is valid).
    static func problems(_ yaml: String) -> [ScenarioProblem] {
        do {
            _ = try document(yaml).resolve(against: economy)
            return []
        } catch {
            return error.problems
        }
    }

    /// The problems of a fixture file resolved against `economy`.
    static func problems(ofFixture name: String) -> [ScenarioProblem] {
        let document = ScenarioDocument(contentsOf: fixtures.appendingPathComponent(name), shownAs: name)
        do {
            _ = try document.resolve(against: economy)
            return []
        } catch {
            return error.problems
        }
    }
}
