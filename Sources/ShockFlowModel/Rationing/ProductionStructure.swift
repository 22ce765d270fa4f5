import ShockFlowLinearAlgebra

/// The base-year coefficients the supply-constrained step works on (MODEL (3) and (6)),
/// built once per economy. Cells are region-major: cell i = (r, s) has index r·S + s.
public struct ProductionStructure: Sendable {
    public let regionCount: Int
    public let sectorCount: Int
    /// A (n×n), MODEL (3): column j holds j's domestic inputs per unit of its output.
    public let technicalCoefficients: Matrix
    /// a_m (P×n), MODEL (6): imports of product p per unit of j's output.
    public let importCoefficients: Matrix
    /// a_v (n), MODEL (6): value added per unit of output.
    public let valueAddedCoefficients: [Double]
    /// x (n), annual base output; gives the national shares of a substitute sector's output.
    public let grossOutput: [Double]

    public init(
        regionCount: Int, sectorCount: Int, technicalCoefficients: Matrix, importCoefficients: Matrix,
        valueAddedCoefficients: [Double], grossOutput: [Double]
    ) throws {
        let n = regionCount * sectorCount
        guard regionCount > 0, sectorCount > 0 else {
            throw RationingError.inconsistentShape(
                field: "regions × sectors", expected: "at least one of each", actual: "\(regionCount) × \(sectorCount)")
        }
        try Self.expect("technical coefficients A", technicalCoefficients, rows: n, columns: n)
        try Self.expect("import coefficients a_m", importCoefficients, rows: importCoefficients.rows, columns: n)
        try Self.expect("value-added coefficients a_v", Matrix(column: valueAddedCoefficients), rows: n, columns: 1)
        try Self.expect("gross output x", Matrix(column: grossOutput), rows: n, columns: 1)
        self.regionCount = regionCount
        self.sectorCount = sectorCount
        self.technicalCoefficients = technicalCoefficients
        self.importCoefficients = importCoefficients
        self.valueAddedCoefficients = valueAddedCoefficients
        self.grossOutput = grossOutput
    }

    /// n = R·S.
    public var cellCount: Int { regionCount * sectorCount }
    /// P, the number of imported products.
    public var importProductCount: Int { importCoefficients.rows }

    static func expect(_ field: String, _ matrix: Matrix, rows: Int, columns: Int) throws {
        guard matrix.rows == rows, matrix.columns == columns else {
            throw RationingError.inconsistentShape(
                field: field, expected: "\(rows)×\(columns)", actual: "\(matrix.rows)×\(matrix.columns)")
        }
        if let bad = matrix.elements.firstIndex(where: { !$0.isFinite }) {
            throw RationingError.valueOutOfRange(
                field: field, index: bad % max(1, rows), column: bad / max(1, rows), value: matrix.elements[bad],
                expected: "a finite number")
        }
    }
}
