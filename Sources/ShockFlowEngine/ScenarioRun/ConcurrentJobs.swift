import Foundation

/// Independent jobs run side by side (`DispatchQueue.concurrentPerform`), their results in job order.
enum ConcurrentJobs {
    static func run<Value: Sendable>(_ jobs: [@Sendable () -> Value]) -> [Value] {
        var results = [Value?](repeating: nil, count: jobs.count)
        results.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let slots = slots  // each job writes its own slot only
            DispatchQueue.concurrentPerform(iterations: jobs.count) { index in slots[index] = jobs[index]() }
        }
        return results.compactMap { $0 }
    }
}
