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
