import ShockFlowLinearAlgebra

/// The plan-horizon model of MODEL section 4 for one economy: capacity, shocks, the
/// supply-constrained step, capital with a gestation lag and the flow of investment weights,
/// over T periods, with N scenario columns (and their baselines) in lockstep.
public struct PlanHorizonModel: Sendable {
    public let rationing: RationingModel
    public let horizon: PlanHorizon
    /// Y (n×k), annual, every final-demand category.
    public let finalDemand: Matrix
    /// y_base = h·Y·1, per period.
    let baseFinalDemand: [Double]
    /// Γ (n×R): each region's capital-goods basket, columns summing to 1.
    let capitalGoods: Matrix
    /// [L·y_base | L·Γ] (n × (1 + R)), L = (I − A)⁻¹: the solves every period's orders combine
    /// (`OrdersCombination`), made once per model.
    let fixedDemandOrders: Matrix
    /// B(0) = h·Σ GFCF.
    let baseBudget: Double
    /// Depreciation by cell with gaps filled (`CapitalCalibration.filledDepreciation`).
    let depreciationWeights: [Double]
    /// Whether the table reports depreciation (needed for K = D/δ).
    let reportsDepreciation: Bool

    /// - Parameters:
    ///   - finalDemand: Y (n×k), annual, every final-demand category.
    ///   - capitalFormation: gross fixed capital formation by investing region (n×R), annual: the GFCF columns of Y.
    ///   - depreciation: D (n), depreciation of fixed assets by cell; nil when the table has none.
    public init(
        rationing: RationingModel, finalDemand: Matrix, capitalFormation: Matrix, depreciation: [Double]? = nil,
        horizon: PlanHorizon = PlanHorizon()
    ) throws {
        let structure = rationing.structure
        let (n, regions) = (structure.cellCount, structure.regionCount)
        func shape(_ field: String, _ expected: String, _ actual: String) -> PlanHorizonError {
            .inconsistentShape(field: field, expected: expected, actual: actual)
        }
        guard finalDemand.rows == n else { throw shape("final demand Y", "\(n) rows", "\(finalDemand.rows)") }
        guard capitalFormation.rows == n, capitalFormation.columns == regions else {
            throw shape("gross fixed capital formation", "\(n)×\(regions)", "\(capitalFormation.rows)×\(capitalFormation.columns)")
        }
        if let depreciation, depreciation.count != n { throw shape("depreciation D", "\(n) values", "\(depreciation.count)") }
        guard horizon.periods >= 1 else { throw shape("horizon", "at least 1 period", "\(horizon.periods)") }
        guard horizon.periodLength.isFinite, horizon.periodLength > 0 else {
            throw shape("period length h", "a positive number of years", "\(horizon.periodLength)")
        }
        for (field, values) in [("final demand Y", finalDemand.elements), ("gross fixed capital formation", capitalFormation.elements), ("depreciation D", depreciation ?? [])] where values.contains(where: { !$0.isFinite }) {
            throw shape(field, "finite numbers", "NaN or infinity")
        }
        let regionTotals = try capitalFormation.columnSums()
        let total = regionTotals.reduce(0, +)
        guard total > 0 else { throw PlanHorizonError.noInvestmentBudget(total: total) }
        // Γ: a region without GFCF of its own buys the national basket.
        let national = try capitalFormation.rowSums().map { $0 / total }
        var goods = capitalFormation
        for region in 0..<regions {
            goods.setColumn(region, to: regionTotals[region] > 0 ? capitalFormation.column(region).map { $0 / regionTotals[region] } : national)
        }
        self.rationing = rationing
        self.horizon = horizon
        self.finalDemand = finalDemand
        let baseFinalDemand = try finalDemand.rowSums().map { horizon.periodLength * $0 }
        self.baseFinalDemand = baseFinalDemand
        self.capitalGoods = goods
        var fixedDemand = Matrix(rows: n, columns: 1 + regions)
        fixedDemand.setColumn(0, to: baseFinalDemand)
        fixedDemand.elements.replaceSubrange(n..<fixedDemand.elements.count, with: goods.elements)
        self.fixedDemandOrders = try rationing.factorization.solve(fixedDemand)
        self.baseBudget = horizon.periodLength * total
        self.depreciationWeights = CapitalCalibration.filledDepreciation(
            depreciation, grossOutput: structure.grossOutput, sectorCount: structure.sectorCount)
        self.reportsDepreciation = depreciation?.contains { $0 > 0 } ?? false
        guard depreciationWeights.contains(where: { $0 > 0 }) else {
            throw shape("gross output x", "a positive output somewhere", "zero everywhere")
        }
    }

    /// Runs every scenario and its baseline and keeps every period's record.
    public func run(_ scenarios: [Scenario]) throws -> PlanHorizonResult {
        var periods: [PeriodRecord] = []
        periods.reserveCapacity(horizon.periods)
        let batch = try run(scenarios) { periods.append($0) }
        return PlanHorizonResult(batch: batch, periods: periods)
    }
}
