import COpenBLAS

/// Whether an operand enters a product as itself or transposed.
public enum Transpose: Sendable {
    case none
    case transposed

    var cblas: CBLAS_TRANSPOSE { self == .none ? CblasNoTrans : CblasTrans }
}

extension Matrix {
    /// Level-3 BLAS: `C ← alpha·op(A)·op(B) + beta·C` (`dgemm`).
    public static func gemm(
        _ a: Matrix, _ b: Matrix, transposeA: Transpose = .none, transposeB: Transpose = .none,
        alpha: Double = 1, beta: Double = 0, into c: inout Matrix
    ) throws {
        let m = transposeA == .none ? a.rows : a.columns
        let k = transposeA == .none ? a.columns : a.rows
        let kB = transposeB == .none ? b.rows : b.columns
        let n = transposeB == .none ? b.columns : b.rows
        guard k == kB, c.rows == m, c.columns == n else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "gemm", expected: "op(A) m×k, op(B) k×n, C m×n",
                actual: "op(A) \(m)×\(k), op(B) \(kB)×\(n), C \(c.rows)×\(c.columns)")
        }
        if m == 0 || n == 0 { return }
        let (m32, n32, k32) = (try lapackInt(m), try lapackInt(n), try lapackInt(k))
        let lda = try lapackInt(max(1, a.rows)), ldb = try lapackInt(max(1, b.rows)), ldc = try lapackInt(max(1, c.rows))
        a.elements.withUnsafeBufferPointer { aBuffer in
            b.elements.withUnsafeBufferPointer { bBuffer in
                c.elements.withUnsafeMutableBufferPointer { cBuffer in
                    cblas_dgemm(
                        CblasColMajor, transposeA.cblas, transposeB.cblas, m32, n32, k32, alpha,
                        aBuffer.baseAddress, lda, bBuffer.baseAddress, ldb, beta, cBuffer.baseAddress, ldc)
                }
            }
        }
    }

    /// `op(A)·op(B)` as a new matrix.
    public static func product(
        _ a: Matrix, _ b: Matrix, transposeA: Transpose = .none, transposeB: Transpose = .none
    ) throws -> Matrix {
        var c = Matrix(
            rows: transposeA == .none ? a.rows : a.columns, columns: transposeB == .none ? b.columns : b.rows)
        try gemm(a, b, transposeA: transposeA, transposeB: transposeB, into: &c)
        return c
    }

    /// Level-2 BLAS: `op(A)·x` (`dgemv`).
    public func multiply(_ x: [Double], transpose: Transpose = .none) throws -> [Double] {
        let inputLength = transpose == .none ? columns : rows
        let outputLength = transpose == .none ? rows : columns
        guard x.count == inputLength else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "gemv", expected: "vector of \(inputLength)", actual: "vector of \(x.count)")
        }
        var y = [Double](repeating: 0, count: outputLength)
        if outputLength == 0 || inputLength == 0 { return y }
        let m32 = try lapackInt(rows), n32 = try lapackInt(columns), lda = try lapackInt(max(1, rows))
        elements.withUnsafeBufferPointer { aBuffer in
            x.withUnsafeBufferPointer { xBuffer in
                y.withUnsafeMutableBufferPointer { yBuffer in
                    cblas_dgemv(
                        CblasColMajor, transpose.cblas, m32, n32, 1, aBuffer.baseAddress, lda,
                        xBuffer.baseAddress, 1, 0, yBuffer.baseAddress, 1)
                }
            }
        }
        return y
    }

    /// Row sums `A·1`.
    public func rowSums() throws -> [Double] { try multiply([Double](repeating: 1, count: columns)) }

    /// Column sums `Aᵀ·1`.
    public func columnSums() throws -> [Double] {
        try multiply([Double](repeating: 1, count: rows), transpose: .transposed)
    }

    /// `A·diag(d)`: scales column j by `d[j]` (`dscal` per column).
    public func scalingColumns(by d: [Double]) throws -> Matrix {
        guard d.count == columns else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "scalingColumns", expected: "\(columns) factors", actual: "\(d.count)")
        }
        var result = self
        let n32 = try lapackInt(rows)
        result.elements.withUnsafeMutableBufferPointer { buffer in
            for j in 0..<columns where d[j] != 1 {
                cblas_dscal(n32, d[j], buffer.baseAddress! + j * rows, 1)
            }
        }
        return result
    }

    /// `diag(d)·A`: scales row i by `d[i]` (`dscal` with stride `rows`).
    public func scalingRows(by d: [Double]) throws -> Matrix {
        guard d.count == rows else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "scalingRows", expected: "\(rows) factors", actual: "\(d.count)")
        }
        var result = self
        let n32 = try lapackInt(columns), stride = try lapackInt(max(1, rows))
        result.elements.withUnsafeMutableBufferPointer { buffer in
            for i in 0..<rows where d[i] != 1 {
                cblas_dscal(n32, d[i], buffer.baseAddress! + i, stride)
            }
        }
        return result
    }

    /// Column j += column j of `other` (`daxpy` on the column), for matrices of the same shape.
    public mutating func addColumn(_ j: Int, of other: Matrix) throws {
        guard other.rows == rows, other.columns == columns, (0..<columns).contains(j) else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "addColumn", expected: "\(rows)×\(columns), a column in 0..<\(columns)",
                actual: "\(other.rows)×\(other.columns), column \(j)")
        }
        let count = try lapackInt(rows)
        other.elements.withUnsafeBufferPointer { xBuffer in
            elements.withUnsafeMutableBufferPointer { yBuffer in
                cblas_daxpy(count, 1, xBuffer.baseAddress.map { $0 + j * rows }, 1, yBuffer.baseAddress.map { $0 + j * rows }, 1)
            }
        }
    }

    /// `alpha·X + self` in place (`daxpy` over all elements).
    public mutating func add(_ other: Matrix, scaledBy alpha: Double = 1) throws {
        guard other.rows == rows, other.columns == columns else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "add", expected: "\(rows)×\(columns)", actual: "\(other.rows)×\(other.columns)")
        }
        let count = try lapackInt(elements.count)
        other.elements.withUnsafeBufferPointer { xBuffer in
            elements.withUnsafeMutableBufferPointer { yBuffer in
                cblas_daxpy(count, alpha, xBuffer.baseAddress, 1, yBuffer.baseAddress, 1)
            }
        }
    }

    /// `I − self` for a square matrix.
    public func identityMinus() throws -> Matrix {
        guard isSquare else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "identityMinus", expected: "square matrix", actual: "\(rows)×\(columns)")
        }
        var result = Matrix.identity(rows)
        try result.add(self, scaledBy: -1)
        return result
    }
}
