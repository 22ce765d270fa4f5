import ShockFlowLinearAlgebra

/// What the cost-push price model reads of an economy (docs/prices.md, (P1)): the import coefficients
/// a_m and the primary-input coefficients by value-added component, per unit of each cell's output.
public struct PriceStructure: Sendable {
    public let regionCount: Int
    public let sectorCount: Int
    /// a_m (P×n): imports of product p per unit of j's output (MODEL (6)).
    public let importCoefficients: Matrix
    /// The value-added components a `cost` shock can name, sorted (empty when the table has none).
    public let componentNames: [String]
    /// One row per entry of `componentNames`, then one for the rest of value added (v − Σ components),
    /// per unit of output ((C + 1)×n): the rows add up to a_v.
    public let componentCoefficients: Matrix

    /// - Parameters:
    ///   - valueAddedComponents: v split by component (each of length n); they need not add up to v.
    public init(
        regionCount: Int, sectorCount: Int, importCoefficients: Matrix, valueAddedCoefficients: [Double],
        valueAddedComponents: [String: [Double]], grossOutput: [Double]
    ) throws {
        let n = regionCount * sectorCount
        let names = valueAddedComponents.keys.sorted()
        for (field, count) in [("value-added coefficients a_v", valueAddedCoefficients.count), ("gross output x", grossOutput.count)]
        where count != n {
            throw PriceModelError.inconsistentShape(field: field, expected: "\(n) values", actual: "\(count) values")
        }
        guard importCoefficients.columns == n else {
            throw PriceModelError.inconsistentShape(
                field: "import coefficients a_m", expected: "\(n) columns", actual: "\(importCoefficients.columns) columns")
        }
        var rows = Matrix(rows: names.count + 1, columns: n)
        for j in 0..<n {
            var named = 0.0
            for (row, name) in names.enumerated() {
                let values = valueAddedComponents[name] ?? []
                guard values.count == n else {
                    throw PriceModelError.inconsistentShape(
                        field: "value-added component '\(name)'", expected: "\(n) values", actual: "\(values.count) values")
                }
                let coefficient = grossOutput[j] == 0 ? 0 : values[j] / grossOutput[j]
                rows[row, j] = coefficient
                named += coefficient
            }
            rows[names.count, j] = valueAddedCoefficients[j] - named
        }
        self.regionCount = regionCount
        self.sectorCount = sectorCount
        self.importCoefficients = importCoefficients
        self.componentNames = names
        self.componentCoefficients = rows
    }

    /// n = R·S.
    public var cellCount: Int { regionCount * sectorCount }
    /// P.
    public var importProductCount: Int { importCoefficients.rows }
}

/// A price computation that cannot run: shapes that do not fit, or a target outside the table.
public enum PriceModelError: Error, Equatable, Sendable, CustomStringConvertible {
    case inconsistentShape(field: String, expected: String, actual: String)

    public var description: String {
        switch self {
        case .inconsistentShape(let field, let expected, let actual):
            "price model: \(field) has \(actual); expected \(expected)"
        }
    }
}
