/// A dense matrix of `Double`, stored column-major (LAPACK's order) with leading dimension `rows`.
public struct Matrix: Equatable, Sendable {
    public let rows: Int
    public let columns: Int
    /// Column-major elements: element (i, j) is `elements[i + j * rows]`.
    public var elements: [Double]

    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.elements = [Double](repeating: value, count: rows * columns)
    }

    /// Wraps column-major elements; fails when the count does not match the shape.
    public init(rows: Int, columns: Int, columnMajor elements: [Double]) throws {
        guard rows >= 0, columns >= 0, elements.count == rows * columns else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "Matrix(columnMajor:)", expected: "\(rows)×\(columns) = \(rows * columns) elements",
                actual: "\(elements.count) elements")
        }
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// Builds a matrix from rows written as nested arrays (convenient for small fixtures).
    public init(rowMajor rowArrays: [[Double]]) throws {
        let rowCount = rowArrays.count
        let columnCount = rowArrays.first?.count ?? 0
        guard rowArrays.allSatisfy({ $0.count == columnCount }) else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "Matrix(rowMajor:)", expected: "rows of \(columnCount) elements", actual: "ragged rows")
        }
        self.init(rows: rowCount, columns: columnCount)
        for (i, row) in rowArrays.enumerated() {
            for (j, value) in row.enumerated() { elements[i + j * rowCount] = value }
        }
    }

    /// A column vector (n × 1).
    public init(column: [Double]) {
        self.rows = column.count
        self.columns = 1
        self.elements = column
    }

    public static func identity(_ n: Int) -> Matrix {
        var matrix = Matrix(rows: n, columns: n)
        for i in 0..<n { matrix.elements[i + i * n] = 1 }
        return matrix
    }

    @inlinable
    public subscript(row: Int, column: Int) -> Double {
        get { elements[row + column * rows] }
        set { elements[row + column * rows] = newValue }
    }

    /// A copy of column `j`.
    public func column(_ j: Int) -> [Double] {
        Array(elements[(j * rows)..<((j + 1) * rows)])
    }

    /// Calls `body` with column `j`'s elements (contiguous in column-major storage), without copying.
    @inlinable
    public func withColumn<Result>(_ j: Int, _ body: (UnsafeBufferPointer<Double>) throws -> Result) rethrows -> Result {
        precondition(j >= 0 && j < columns, "column index out of range")
        return try elements.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[(j * rows)..<((j + 1) * rows)])) }
    }

    /// Calls `body` with column `j`'s elements to write them in place (no copy of the column).
    @inlinable
    public mutating func withMutableColumn<Result>(
        _ j: Int, _ body: (UnsafeMutableBufferPointer<Double>) throws -> Result
    ) rethrows -> Result {
        precondition(j >= 0 && j < columns, "column index out of range")
        let range = (j * rows)..<((j + 1) * rows)
        return try elements.withUnsafeMutableBufferPointer { try body(UnsafeMutableBufferPointer(rebasing: $0[range])) }
    }

    /// Replaces column `j`; the values must have `rows` elements.
    public mutating func setColumn(_ j: Int, to values: [Double]) {
        precondition(values.count == rows, "column length must equal the row count")
        elements.replaceSubrange((j * rows)..<((j + 1) * rows), with: values)
    }

    public var transposed: Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for j in 0..<columns {
            for i in 0..<rows { result.elements[j + i * columns] = elements[i + j * rows] }
        }
        return result
    }

    public var isSquare: Bool { rows == columns }
}
