/// Errors of the supply-constrained step with rationing (MODEL section 3). Cells, products
/// and scenario columns are named by their zero-based index; the caller maps them to labels.
public enum RationingError: Error, Equatable, Sendable {
    /// An input does not have the size the economy or the batch requires.
    case inconsistentShape(field: String, expected: String, actual: String)
    /// A cell, product or sector index outside its range.
    case indexOutOfRange(field: String, index: Int, count: Int)
    /// A value outside its documented range (e.g. an import availability φ above 1).
    case valueOutOfRange(field: String, index: Int, column: Int, value: Double, expected: String)
    /// I − A (or I − A′ after substitution in `column`) cannot be factored.
    case singularSystem(system: String)
    /// A substitute sector with zero output in every region cannot take over imports.
    case substituteWithoutOutput(product: Int, sector: Int)
    /// A substitutability θ was given for an imported product that has no substitute sector.
    case substitutabilityWithoutSubstitute(product: Int, column: Int)
    /// An iteration (`stage`: the rationing fixed point or the substitution cap) did not meet
    /// its tolerance within the allowed number of iterations.
    case notConverged(stage: String, column: Int, scenario: String?, period: Int?, iterations: Int, change: Double)
}

extension RationingError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .inconsistentShape(let field, let expected, let actual):
            return "\(field) has the wrong size: expected \(expected), found \(actual)"
        case .indexOutOfRange(let field, let index, let count):
            return "\(field) \(index) is out of range: there are \(count)"
        case .valueOutOfRange(let field, let index, let column, let value, let expected):
            return "\(field) at row \(index), column \(column) is \(value); expected \(expected)"
        case .singularSystem(let system):
            return "\(system) is singular: the coefficients' column sums must stay below 1 (run the economy checks)"
        case .substituteWithoutOutput(let product, let sector):
            return "imported product \(product) cannot be replaced by sector \(sector): that sector produces nothing in any region"
        case .substitutabilityWithoutSubstitute(let product, let column):
            return "scenario column \(column) gives imported product \(product) a substitutability, "
                + "but no domestic substitute sector is set for that product"
        case .notConverged(let stage, let column, let scenario, let period, let iterations, let change):
            let who = scenario.map { "scenario \"\($0)\" (column \(column))" } ?? "scenario column \(column)"
            let when = period.map { " in period \($0)" } ?? ""
            return "the \(stage) for \(who)\(when) did not converge in \(iterations) iterations "
                + "(last change \(change)); raise the iteration limit or check the inputs"
        }
    }
}
