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

/// Factors I − M once (MODEL (5), (6), (12)), turning a zero pivot into an error that names the column.
func factorIdentityMinus(
    _ coefficients: Matrix, system: String, describeColumn: (Int) -> String
) throws -> LUFactorization {
    do {
        return try LUFactorization(identityMinus: coefficients)
    } catch LinearAlgebraError.singular(let pivot) {
        throw StaticModelError.singularSystem(system: system, column: describeColumn(pivot - 1))
    }
}

/// As `factorIdentityMinus`, in single precision with solutions refined to double precision.
func factorIdentityMinusRefined(
    _ coefficients: Matrix, system: String, describeColumn: (Int) -> String
) throws -> RefinedLUFactorization {
    do {
        return try RefinedLUFactorization(identityMinus: coefficients)
    } catch LinearAlgebraError.singular(let pivot) {
        throw StaticModelError.singularSystem(system: system, column: describeColumn(pivot - 1))
    }
}
