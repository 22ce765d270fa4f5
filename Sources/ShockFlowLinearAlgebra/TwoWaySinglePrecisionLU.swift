import COpenBLAS
import Foundation

/// The LU factorisation with partial pivoting of an n×n single-precision matrix, right-looking and blocked
/// as LAPACK's `sgetrf` is (Golub & Van Loan, *Matrix Computations*, 4th ed., algorithm 3.4.2), with the
/// work right of each panel — row swaps (`slaswp`), the block row of U (`strsm`) and the trailing update
/// (`sgemm`, nearly all the flops) — split into two fixed halves of columns that run on two threads.
///
/// OpenBLAS's own threads split sums differently with the thread count, so the factors' last bits would
/// depend on the thread setting; here every call sees the same operands whether the halves run side by
/// side or one after the other (OpenBLAS on one thread, `ReproducibleLinearAlgebra`), so the factors are
/// the same to the last bit on any number of cores, and two cores do the factorisation in about half the
/// time of one.
enum TwoWaySinglePrecisionLU {
    /// Columns per panel (LAPACK's `ilaenv` block size for `sgetrf` is 64; wider panels feed `sgemm`
    /// better at the orders where two threads pay).
    static let panelWidth = 128
    /// Below this order the halves run one after the other (threads cost more than they save).
    static let threadedOrder = 768

    /// Factors `factors` (column-major, n×n) in place; `pivots` receives LAPACK's 1-based row swaps.
    /// Returns 0, or as `sgetrf` does the 1-based index of the first zero pivot (the factors are then
    /// incomplete). `concurrently`: whether the halves run on two threads (default: from `threadedOrder`
    /// on); the factors are the same either way.
    static func factor(
        _ factors: UnsafeMutableBufferPointer<Float>, order n: Int, pivots: UnsafeMutableBufferPointer<Int32>,
        concurrently: Bool? = nil
    ) -> Int32 {
        guard n > 0, let matrixBase = factors.baseAddress, let pivotsBase = pivots.baseAddress else { return 0 }
        // The two halves write disjoint columns and only read the panel and the swaps.
        nonisolated(unsafe) let base = matrixBase
        nonisolated(unsafe) let pivotBase = pivotsBase
        let lda = Int32(n)  // n fits: the caller checked n·n with `lapackInt`
        for start in stride(from: 0, to: n, by: panelWidth) {
            let width = min(panelWidth, n - start)
            nonisolated(unsafe) let panel = base + start + start * n
            // The panel A[start..<n, start..<start+width] (`sgetrf` on n − start rows).
            let info = LAPACKE_sgetrf_work(
                LAPACK_COL_MAJOR, Int32(n - start), Int32(width), panel, lda, pivotBase + start)
            if info != 0 { return info > 0 ? info + Int32(start) : info }
            for i in start..<start + width { pivotBase[i] += Int32(start) }
            let (first, last) = (Int32(start + 1), Int32(start + width))
            // The same row swaps on the columns left of the panel (the L already computed).
            if start > 0 { LAPACKE_slaswp_work(LAPACK_COL_MAJOR, Int32(start), base, lda, first, last, pivotBase, 1) }
            let right = n - start - width
            guard right > 0 else { continue }
            // Columns right of the panel, in two fixed halves: swaps, U12 = L11⁻¹·A12, A22 −= L21·U12.
            let halves = [(start + width, right / 2), (start + width + right / 2, right - right / 2)]
            let update: @Sendable (Int) -> Void = { half in
                let (column, count) = halves[half]
                guard count > 0 else { return }
                let block = base + column * n
                LAPACKE_slaswp_work(LAPACK_COL_MAJOR, Int32(count), block, lda, first, last, pivotBase, 1)
                cblas_strsm(
                    CblasColMajor, CblasLeft, CblasLower, CblasNoTrans, CblasUnit, Int32(width), Int32(count), 1,
                    panel, lda, block + start, lda)
                let below = n - start - width
                guard below > 0 else { return }
                cblas_sgemm(
                    CblasColMajor, CblasNoTrans, CblasNoTrans, Int32(below), Int32(count), Int32(width), -1,
                    panel + width, lda, block + start, lda, 1, block + start + width, lda)
            }
            if concurrently ?? (n >= threadedOrder) {
                DispatchQueue.concurrentPerform(iterations: 2, execute: update)
            } else {
                update(0)
                update(1)
            }
        }
        return 0
    }
}
