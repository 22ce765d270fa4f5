/// Errors of the ARIO model (docs/ario.md). Industries are named by their region and sector codes.
public enum ARIOError: Error, Equatable, Sendable {
    /// The economy's arrays do not fit its regions and sectors.
    case inconsistentEconomy(field: String, expected: String, actual: String)
    /// `run` was given no scenarios, or no days.
    case noScenarios
    case invalidDays(Int)
    /// A scenario parameter outside its range.
    case invalidParameter(scenario: String, field: String, value: String, expected: String)
    /// An event field outside its range.
    case invalidEvent(scenario: String, event: String, field: String, value: String, expected: String)
    /// The capital destroyed by the events in force exceeds an industry's capital (BoARIO raises here too).
    case capitalLossExceedsCapital(scenario: String, day: Int, industry: String, loss: Double, capital: Double)
    /// An industry's total demand is negative, so it has no production level (BoARIO asserts here).
    case negativeDemand(scenario: String, day: Int, industry: String, demand: Double)
    /// An inventory went negative or NaN (BoARIO's "matrix_stock contains negative values").
    case invalidInventory(scenario: String, day: Int, product: String, industry: String, value: Double)
}

extension ARIOError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .inconsistentEconomy(let field, let expected, let actual):
            return "the economy's \(field) has the wrong size: expected \(expected), found \(actual)"
        case .noScenarios:
            return "no ARIO scenarios to run"
        case .invalidDays(let days):
            return "an ARIO run needs at least 1 day; got \(days)"
        case .invalidParameter(let scenario, let field, let value, let expected):
            return "scenario \"\(scenario)\": \(field) is \(value); expected \(expected)"
        case .invalidEvent(let scenario, let event, let field, let value, let expected):
            return "scenario \"\(scenario)\", event \"\(event)\": \(field) is \(value); expected \(expected)"
        case .capitalLossExceedsCapital(let scenario, let day, let industry, let loss, let capital):
            return "scenario \"\(scenario)\", day \(day): the capital destroyed in \(industry) (\(loss)) exceeds its capital (\(capital))"
        case .negativeDemand(let scenario, let day, let industry, let demand):
            return "scenario \"\(scenario)\", day \(day): the total demand for \(industry) is negative (\(demand))"
        case .invalidInventory(let scenario, let day, let product, let industry, let value):
            return "scenario \"\(scenario)\", day \(day): \(industry)'s inventory of \(product) became \(value)"
        }
    }
}
