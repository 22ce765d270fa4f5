import COpenBLAS
import Foundation

/// The LU factorisation of I − C in single precision (blocked as `sgetrf`, its updates on two threads
/// with the same bits on any number of cores: `TwoWaySinglePrecisionLU`; about twice as fast as `dgetrf`),
/// whose solutions are refined to double-precision accuracy against C itself: LAPACK's `dsgesv`
/// strategy (Langou et al. 2006, "Exploiting the performance of 32 bit floating point arithmetic
/// in obtaining 64 bit accuracy"). Each solve starts from the single-precision solution x and
/// repeats r = b − op(I − C)·x (in double, one `dgemm` with C), x += op(I − C)⁻¹·r until
/// ‖r‖∞ ≤ ‖x‖∞·‖I − C‖∞·ε·√n, as `dsgesv` stops. When single precision cannot get there (a
/// near-singular system: more than `maximumRefinements` steps), or `sgetrf` finds a zero pivot,
/// the double-precision LU (`LUFactorization`) takes over.
public struct RefinedLUFactorization: Sendable {
    public let order: Int
    /// C, kept for the residuals (the caller's coefficient matrix, shared, not copied).
    let coefficients: Matrix
    let factors: [Float]
    let pivots: [Int32]
    /// ‖I − C‖∞ and ‖I − C‖₁ (for the stopping test of transposed solves).
    let infinityNorm: Double
    let oneNorm: Double
    /// Set when single precision failed at factoring: every solve uses it.
    let doublePrecision: LUFactorization?
    /// `dsgesv`'s ITERMAX.
    static let maximumRefinements = 30

    public init(identityMinus coefficients: Matrix) throws {
        guard coefficients.isSquare else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "LU factorisation of I − C", expected: "square matrix",
                actual: "\(coefficients.rows)×\(coefficients.columns)")
        }
        LAPACKConfiguration.configure()
        let n = coefficients.rows
        let n32 = try lapackInt(n), count = try lapackInt(coefficients.elements.count)
        // I − C in single precision: C rounded (`dlag2s`), negated (`sscal`), 1 added on the diagonal.
        var factors = [Float](repeating: 0, count: n * n)
        var info: Int32 = 0
        if n > 0 {
            info = coefficients.elements.withUnsafeBufferPointer { c in
                factors.withUnsafeMutableBufferPointer { f in
                    LAPACKE_dlag2s(LAPACK_COL_MAJOR, n32, n32, c.baseAddress, n32, f.baseAddress, n32)
                }
            }
        }
        let (infinityNorm, oneNorm): (Double, Double) = factors.withUnsafeMutableBufferPointer { f in
            cblas_sscal(count, -1, f.baseAddress, 1)
            for i in 0..<n { f[i + i * n] += 1 }
            guard n > 0 else { return (0, 0) }
            return (
                Double(LAPACKE_slange(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "I")), n32, n32, f.baseAddress, n32)),
                Double(LAPACKE_slange(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "1")), n32, n32, f.baseAddress, n32))
            )
        }
        var pivots = [Int32](repeating: 0, count: n)
        if n > 0, info == 0 {
            info = factors.withUnsafeMutableBufferPointer { buffer in
                pivots.withUnsafeMutableBufferPointer { pivotBuffer in
                    TwoWaySinglePrecisionLU.factor(buffer, order: n, pivots: pivotBuffer)
                }
            }
            if info < 0 { throw LinearAlgebraError.illegalArgument(routine: "sgetrf", position: Int(-info)) }
        }
        self.order = n
        self.coefficients = coefficients
        self.infinityNorm = infinityNorm
        self.oneNorm = oneNorm
        // C beyond single precision's range, or a zero pivot in single precision: the double LU decides
        // (and reports a truly singular system).
        self.doublePrecision = info > 0 ? try LUFactorization(identityMinus: coefficients) : nil
        self.factors = info > 0 ? [] : factors
        self.pivots = pivots
    }

    /// Solves `op(I − C)·X = B` for all columns of B, to double-precision accuracy.
    public func solve(_ rightHandSides: Matrix, transpose: Transpose = .none) throws -> Matrix {
        guard rightHandSides.rows == order else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "LU solve", expected: "\(order) rows", actual: "\(rightHandSides.rows) rows")
        }
        if let doublePrecision { return try doublePrecision.solve(rightHandSides, transpose: transpose) }
        if order == 0 || rightHandSides.columns == 0 { return rightHandSides }
        guard var solution = try singlePrecisionSolve(rightHandSides, transpose: transpose) else {
            return try LUFactorization(identityMinus: coefficients).solve(rightHandSides, transpose: transpose)
        }
        let norm = transpose == .none ? infinityNorm : oneNorm
        let threshold = norm * Double.ulpOfOne * Double(order).squareRoot()
        for _ in 0..<Self.maximumRefinements {
            // r = b − x + op(C)·x
            var residual = rightHandSides
            try residual.add(solution, scaledBy: -1)
            try Matrix.gemm(coefficients, solution, transposeA: transpose, alpha: 1, beta: 1, into: &residual)
            if converged(residual: residual, solution: solution, threshold: threshold) { return solution }
            guard let correction = try singlePrecisionSolve(residual, transpose: transpose) else { break }
            try solution.add(correction, scaledBy: 1)
        }
        return try LUFactorization(identityMinus: coefficients).solve(rightHandSides, transpose: transpose)
    }

    /// Solves `op(I − C)·x = b` for one vector.
    public func solve(_ rightHandSide: [Double], transpose: Transpose = .none) throws -> [Double] {
        try solve(Matrix(column: rightHandSide), transpose: transpose).elements
    }

    /// The explicit inverse (I − C)⁻¹ in double precision (`dgetrf` + `dgetri`), for reports of matrices.
    public func inverse() throws -> Matrix {
        try (doublePrecision ?? LUFactorization(identityMinus: coefficients)).inverse()
    }

    /// `dsgesv`'s test, column by column: ‖r‖∞ ≤ ‖x‖∞·‖I − C‖·ε·√n.
    private func converged(residual: Matrix, solution: Matrix, threshold: Double) -> Bool {
        let n = order
        for column in 0..<residual.columns {
            var largestResidual = 0.0, largestSolution = 0.0
            for i in 0..<n {
                largestResidual = max(largestResidual, abs(residual.elements[i + column * n]))
                largestSolution = max(largestSolution, abs(solution.elements[i + column * n]))
            }
            guard largestResidual.isFinite, largestResidual <= largestSolution * threshold else { return false }
        }
        return true
    }

    /// `sgetrs` on B rounded to single precision (`dlag2s`), returned in double (`slag2d`); nil when B
    /// is beyond single precision's range.
    private func singlePrecisionSolve(_ rightHandSides: Matrix, transpose: Transpose) throws -> Matrix? {
        let n32 = try lapackInt(order), nrhs = try lapackInt(rightHandSides.columns)
        var single = [Float](repeating: 0, count: rightHandSides.elements.count)
        let converted = rightHandSides.elements.withUnsafeBufferPointer { b in
            single.withUnsafeMutableBufferPointer { s in
                LAPACKE_dlag2s(LAPACK_COL_MAJOR, n32, nrhs, b.baseAddress, n32, s.baseAddress, n32)
            }
        }
        guard converted == 0 else { return nil }
        let trans = CChar(UInt8(ascii: transpose == .none ? "N" : "T"))
        let info = factors.withUnsafeBufferPointer { factorBuffer in
            pivots.withUnsafeBufferPointer { pivotBuffer in
                single.withUnsafeMutableBufferPointer { buffer in
                    LAPACKE_sgetrs(
                        LAPACK_COL_MAJOR, trans, n32, nrhs, factorBuffer.baseAddress, n32, pivotBuffer.baseAddress,
                        buffer.baseAddress, n32)
                }
            }
        }
        if info < 0 { throw LinearAlgebraError.illegalArgument(routine: "sgetrs", position: Int(-info)) }
        var solution = Matrix(rows: order, columns: rightHandSides.columns)
        single.withUnsafeBufferPointer { s in
            solution.elements.withUnsafeMutableBufferPointer { d in
                _ = LAPACKE_slag2d(LAPACK_COL_MAJOR, n32, nrhs, s.baseAddress, n32, d.baseAddress, n32)
            }
        }
        return solution
    }
}
