import ShockFlowTestSupport
import Testing
@testable import ShockFlowLinearAlgebra

/// Single-precision LU with refinement to double precision (`dsgesv`'s strategy) for I − C.
@Suite struct RefinedLUFactorizationTests {
    /// Miller & Blair (2009), section 2.3: A = [[.15,.25],[.20,.05]], L = (I − A)⁻¹ =
    /// [[1.2541, 0.3300], [0.2640, 1.1221]] (to 4 decimals); exactly L = [[.95, .25], [.20, .85]] / 0.7575.
    @Test func millerBlairToDoublePrecision() throws {
        let a = try Matrix(rowMajor: [[0.15, 0.25], [0.20, 0.05]])
        let factorization = try RefinedLUFactorization(identityMinus: a)
        let x = try factorization.solve([1, 0])
        #expect(abs(x[0] - 0.95 / 0.7575) <= 2e-16 * 1.26 && abs(x[1] - 0.20 / 0.7575) <= 2e-16)
        let y = try factorization.solve([1, 0], transpose: .transposed)
        #expect(abs(y[0] - 0.95 / 0.7575) <= 2e-16 * 1.26 && abs(y[1] - 0.25 / 0.7575) <= 2e-16)
    }

    /// A random Leontief system (seeded) of order 300 with 40 right-hand sides: the refined solutions agree
    /// with double-precision LU to round-off, plain and transposed.
    @Test func agreesWithDoublePrecisionLU() throws {
        var generator = SplitMix64(seed: 300)
        let n = 300
        var c = Matrix(rows: n, columns: n)
        for j in 0..<n {
            let column = (0..<n).map { _ in generator.nextUnit() }
            let total = column.reduce(0, +)
            for i in 0..<n { c[i, j] = 0.7 * column[i] / total }
        }
        var b = Matrix(rows: n, columns: 40)
        for index in b.elements.indices { b.elements[index] = 2 * generator.nextUnit() - 1 }
        let refined = try RefinedLUFactorization(identityMinus: c)
        let exact = try LUFactorization(identityMinus: c)
        for transpose in [Transpose.none, .transposed] {
            let x = try refined.solve(b, transpose: transpose), reference = try exact.solve(b, transpose: transpose)
            let scale = reference.elements.map(abs).max() ?? 1
            let largest = zip(x.elements, reference.elements).map { abs($0 - $1) }.max() ?? .infinity
            #expect(largest <= 1e-13 * scale, "\(transpose): largest difference \(largest) at scale \(scale)")
        }
    }

    /// det(I − C) = 5·10⁻¹⁰: single precision cannot see it (its LU breaks down), so the double LU
    /// takes over and still gives (I − C)⁻¹·e₁ = (1e9 + 2, 1e9).
    @Test func nearlySingularFallsBackToDoublePrecision() throws {
        let c = try Matrix(rowMajor: [[0.5, 0.5], [0.5, 0.5 - 1e-9]])
        let x = try RefinedLUFactorization(identityMinus: c).solve([1, 0])
        #expect(abs(x[0] - (1e9 + 2)) <= 1e-5 * 1e9 && abs(x[1] - 1e9) <= 1e-5 * 1e9, "\(x)")
    }

    /// det(I − C) = 5·10⁻⁷: single precision factors it, refinement takes more steps and converges.
    @Test func illConditionedRefinesToDoublePrecision() throws {
        let c = try Matrix(rowMajor: [[0.5, 0.5], [0.5, 0.5 - 1e-6]])
        let x = try RefinedLUFactorization(identityMinus: c).solve([1, 0])
        let reference = try LUFactorization(identityMinus: c).solve([1, 0])
        #expect(abs(x[0] - reference[0]) <= 1e-9 * abs(reference[0]) && abs(x[1] - reference[1]) <= 1e-9 * abs(reference[1]))
    }

    @Test func singularSystemIsReported() throws {
        let c = try Matrix(rowMajor: [[0.5, 0.5], [0.5, 0.5]])
        #expect(throws: LinearAlgebraError.self) { try RefinedLUFactorization(identityMinus: c) }
    }
}
