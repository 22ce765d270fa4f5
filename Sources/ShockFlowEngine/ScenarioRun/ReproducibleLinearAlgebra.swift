import Foundation
import ShockFlowLinearAlgebra

/// Runs a model on one OpenBLAS thread, so that its results do not depend on the OpenBLAS thread setting.
///
/// OpenBLAS 0.3.21 splits the sums of `dgetrf`, of `dgetrs` with few right-hand sides, of `dgemv` and of
/// `dgemm` with a thin operand differently with more threads: the last bits of x, d and ρ then change with
/// the thread count (checked with a C probe on a 1302 × 1302 system). A scenario and its baseline are two
/// columns, memory-bound work that one thread does as fast; the run's other work (hashing the inputs,
/// building the CSV tables) uses the cores through its own threads, in a fixed order. `economy analyze`
/// runs its LU of I − A (`sgetrf`, then refinement), solves and inverses under it too (StaticAnalysisWriter):
/// on a quiet machine the second thread saved about 0.4 s of `sgetrf` at n = 4900 and 0.01 s at n = 1302
/// (bench/RESULTS.md, "Issue 12: analyze on one OpenBLAS thread"), which the LU's own two fixed halves
/// (`TwoWaySinglePrecisionLU`, the same bits on any number of cores) win back. A sweep's indices are computed
/// under it too.
enum ReproducibleLinearAlgebra {
    static let note = "the model ran on one OpenBLAS thread whatever the thread setting, so results do not depend on it"

    /// Runs `body` with OpenBLAS on one thread. Sections may overlap (sweep workers, tests running side
    /// by side in one process): the first to enter sets one thread and the last to leave restores the
    /// setting, so no section ends another's one-thread stretch.
    static func run<Value>(_ body: () throws -> Value) rethrows -> Value {
        sections.enter()
        defer { sections.leave() }
        return try body()
    }

    private static let sections = OneThreadSections()
}

/// The count of sections running on one OpenBLAS thread, and the setting to restore after the last.
private final class OneThreadSections: @unchecked Sendable {  // `open` and `savedThreads` change under `lock` only
    private let lock = NSLock()
    private var open = 0
    private var savedThreads = 1

    func enter() {
        lock.withLock {
            if open == 0 {
                savedThreads = BLASRuntime.threadCount
                BLASRuntime.setThreadCount(1)
            }
            open += 1
        }
    }

    func leave() {
        lock.withLock {
            open -= 1
            if open == 0 { BLASRuntime.setThreadCount(savedThreads) }
        }
    }
}
