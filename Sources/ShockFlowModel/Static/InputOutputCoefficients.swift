import ShockFlowLinearAlgebra

/// Coefficient kernels of MODEL (3), (4) and (6): flows per unit of gross output.
///
/// Every division by output follows 0/0 := 0: a cell with x_i = 0 gets a zero column in A
/// (zero row in B) instead of NaN. A non-zero flow against zero output is inconsistent
/// data; the economy checks report it as a balance error and it is dropped here.
public enum InputOutputCoefficients {
    /// 1/x_i, and 0 where x_i = 0.
    static func reciprocalOutput(_ grossOutput: [Double]) -> [Double] {
        grossOutput.map { $0 == 0 ? 0 : 1 / $0 }
    }

    /// Technical coefficients A (n×n): column j holds j's inputs per unit of j's output.
    public static func technical(intermediateFlows: Matrix, grossOutput: [Double]) throws -> Matrix {
        // MODEL (3): A = Z·diag(x)⁻¹
        try intermediateFlows.scalingColumns(by: reciprocalOutput(grossOutput))
    }

    /// Allocation coefficients B (n×n): row i holds the shares of i's output sold to each cell.
    public static func allocation(intermediateFlows: Matrix, grossOutput: [Double]) throws -> Matrix {
        // MODEL (4): B = diag(x)⁻¹·Z
        try intermediateFlows.scalingRows(by: reciprocalOutput(grossOutput))
    }

    /// Value-added coefficients a_v = v ⊘ x (MODEL (6)).
    public static func valueAdded(_ valueAdded: [Double], grossOutput: [Double]) throws -> [Double] {
        guard valueAdded.count == grossOutput.count else {
            throw StaticModelError.inconsistentShape(
                field: "value added v", expected: "\(grossOutput.count) values", actual: "\(valueAdded.count) values")
        }
        return zip(valueAdded, reciprocalOutput(grossOutput)).map { $0 * $1 }
    }

    /// Import coefficients a_m = m·diag(x)⁻¹ (P×n, MODEL (6)): imports of product p per unit of j's output.
    public static func imports(intermediateImports: Matrix, grossOutput: [Double]) throws -> Matrix {
        try intermediateImports.scalingColumns(by: reciprocalOutput(grossOutput))
    }
}
