import COpenBLAS

extension Matrix {
    /// The least-squares solution X of min ‖A·X − B‖ for a full-rank A with at least as many rows
    /// as columns (`dgels`, QR), all right-hand sides in one call; X is columns(A) × columns(B).
    public static func leastSquares(_ a: Matrix, _ b: Matrix) throws -> Matrix {
        guard a.rows >= a.columns, b.rows == a.rows else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "least squares", expected: "A m×n with m ≥ n and B with m rows",
                actual: "A \(a.rows)×\(a.columns), B \(b.rows)×\(b.columns)")
        }
        var solution = Matrix(rows: a.columns, columns: b.columns)
        if a.columns == 0 || b.columns == 0 { return solution }
        let m = try lapackInt(a.rows), n = try lapackInt(a.columns), nrhs = try lapackInt(b.columns)
        var factors = a.elements
        var rightHandSides = b.elements
        let info = factors.withUnsafeMutableBufferPointer { aBuffer in
            rightHandSides.withUnsafeMutableBufferPointer { bBuffer in
                LAPACKE_dgels(
                    LAPACK_COL_MAJOR, CChar(UInt8(ascii: "N")), m, n, nrhs, aBuffer.baseAddress, m,
                    bBuffer.baseAddress, m)
            }
        }
        // info > 0: the info-th diagonal element of R is exactly zero, so A is rank-deficient.
        if info > 0 { throw LinearAlgebraError.singular(pivot: Int(info)) }
        if info < 0 { throw LinearAlgebraError.illegalArgument(routine: "dgels", position: Int(-info)) }
        for column in 0..<b.columns {
            for row in 0..<a.columns { solution[row, column] = rightHandSides[row + column * a.rows] }
        }
        return solution
    }
}
