import COpenBLAS

/// An LU factorisation with partial pivoting (`dgetrf`), computed once and reused for
/// any number of solves (`dgetrs`, many right-hand sides per call).
public struct LUFactorization: Sendable {
    public let order: Int
    /// The packed L and U factors as LAPACK returns them.
    let factors: [Double]
    let pivots: [Int32]
    /// The 1-norm of the factored matrix, kept for the condition estimate.
    public let oneNorm: Double

    public init(_ matrix: Matrix) throws {
        guard matrix.isSquare else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "LU factorisation", expected: "square matrix", actual: "\(matrix.rows)×\(matrix.columns)")
        }
        try self.init(order: matrix.rows, overwriting: matrix.elements)
    }

    /// Factors I − C for a square C without forming I − C separately: one n×n allocation
    /// (the factors) instead of two, which matters at n in the thousands.
    public init(identityMinus coefficients: Matrix) throws {
        guard coefficients.isSquare else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "LU factorisation of I − C", expected: "square matrix",
                actual: "\(coefficients.rows)×\(coefficients.columns)")
        }
        let n = coefficients.rows
        var elements = coefficients.elements
        let count = try lapackInt(elements.count)
        elements.withUnsafeMutableBufferPointer { buffer in
            cblas_dscal(count, -1, buffer.baseAddress, 1)
            for i in 0..<n { buffer[i + i * n] += 1 }
        }
        try self.init(order: n, overwriting: elements)
    }

    /// Factors the n×n column-major `elements` in place (`dgetrf`).
    private init(order n: Int, overwriting elements: [Double]) throws {
        LAPACKConfiguration.configure()
        let n32 = try lapackInt(n)
        var factors = elements
        var pivots = [Int32](repeating: 0, count: n)
        let oneNorm = n == 0 ? 0 : factors.withUnsafeBufferPointer { buffer in
            LAPACKE_dlange(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "1")), n32, n32, buffer.baseAddress, max(1, n32))
        }
        if n > 0 {
            let info = factors.withUnsafeMutableBufferPointer { buffer in
                pivots.withUnsafeMutableBufferPointer { pivotBuffer in
                    LAPACKE_dgetrf(LAPACK_COL_MAJOR, n32, n32, buffer.baseAddress, n32, pivotBuffer.baseAddress)
                }
            }
            if info > 0 { throw LinearAlgebraError.singular(pivot: Int(info)) }
            if info < 0 { throw LinearAlgebraError.illegalArgument(routine: "dgetrf", position: Int(-info)) }
        }
        self.order = n
        self.factors = factors
        self.pivots = pivots
        self.oneNorm = oneNorm
    }

    /// Up to this many right-hand sides are solved one `dgetrs` call each. OpenBLAS solves a single
    /// right-hand side with two triangular matrix–vector solves but two or more with blocked
    /// matrix–matrix solves that pack the factors first: at n = 1302 one column takes 0.32–0.35 ms, two
    /// columns in one call 1.40–1.44 ms, four 1.35–1.43 ms (bench/RESULTS.md, "Small solves").
    static let columnByColumnLimit = 3

    /// Solves `op(M)·X = B`: all columns of B in one `dgetrs` call, or one call per column when B has
    /// at most `columnByColumnLimit` columns.
    public func solve(_ rightHandSides: Matrix, transpose: Transpose = .none) throws -> Matrix {
        guard rightHandSides.rows == order else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "LU solve", expected: "\(order) rows", actual: "\(rightHandSides.rows) rows")
        }
        LAPACKConfiguration.configure()
        var solution = rightHandSides
        if order == 0 || rightHandSides.columns == 0 { return solution }
        let columns = rightHandSides.columns
        let n32 = try lapackInt(order), nrhs = try lapackInt(columns)
        let trans = CChar(UInt8(ascii: transpose == .none ? "N" : "T"))
        let calls: [(offset: Int, count: Int32)] =
            columns <= Self.columnByColumnLimit ? (0..<columns).map { ($0 * order, 1) } : [(0, nrhs)]
        let info = factors.withUnsafeBufferPointer { factorBuffer in
            pivots.withUnsafeBufferPointer { pivotBuffer in
                solution.elements.withUnsafeMutableBufferPointer { buffer in
                    for (offset, count) in calls {
                        let info = LAPACKE_dgetrs(
                            LAPACK_COL_MAJOR, trans, n32, count, factorBuffer.baseAddress, n32, pivotBuffer.baseAddress,
                            buffer.baseAddress.map { $0 + offset }, n32)
                        if info != 0 { return info }
                    }
                    return 0
                }
            }
        }
        if info < 0 { throw LinearAlgebraError.illegalArgument(routine: "dgetrs", position: Int(-info)) }
        return solution
    }

    /// Solves `op(M)·x = b` for one vector.
    public func solve(_ rightHandSide: [Double], transpose: Transpose = .none) throws -> [Double] {
        try solve(Matrix(column: rightHandSide), transpose: transpose).elements
    }

    /// Estimate of the reciprocal 1-norm condition number (`dgecon`); 0 means singular to working precision.
    public func reciprocalConditionNumber() throws -> Double {
        if order == 0 { return 1 }
        let n32 = try lapackInt(order)
        var rcond = 0.0
        let info = factors.withUnsafeBufferPointer { buffer in
            LAPACKE_dgecon(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "1")), n32, buffer.baseAddress, n32, oneNorm, &rcond)
        }
        if info < 0 { throw LinearAlgebraError.illegalArgument(routine: "dgecon", position: Int(-info)) }
        return rcond
    }

    /// The explicit inverse (`dgetri`). Use only when the inverse itself is the result asked for.
    public func inverse() throws -> Matrix {
        var result = try Matrix(rows: order, columns: order, columnMajor: factors)
        if order == 0 { return result }
        let n32 = try lapackInt(order)
        let info = result.elements.withUnsafeMutableBufferPointer { buffer in
            pivots.withUnsafeBufferPointer { pivotBuffer in
                LAPACKE_dgetri(LAPACK_COL_MAJOR, n32, buffer.baseAddress, n32, pivotBuffer.baseAddress)
            }
        }
        if info > 0 { throw LinearAlgebraError.singular(pivot: Int(info)) }
        if info < 0 { throw LinearAlgebraError.illegalArgument(routine: "dgetri", position: Int(-info)) }
        return result
    }
}

/// Process-wide LAPACKE settings, applied once before the first factorisation or solve.
enum LAPACKConfiguration {
    /// LAPACKE scans every input matrix for NaN before each call (about 10 % of a multi-RHS
    /// solve at n = 1302). ShockFlow refuses non-finite values when data is loaded and checked
    /// (MODEL section 1), so the scan is switched off.
    private static let configured: Bool = {
        LAPACKE_set_nancheck(0)
        return true
    }()

    static func configure() { _ = configured }
}

