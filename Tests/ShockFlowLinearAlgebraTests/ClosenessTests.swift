import ShockFlowTestSupport
import Testing
@testable import ShockFlowLinearAlgebra

/// The shared `expectClose` (ShockFlowTestSupport) fails exactly when an entry is outside
/// relative · max(|expected|, floor), and on NaN, a count or a shape that differs.
@Suite struct ClosenessTests {
    @Test func passesWithinTheTolerance() throws {
        expectClose([1 + 0.9e-9, -2, 0], [1, -2 * (1 + 0.9e-9), 0], relative: 1e-9, floor: .none, "within")
        expectClose([1e-6 + 0.9e-12], [1e-6], relative: 1e-9, floor: .absolute(1e-3), "below the floor")
        expectClose([1000, 0.9e-9], [1000, 0], relative: 1e-9, floor: .ofLargest(1e-3), "near zero against the largest")
        expectClose(try Matrix(rowMajor: [[1, 0], [0, 1]]), Matrix.identity(2), relative: 0, "identity")
    }

    @Test func failsBeyondTheTolerance() throws {
        withKnownIssue { expectClose([1 + 1.1e-9], [1], relative: 1e-9, floor: .none, "relative") }
        withKnownIssue { expectClose([1e-6 + 1.1e-12], [1e-6], relative: 1e-9, floor: .absolute(1e-3), "absolute floor") }
        withKnownIssue { expectClose([1000, 1.1e-9], [1000, 0], relative: 1e-9, floor: .ofLargest(1e-3), "floor of the largest") }
        withKnownIssue { expectClose([1e-6 + 1.1e-15], [1e-6], relative: 1e-9, "default floor is 1e-3 of the largest entry") }
        withKnownIssue { expectClose([.nan], [1], relative: 1, floor: .absolute(1), "NaN") }
        withKnownIssue { expectClose([1, 2], [1], relative: 1, "count") }
        withKnownIssue { expectClose(Matrix.identity(2), Matrix.identity(3), relative: 1, "shape") }
        withKnownIssue { expectClose(Matrix.identity(2), Matrix(rows: 2, columns: 2), relative: 1e-9, "matrix") }
    }
}
