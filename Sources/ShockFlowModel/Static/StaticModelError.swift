import ShockFlowLinearAlgebra

/// Errors raised by the static input–output models (MODEL sections 1–2).
public enum StaticModelError: Error, Equatable, Sendable {
    /// An array does not have the size the economy or the call requires.
    case inconsistentShape(field: String, expected: String, actual: String)
    /// The economy holds NaN or ±Inf; `detail` names the array and the first bad entry.
    case nonFiniteValue(detail: String)
    /// `system` (I − A, I − B or I − A*) cannot be factored: LU met a zero pivot in `column`.
    case singularSystem(system: String, column: String)
    /// A cell index outside 0..<cellCount.
    case cellOutOfRange(index: Int, cellCount: Int)
    /// A coefficient of `cell` (A, a_v or a_m, MODEL (3), (6)) overflows: its flows divided by its
    /// gross output `output` are not finite.
    case coefficientOverflow(cell: String, output: Double)
    /// A result (`quantity` of `cell`) came out NaN or infinite: the system solved is singular or
    /// too ill-conditioned for its solution to mean anything.
    case nonFiniteResult(quantity: String, cell: String, value: Double, system: String)
}

extension StaticModelError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .inconsistentShape(let field, let expected, let actual):
            return "\(field) has the wrong size: expected \(expected), found \(actual)"
        case .nonFiniteValue(let detail):
            return detail
        case .singularSystem(let system, let column):
            return "\(system) is singular (no usable pivot in the column of \(column)); "
                + "the column sums of the coefficients must stay below 1: run the economy checks"
        case .cellOutOfRange(let index, let cellCount):
            return "cell index \(index) is outside the economy's \(cellCount) cells"
        case .coefficientOverflow(let cell, let output):
            return "the input coefficients of \(cell) are not finite: its gross output \(formatForMessage(output)) is too "
                + "small to divide its inputs by (MODEL (3), (6)), so I − A cannot be factored; "
                + "run `shockflow economy check` on the economy"
        case .nonFiniteResult(let quantity, let cell, let value, let system):
            return "the \(quantity) of \(cell) came out \(formatForMessage(value)): \(system) is singular or too "
                + "ill-conditioned to solve; run `shockflow economy check` on the economy (it estimates the condition number)"
        }
    }
}

/// Factors I − C with `factor` (`LUFactorization.init(identityMinus:)`, or the refined single-precision
/// `RefinedLUFactorization.init(identityMinus:)`), naming the cell where it is singular.
func factorIdentityMinus<Factors>(
    _ coefficients: Matrix, system: String, describeColumn: (Int) -> String,
    with factor: (Matrix) throws -> Factors = LUFactorization.init(identityMinus:)
) throws -> Factors {
    do {
        return try factor(coefficients)
    } catch LinearAlgebraError.singular(let pivot) {
        throw StaticModelError.singularSystem(system: system, column: describeColumn(pivot - 1))
    }
}
