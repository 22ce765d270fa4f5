import Foundation
import ShockFlowEngine
import ShockFlowFormats
import ShockFlowLinearAlgebra
import ShockFlowModel
import ShockFlowTestSupport
import Testing

/// A small generated economy for the scenario-run tests, written as an economy folder next to the
/// scenario files, and readers of the results tables.
enum ScenarioRunFixture {
    static let regions = [
        Label(code: "CN-BJ", name: "Beijing"), Label(code: "CN-ZJ", name: "Zhejiang"), Label(code: "CN-SH", name: "Shanghai"),
    ]
    static let sectors = [
        Label(code: "01", name: "Agriculture"), Label(code: "16", name: "General machinery"),
        Label(code: "20", name: "Electronics"), Label(code: "31", name: "Software"),
    ]
    static let categories = ["households", "government", "gfcf", "exports"].map { Label(code: $0) }
    static let products = [Label(code: "01", name: "Agricultural products"), Label(code: "20", name: "Electronic equipment")]

    /// 3 regions × 4 sectors, imports of 2 products, households, government, GFCF and exports by
    /// region, depreciation as a value-added component; balanced by construction: A and a_m are drawn
    /// with column sums below 0.7, x = (I − A)⁻¹·Y·1, Z = A·diag(x), m = a_m·diag(x), and value added
    /// is the rest of each column (depreciation 4 % of output).
    static func economy(seed: UInt64 = 11, withCapitalFormation: Bool = true) throws -> Economy {
        var random = PCG64(seed: seed)
        let n = regions.count * sectors.count
        var a = Matrix(rows: n, columns: n)
        var am = Matrix(rows: products.count, columns: n)
        for j in 0..<n {
            for i in 0..<n where random.nextUnitDouble() < (i / 4 == j / 4 ? 0.8 : 0.4) {
                a[i, j] = random.nextUnitDouble() * (i / 4 == j / 4 ? 0.2 : 0.05)
            }
            for p in 0..<products.count { am[p, j] = 0.02 + 0.08 * random.nextUnitDouble() }
        }
        let purchases = zip(try a.columnSums(), try am.columnSums()).map { $0 + $1 }
        let scale = purchases.map { $0 > 0.7 ? 0.7 / $0 : 1 }
        a = try a.scalingColumns(by: scale)
        am = try am.scalingColumns(by: scale)
        let categoryList = withCapitalFormation ? categories : categories.filter { $0.code != "gfcf" }
        let columns = regions.indices.flatMap { region in
            categoryList.indices.map { FinalDemandColumn(region: region, category: $0) }
        }
        var y = Matrix(rows: n, columns: columns.count)
        for index in y.elements.indices { y.elements[index] = 5 + 35 * random.nextUnitDouble() }
        let x = try LUFactorization(a.identityMinus()).solve(try y.rowSums())
        let z = try a.scalingColumns(by: x)
        let m = try am.scalingColumns(by: x)
        let depreciation = x.map { 0.04 * $0 }
        let rest = (0..<n).map { j in
            x[j] - (0..<n).reduce(0.0) { $0 + z[$1, j] } - (0..<products.count).reduce(0.0) { $0 + m[$1, j] } - depreciation[j]
        }
        return Economy(
            metadata: EconomyMetadata(name: "generated", moneyUnit: "yuan", regionGroups: ["coastal": ["CN-ZJ", "CN-SH"]]),
            regions: regions, sectors: sectors, finalDemandCategories: categoryList, intermediateFlows: z, finalDemand: y,
            finalDemandColumns: columns, valueAdded: zip(depreciation, rest).map { $0 + $1 },
            valueAddedComponents: ["depreciation": depreciation, "other": rest], importProducts: products,
            intermediateImports: m, grossOutput: x)
    }

    /// Cell index (4 sectors per region).
    static func cell(_ region: Int, _ sector: Int) -> Int { region * 4 + sector }

    /// Writes `economy` to `directory/economy` and `yaml` to `directory/scenario.yaml`.
    static func write(_ yaml: String, economy: Economy, in directory: String) throws -> String {
        try EconomyFolderWriter.write(economy, to: directory + "/economy")
        return try writeFile(yaml, named: "scenario.yaml", in: directory)
    }

    /// Writes the generated economy and the scenario into a fresh folder, runs it, and hands the results folder to `body`.
    static func withRun<Result>(
        _ yaml: String, economy: Economy? = nil, files: [String: String] = [:],
        _ body: (String, ScenarioRunner.Outcome) throws -> Result
    ) throws -> Result {
        try withTemporaryDirectory { directory in
            let scenario = try write(yaml, economy: economy ?? Self.economy(), in: directory)
            for (name, text) in files { try writeFile(text, named: name, in: directory) }
            let outcome = try ScenarioRunner.run(scenarioFile: scenario, outputFolder: directory + "/results")
            return try body(directory + "/results", outcome)
        }
    }

    /// max |actual − expected| over max |expected|: how far apart two vectors are, relative to their scale.
    static func deviation(_ actual: [Double], _ expected: [Double]) -> Double {
        guard actual.count == expected.count else { return .infinity }
        let scale = expected.map(abs).max() ?? 0
        let largest = zip(actual, expected).map { abs($0 - $1) }.max() ?? 0
        return scale == 0 ? largest : largest / scale
    }

    /// A results table: the header and the rows, split at commas (codes and metric names hold none).
    static func table(_ path: String) throws -> (header: [String], rows: [[String]]) {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "", "\(path) ends with a line break")
        let fields = lines.dropLast().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return (fields.first ?? [], Array(fields.dropFirst()))
    }

    /// The rows of a tidy table keyed by their label fields (all but the last four) joined with `|`.
    static func comparisons(_ path: String) throws -> [(
        labels: [String], baseline: Double, scenario: Double, difference: Double, relative: String
    )] {
        try table(path).rows.map { row in
            let labels = Array(row.dropLast(4))
            let numbers = row.suffix(4).map { Double($0) ?? .nan }
            return (labels, numbers[0], numbers[1], numbers[2], row[row.count - 1])
        }
    }
}
