/// Investment shocks: the budget B(t) scaled by 1 + s.
extension ShockSchedule {
    /// MODEL (19): the factor on B(t), the product of the budget shocks' factors.
    func budgetFactor(factors: [Double]) -> Double { combined(budgetShocks, factors) }
}
