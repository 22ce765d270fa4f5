/// Errors raised by the linear-algebra layer. The CLI turns them into messages.
public enum LinearAlgebraError: Error, Equatable, Sendable {
    /// LU factorisation met an exactly zero pivot (1-based index, as LAPACK reports it).
    case singular(pivot: Int)
    /// Operand shapes do not fit together.
    case dimensionMismatch(operation: String, expected: String, actual: String)
    /// A dimension does not fit LAPACK's 32-bit integers.
    case tooLarge(dimension: Int)
    /// LAPACK rejected an argument (its 1-based position); a programming error made visible.
    case illegalArgument(routine: String, position: Int)
}

extension LinearAlgebraError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .singular(let pivot):
            return "matrix is singular: pivot \(pivot) is exactly zero"
        case .dimensionMismatch(let operation, let expected, let actual):
            return "\(operation): expected \(expected), got \(actual)"
        case .tooLarge(let dimension):
            return "dimension \(dimension) exceeds LAPACK's 32-bit integer range"
        case .illegalArgument(let routine, let position):
            return "\(routine): illegal value in argument \(position)"
        }
    }
}

/// Converts a Swift size to LAPACK's 32-bit `lapack_int`, refusing values that do not fit.
@inlinable
func lapackInt(_ value: Int) throws -> Int32 {
    guard let converted = Int32(exactly: value) else { throw LinearAlgebraError.tooLarge(dimension: value) }
    return converted
}
