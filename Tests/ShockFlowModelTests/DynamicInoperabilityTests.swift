import Foundation
import ShockFlowLinearAlgebra
import ShockFlowModel
import ShockFlowTestSupport
import Testing

/// The dynamic inoperability model q(t+1) = q(t) + K(A*q(t) + c*(t) − q(t)) on the published
/// two-sector IIM case of Haimes & Jiang (2001) / Santos & Haimes (2004): A* = [[0, .8], [.2, 0]],
/// c* = [0, .6], whose static answer is q = (I − A*)⁻¹c* = [0.48, 0.6] / 0.84 = [0.5714, 0.7143].
@Suite struct DynamicInoperabilityTests {
    static var interdependency: Matrix {
        var matrix = Matrix(rows: 2, columns: 2)
        (matrix[0, 1], matrix[1, 0]) = (0.8, 0.2)
        return matrix
    }
    static let perturbation = Matrix(column: [0, 0.6])

    /// With a constant c* the DIIM converges to the IIM (its steady state solves q = A*q + c*).
    @Test func convergesToTheStaticInoperability() throws {
        let model = try DynamicInoperabilityModel(interdependencyMatrix: Self.interdependency, resilience: 0.5)
        let states = try model.trajectory(perturbations: Array(repeating: Self.perturbation, count: 200))
        let last = try #require(states.last).elements
        #expect(abs(last[0] - 0.5714) < 5e-5)
        #expect(abs(last[1] - 0.7143) < 5e-5)
        let iim = try InoperabilityModel(interdependencyMatrix: Self.interdependency).inoperability(demandPerturbation: [0, 0.6])
        expectClose(last, iim, relative: 1e-13, "q(200) against the IIM")
        expectClose(last, [0.48 / 0.84, 0.6 / 0.84], relative: 1e-13, "q(200)")
    }

    /// The path itself, solved by hand: A* has eigenvalues ±0.4 with eigenvectors [2, 1] and [−2, 1];
    /// with K = 0.5·I the error q* − q(t) shrinks by 1 − 0.5·(1 ∓ 0.4) = 0.7 and 0.3 along them. From
    /// q(0) = 0, q* = ½·[2, 1] + (3/14)·[−2, 1], so
    /// q₁(t) = 4/7 − 0.7^t + (3/7)·0.3^t and q₂(t) = 5/7 − ½·0.7^t − (3/14)·0.3^t.
    @Test func pathMatchesTheEigenvectorSolution() throws {
        let model = try DynamicInoperabilityModel(interdependencyMatrix: Self.interdependency, resilience: [0.5, 0.5])
        let states = try model.trajectory(perturbations: Array(repeating: Self.perturbation, count: 30))
        for (index, state) in states.enumerated() {
            let t = Double(index + 1)
            let expected = [
                4.0 / 7 - pow(0.7, t) + 3.0 / 7 * pow(0.3, t),
                5.0 / 7 - 0.5 * pow(0.7, t) - 3.0 / 14 * pow(0.3, t),
            ]
            expectClose(state.elements, expected, relative: 1e-13, "q(\(index + 1))")
        }
        // First step by hand: q(1) = 0 + 0.5·(A*·0 + c* − 0) = [0, 0.3].
        expectClose(states[0].elements, [0, 0.3], relative: 1e-15, "q(1)")
    }

    /// K = 1 jumps to the target each period: q(1) = c*, q(2) = A*c* + c* = [0.48, 0.6].
    /// A perturbation that ends lets the economy recover: with K = 1 and c* = 0, q(3) = A*q(2).
    @Test func fullResilienceAndRecovery() throws {
        let model = try DynamicInoperabilityModel(interdependencyMatrix: Self.interdependency, resilience: 1)
        let states = try model.trajectory(perturbations: [Self.perturbation, Self.perturbation, Matrix(rows: 2, columns: 1)])
        expectClose(states[0].elements, [0, 0.6], relative: 1e-15, "q(1)")
        expectClose(states[1].elements, [0.48, 0.6], relative: 1e-15, "q(2)")
        expectClose(states[2].elements, [0.48, 0.096], relative: 1e-15, "q(3)")
    }

    /// N scenarios advance in lockstep as the columns of one matrix, each as it would alone, with
    /// per-cell resilience and a given starting state.
    @Test func lockstepColumnsMatchSeparateRuns() throws {
        let model = try DynamicInoperabilityModel(interdependencyMatrix: Self.interdependency, resilience: [0.3, 0.9])
        let starts = try Matrix(rowMajor: [[0.1, 0, 0.2], [0, 0.05, 0.4]])
        let shocks = try (0..<6).map { period in
            try Matrix(rowMajor: [[0, 0.1 * Double(period), 0.05], [0.6, 0, 0.3 / Double(period + 1)]])
        }
        let together = try model.trajectory(perturbations: shocks, initial: starts)
        for column in 0..<3 {
            let alone = try model.trajectory(
                perturbations: shocks.map { Matrix(column: $0.column(column)) }, initial: Matrix(column: starts.column(column)))
            for period in shocks.indices {
                expectClose(
                    together[period].column(column), alone[period].elements, relative: 1e-15, "column \(column), period \(period)"
                )
            }
        }
    }

    @Test func resilienceOutsideItsRangeIsRefused() throws {
        #expect(throws: DynamicInoperabilityError.resilienceOutOfRange(cell: 1, value: 0)) {
            try DynamicInoperabilityModel(interdependencyMatrix: Self.interdependency, resilience: [0.5, 0])
        }
        #expect(throws: DynamicInoperabilityError.resilienceOutOfRange(cell: 0, value: 1.5)) {
            try DynamicInoperabilityModel(interdependencyMatrix: Self.interdependency, resilience: 1.5)
        }
        #expect(throws: StaticModelError.self) {
            try DynamicInoperabilityModel(interdependencyMatrix: Self.interdependency, resilience: [0.5])
        }
        let model = try DynamicInoperabilityModel(interdependencyMatrix: Self.interdependency, resilience: 0.5)
        #expect(throws: StaticModelError.self) { try model.trajectory(perturbations: [Matrix(column: [1, 2, 3])]) }
    }
}
