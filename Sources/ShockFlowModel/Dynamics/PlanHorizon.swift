import Foundation

/// The period grid of a plan-horizon run (MODEL section 4): T periods of h years each,
/// shared by every scenario column of a batch. Default: 20 quarters, a five-year plan.
public struct PlanHorizon: Sendable, Equatable {
    /// T.
    public var periods: Int
    /// h, in years (1/4 for quarters); the table's annual flows are scaled by h.
    public var periodLength: Double

    public init(periods: Int = 20, periodLength: Double = 0.25) {
        self.periods = periods
        self.periodLength = periodLength
    }

    /// g per period = (1 + g_annual)^h − 1.
    func periodGrowth(annual: Double) -> Double { pow(1 + annual, periodLength) - 1 }

    /// δ per period = 1 − (1 − δ_annual)^h.
    func periodDepreciation(annual: Double) -> Double { 1 - pow(1 - annual, periodLength) }
}
