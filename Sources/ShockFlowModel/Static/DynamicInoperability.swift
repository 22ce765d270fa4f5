import ShockFlowLinearAlgebra

/// The dynamic inoperability input–output model, DIIM (Lian & Haimes 2006; Santos & Haimes 2004):
/// inoperability moves toward the static IIM answer (MODEL (12)) at each cell's resilience rate,
///
///     q(t+1) = q(t) + K·(A*·q(t) + c*(t) − q(t)),   K = diag(resilience),
///
/// so with a constant perturbation c* and 0 < K ≤ 1 it converges to q = (I − A*)⁻¹c*.
public struct DynamicInoperabilityModel: Sendable {
    /// A*, the interdependency matrix of the IIM.
    public let interdependencyMatrix: Matrix
    /// The diagonal of K: the share of the gap to the IIM's target each cell closes per period.
    public let resilience: [Double]

    /// - Parameter resilience: one value in (0, 1] per cell (n = the order of A*).
    public init(interdependencyMatrix: Matrix, resilience: [Double]) throws {
        guard interdependencyMatrix.isSquare else {
            throw StaticModelError.inconsistentShape(
                field: "interdependency matrix A*", expected: "a square matrix",
                actual: "\(interdependencyMatrix.rows)×\(interdependencyMatrix.columns)")
        }
        guard resilience.count == interdependencyMatrix.rows else {
            throw StaticModelError.inconsistentShape(
                field: "resilience K", expected: "\(interdependencyMatrix.rows) values", actual: "\(resilience.count) values")
        }
        if let cell = resilience.firstIndex(where: { !($0 > 0 && $0 <= 1) }) {
            throw DynamicInoperabilityError.resilienceOutOfRange(cell: cell, value: resilience[cell])
        }
        self.interdependencyMatrix = interdependencyMatrix
        self.resilience = resilience
    }

    /// The same resilience for every cell.
    public init(interdependencyMatrix: Matrix, resilience: Double) throws {
        try self.init(
            interdependencyMatrix: interdependencyMatrix,
            resilience: [Double](repeating: resilience, count: interdependencyMatrix.rows))
    }

    /// q(1), …, q(T) from q(0) = `initial` (zero when nil) and the perturbations c*(0), …, c*(T−1).
    /// Every matrix is n×N: N scenarios advance in lockstep, one gemm per period.
    public func trajectory(perturbations: [Matrix], initial: Matrix? = nil) throws -> [Matrix] {
        let n = interdependencyMatrix.rows
        let columns = initial?.columns ?? perturbations.first?.columns ?? 1
        var state = initial ?? Matrix(rows: n, columns: columns)
        guard state.rows == n else {
            throw StaticModelError.inconsistentShape(
                field: "initial inoperability q(0)", expected: "\(n) rows", actual: "\(state.rows) rows")
        }
        var states: [Matrix] = []
        states.reserveCapacity(perturbations.count)
        for (period, perturbation) in perturbations.enumerated() {
            guard perturbation.rows == n, perturbation.columns == columns else {
                throw StaticModelError.inconsistentShape(
                    field: "demand perturbation c* of period \(period)", expected: "\(n)×\(columns)",
                    actual: "\(perturbation.rows)×\(perturbation.columns)")
            }
            // The target of this period: A*·q(t) + c*(t).
            var target = perturbation
            try Matrix.gemm(interdependencyMatrix, state, beta: 1, into: &target)
            // q(t+1) = q(t) + K·(target − q(t)).
            for index in state.elements.indices {
                let k = resilience[index % n]
                state.elements[index] += k * (target.elements[index] - state.elements[index])
            }
            states.append(state)
        }
        return states
    }
}

/// A resilience rate outside (0, 1]: with K = 0 nothing recovers, above 1 the recovery overshoots.
public enum DynamicInoperabilityError: Error, Equatable, Sendable, CustomStringConvertible {
    case resilienceOutOfRange(cell: Int, value: Double)

    public var description: String {
        switch self {
        case .resilienceOutOfRange(let cell, let value):
            return "the resilience K of cell \(cell) is \(value); expected a rate in (0, 1] per period"
        }
    }
}
