import ShockFlowTestSupport
import Testing
@testable import ShockFlowLinearAlgebra

@Suite struct LUFactorizationTests {
    /// Miller & Blair (2009), section 2.3: A = [[.15,.25],[.20,.05]] has
    /// L = (I − A)⁻¹ = [[1.2541, 0.3300], [0.2640, 1.1221]] (four decimals, as printed).
    @Test func millerBlairTwoSectorInverse() throws {
        let a = try Matrix(rowMajor: [[0.15, 0.25], [0.20, 0.05]])
        let leontief = try LUFactorization(a.identityMinus()).inverse()
        let printed = [[1.2541, 0.3300], [0.2640, 1.1221]]
        for i in 0..<2 {
            for j in 0..<2 { #expect(abs(leontief[i, j] - printed[i][j]) < 5e-5) }
        }
    }

    /// Solving against many right-hand sides at once equals solving them one by one, and M·X = B.
    @Test func multipleRightHandSidesMatchSingleSolves() throws {
        var generator = SplitMix64(seed: 7)
        let n = 40, nrhs = 9
        var m = Matrix(rows: n, columns: n)
        for index in m.elements.indices { m.elements[index] = generator.nextUnit() - 0.5 }
        for i in 0..<n { m[i, i] += Double(n) }
        var b = Matrix(rows: n, columns: nrhs)
        for index in b.elements.indices { b.elements[index] = generator.nextUnit() }
        let lu = try LUFactorization(m)
        let batched = try lu.solve(b)
        for column in 0..<nrhs {
            let single = try lu.solve(b.column(column))
            for i in 0..<n { #expect(abs(single[i] - batched[i, column]) <= 1e-13) }
        }
        let residual = try Matrix.product(m, batched)
        for index in residual.elements.indices { #expect(abs(residual.elements[index] - b.elements[index]) < 1e-11) }
        // The transposed solve satisfies Mᵀ·X = B.
        let transposedSolution = try lu.solve(b, transpose: .transposed)
        let transposedResidual = try Matrix.product(m, transposedSolution, transposeA: .transposed)
        for index in b.elements.indices { #expect(abs(transposedResidual.elements[index] - b.elements[index]) < 1e-11) }
        // Up to `columnByColumnLimit` columns are solved one call per column: the same solutions, in place.
        for width in 2...LUFactorization.columnByColumnLimit {
            let narrow = try Matrix(rows: n, columns: width, columnMajor: Array(b.elements[0..<(n * width)]))
            for transpose in [Transpose.none, .transposed] {
                let reference = try lu.solve(b, transpose: transpose)
                let solution = try lu.solve(narrow, transpose: transpose)
                #expect(solution.rows == n && solution.columns == width)
                for index in solution.elements.indices { #expect(abs(solution.elements[index] - reference.elements[index]) <= 1e-13) }
            }
        }
    }

    @Test func singularMatrixNamesPivot() throws {
        let m = try Matrix(rowMajor: [[1, 2], [2, 4]])
        #expect(throws: LinearAlgebraError.singular(pivot: 2)) { try LUFactorization(m) }
    }

    /// The 1-norm condition number of diag(1, 100) is exactly 100; dgecon's estimate is exact for diagonals.
    @Test func conditionEstimateOfDiagonal() throws {
        let m = try Matrix(rowMajor: [[1, 0], [0, 100]])
        let rcond = try LUFactorization(m).reciprocalConditionNumber()
        #expect(abs(1 / rcond - 100) < 1e-9)
    }

    @Test func dimensionMismatchIsTyped() throws {
        let lu = try LUFactorization(Matrix.identity(3))
        #expect(throws: LinearAlgebraError.self) { try lu.solve(Matrix(rows: 2, columns: 1)) }
        #expect(throws: LinearAlgebraError.self) { try Matrix.product(Matrix(rows: 2, columns: 3), Matrix(rows: 2, columns: 3)) }
    }
}

@Suite struct IdentityMinusFactorizationTests {
    /// Factoring I − C directly gives the same factors and solves as factoring the formed I − C.
    @Test func matchesFactoringTheFormedMatrix() throws {
        var generator = SplitMix64(seed: 11)
        var c = Matrix(rows: 30, columns: 30)
        for index in c.elements.indices { c.elements[index] = generator.nextUnit() / 60 }
        let direct = try LUFactorization(identityMinus: c)
        let formed = try LUFactorization(c.identityMinus())
        #expect(direct.factors == formed.factors && direct.pivots == formed.pivots)
        #expect(direct.oneNorm == formed.oneNorm)
    }
}
