import ShockFlowTestSupport
import Testing
@testable import ShockFlowLinearAlgebra

/// The blocked single-precision LU whose updates run in two halves (`TwoWaySinglePrecisionLU`), against
/// the definition P·A = L·U with partial pivoting.
@Suite struct TwoWaySinglePrecisionLUTests {
    /// A general (non-Leontief) seeded matrix of order n with entries in [−1, 1): pivoting matters.
    private func randomMatrix(order n: Int, seed: UInt64) -> [Float] {
        var generator = SplitMix64(seed: seed)
        return (0..<n * n).map { _ in Float(2 * generator.nextUnit() - 1) }
    }

    private func factored(_ matrix: [Float], order n: Int, concurrently: Bool) -> (factors: [Float], pivots: [Int32], info: Int32) {
        var factors = matrix
        var pivots = [Int32](repeating: 0, count: n)
        let info = factors.withUnsafeMutableBufferPointer { f in
            pivots.withUnsafeMutableBufferPointer { TwoWaySinglePrecisionLU.factor(f, order: n, pivots: $0, concurrently: concurrently) }
        }
        return (factors, pivots, info)
    }

    /// ‖P·A − L·U‖_max / ‖A‖_max, computed in double (`dgemm`) from the packed factors and the row swaps.
    private func backwardError(_ matrix: [Float], order n: Int, factors: [Float], pivots: [Int32]) throws -> Double {
        var permuted = matrix.map(Double.init)
        for (row, pivot) in pivots.enumerated() where Int(pivot) - 1 != row {
            for column in 0..<n { permuted.swapAt(row + column * n, Int(pivot) - 1 + column * n) }
        }
        var lower = Matrix(rows: n, columns: n), upper = Matrix(rows: n, columns: n)
        for column in 0..<n {
            for row in 0..<n {
                let value = Double(factors[row + column * n])
                if row > column { lower[row, column] = value } else { upper[row, column] = value }
            }
            lower[column, column] = 1
        }
        var difference = Matrix(rows: n, columns: n)
        difference.elements = permuted
        try Matrix.gemm(lower, upper, alpha: -1, beta: 1, into: &difference)
        let largest = difference.elements.map(abs).max() ?? .infinity
        return largest / (matrix.map { Double(abs($0)) }.max() ?? 1)
    }

    /// Order 900 (above `threadedOrder`, several panels and an uneven last one): the factors reproduce P·A
    /// to single precision's backward error (Higham 2002, theorem 9.3: ‖ΔA‖ ≤ γ_n·‖L‖·‖U‖; here well under
    /// n·ε·growth), and every multiplier of L is at most 1 in magnitude, as partial pivoting makes them.
    @Test func factorsReproducePermutedMatrixWithPartialPivoting() throws {
        let n = 900
        let matrix = randomMatrix(order: n, seed: 900)
        let (factors, pivots, info) = factored(matrix, order: n, concurrently: true)
        #expect(info == 0)
        let error = try backwardError(matrix, order: n, factors: factors, pivots: pivots)
        #expect(error <= Double(n) * Double(Float.ulpOfOne), "backward error \(error)")
        var largestMultiplier: Float = 0
        for column in 0..<n { for row in column + 1..<n { largestMultiplier = max(largestMultiplier, abs(factors[row + column * n])) } }
        #expect(largestMultiplier <= 1)
        #expect(pivots.enumerated().allSatisfy { row, pivot in Int(pivot) - 1 >= row && Int(pivot) - 1 < n })
    }

    /// The halves on two threads or one after the other: the same factors and swaps to the last bit.
    @Test func sameBitsWithOrWithoutThreads() {
        let n = 800
        let matrix = randomMatrix(order: n, seed: 800)
        let together = factored(matrix, order: n, concurrently: true)
        let apart = factored(matrix, order: n, concurrently: false)
        #expect(together.info == 0 && apart.info == 0 && together.pivots == apart.pivots)
        #expect(together.factors.map(\.bitPattern) == apart.factors.map(\.bitPattern))
    }

    /// A zero column in the second panel: reported as `sgetrf` reports it, the 1-based index of the pivot.
    @Test func zeroPivotIsReportedAtItsColumn() {
        let n = 300
        var matrix = randomMatrix(order: n, seed: 300)
        let column = TwoWaySinglePrecisionLU.panelWidth + 5
        for row in 0..<n { matrix[row + column * n] = 0 }
        #expect(factored(matrix, order: n, concurrently: false).info == Int32(column + 1))
    }
}
