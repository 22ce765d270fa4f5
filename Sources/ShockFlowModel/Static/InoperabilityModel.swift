import ShockFlowLinearAlgebra

/// The static inoperability input–output model, IIM (MODEL (12); Haimes & Jiang 2001).
///
/// Inoperability q_i is the share of cell i's output lost; the demand perturbation c*_i is
/// the demand lost as a share of x_i. I − A* is factored once for any number of perturbations.
public struct InoperabilityModel: Sendable {
    /// A* = diag(x)⁻¹·A·diag(x), the interdependency matrix.
    public let interdependencyMatrix: Matrix
    let factorization: LUFactorization

    /// Uses a given interdependency matrix A* (e.g. a published one).
    public init(interdependencyMatrix: Matrix) throws {
        try self.init(interdependencyMatrix: interdependencyMatrix) { "column \($0 + 1)" }
    }

    init(interdependencyMatrix: Matrix, describeColumn: (Int) -> String) throws {
        guard interdependencyMatrix.isSquare else {
            throw StaticModelError.inconsistentShape(
                field: "interdependency matrix A*", expected: "a square matrix",
                actual: "\(interdependencyMatrix.rows)×\(interdependencyMatrix.columns)")
        }
        self.interdependencyMatrix = interdependencyMatrix
        factorization = try factorIdentityMinus(interdependencyMatrix, system: "I − A*", describeColumn: describeColumn)
    }

    /// q = (I − A*)⁻¹·c* for N perturbations (n×N) in one multi-right-hand-side solve.
    public func inoperability(demandPerturbation: Matrix) throws -> Matrix {
        guard demandPerturbation.rows == interdependencyMatrix.rows else {
            throw StaticModelError.inconsistentShape(
                field: "demand perturbation c*", expected: "\(interdependencyMatrix.rows) rows",
                actual: "\(demandPerturbation.rows) rows")
        }
        // MODEL (12): (I − A*)·q = c*
        return try factorization.solve(demandPerturbation)
    }

    /// q = (I − A*)⁻¹·c* for one perturbation.
    public func inoperability(demandPerturbation: [Double]) throws -> [Double] {
        try inoperability(demandPerturbation: Matrix(column: demandPerturbation)).elements
    }
}

extension InputOutputAnalysis {
    /// The IIM of this economy: A* = diag(x)⁻¹·A·diag(x) with 0/0 := 0 (MODEL (12)).
    /// On cells with positive output A* equals the allocation coefficients B.
    public func inoperabilityModel() throws -> InoperabilityModel {
        let x = economy.grossOutput
        // MODEL (12): A* = diag(x)⁻¹·A·diag(x)
        let interdependency = try technicalCoefficients
            .scalingRows(by: InputOutputCoefficients.reciprocalOutput(x))
            .scalingColumns(by: x)
        return try InoperabilityModel(interdependencyMatrix: interdependency, describeColumn: economy.describeCell)
    }
}
