import Foundation

/// The kinds of work of a sweep's worker threads.
public enum SweepTaskKind: String, Sendable, CaseIterable {
    /// Building (or loading), checking and hashing a table.
    case table
    /// Factoring a table's I − A, once for all its dynamic structures (`FactoredStructure`).
    case factorisation
    /// Making a structure's model on its table's factorisation (critical inputs, the substitution's
    /// correction, the plan-horizon model), or the static models' analysis.
    case model
    /// Running a lockstep batch and checkpointing its outputs.
    case batch
}

/// How many tasks of one kind the worker threads ran and the time they took, summed over threads:
/// wall-clock seconds, and the threads' own CPU seconds (which other processes on the machine do not
/// inflate; OpenBLAS runs on the worker's thread). Where a sweep's time goes (bench/RESULTS.md).
public struct SweepTaskTime: Sendable, Equatable {
    public var count = 0
    public var wallSeconds = 0.0
    public var cpuSeconds = 0.0

    public init() {}

    /// The clocks at the start of a task on this thread.
    struct Start {
        let wall = DispatchTime.now().uptimeNanoseconds
        let cpu = SweepTaskTime.threadCPUSeconds()
    }

    /// Adds a task started at `start` and ending now, on the same thread.
    mutating func add(since start: Start) {
        count += 1
        wallSeconds += Double(DispatchTime.now().uptimeNanoseconds - start.wall) / 1e9
        cpuSeconds += Self.threadCPUSeconds() - start.cpu
    }

    private static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
