/// Errors of the plan-horizon model (MODEL section 4). A period that fails to converge is a
/// `RationingError.notConverged` naming the scenario and the period.
public enum PlanHorizonError: Error, Equatable, Sendable {
    /// An economy input does not have the size the cells, regions or horizon require.
    case inconsistentShape(field: String, expected: String, actual: String)
    /// A scenario parameter outside its documented range.
    case invalidParameter(scenario: String, field: String, value: String, expected: String)
    /// No weights satisfy the caps and the regional bounds together.
    case infeasibleWeightBounds(scenario: String, reason: String)
    /// The table's gross fixed capital formation is not positive, so there is no budget B(0).
    case noInvestmentBudget(total: Double)
    /// `run` was given no scenarios.
    case noScenarios
}

extension PlanHorizonError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .inconsistentShape(let field, let expected, let actual):
            return "\(field) has the wrong size: expected \(expected), found \(actual)"
        case .invalidParameter(let scenario, let field, let value, let expected):
            return "scenario \"\(scenario)\": \(field) is \(value); expected \(expected)"
        case .infeasibleWeightBounds(let scenario, let reason):
            return "scenario \"\(scenario)\": the investment-weight caps and regional bounds cannot all hold: \(reason)"
        case .noInvestmentBudget(let total):
            return "the table's gross fixed capital formation totals \(total); the investment budget B(0) must be positive"
        case .noScenarios:
            return "no scenarios to run"
        }
    }
}
