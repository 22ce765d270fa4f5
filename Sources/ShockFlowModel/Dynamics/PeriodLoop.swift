import Foundation
import ShockFlowLinearAlgebra

extension PlanHorizonModel {
    /// Runs every scenario and its baseline, handing each period's record to `onPeriod` as soon
    /// as it is solved (so a caller can stream or aggregate instead of keeping all periods).
    public func run(_ scenarios: [Scenario], onPeriod: (PeriodRecord) throws -> Void) throws -> ScenarioBatch {
        guard !scenarios.isEmpty else { throw PlanHorizonError.noScenarios }
        let batch = ScenarioBatch(scenarios)
        let setups = try batch.columns.map { try ScenarioColumn(scenario: $0, model: self) }
        var loop = try PeriodLoop(model: self, setups: setups)
        for period in 0..<horizon.periods {
            let record = try loop.solve(loop.prepare(period: period))
            try onPeriod(record)
            if period + 1 < horizon.periods { try loop.advance(after: record) }
        }
        return batch
    }
}

/// The state carried from period to period for all columns (MODEL section 4, period loop).
struct PeriodLoop {
    let model: PlanHorizonModel
    let setups: [ScenarioColumn]
    let names: [String]
    let (cellCount, regionCount, sectorCount, productCount, columnCount): (Int, Int, Int, Int, Int)
    /// θ (P×N), constant over the horizon.
    let substitutability: Matrix
    /// Ī_ref: regional totals of the unshocked I(0), the reference of (24).
    var referenceInvestment: Matrix
    /// k(t), W(t), I(t) (n×N).
    var capitalIndex: Matrix
    var weights: Matrix
    var investment: Matrix
    /// ψ ∘ I of the last G_max periods, slot t mod G_max (20).
    var deliveredInvestment: [Matrix]
    /// φ(t) of the period just solved, for the scores.
    var availability: Matrix
    /// The cells of each import substitute (`model.rationing.substitutes`).
    let substituteCells: [[Int]]
    /// The solves each period's orders combine (MODEL (13) with (24)).
    let combination: OrdersCombination

    /// One period's input to the supply-constrained step and the coefficients of its orders in `combination`.
    struct PreparedPeriod {
        let period: Int
        let input: RationingInput
        let orderCoefficients: Matrix
    }

    init(model: PlanHorizonModel, setups: [ScenarioColumn]) throws {
        let structure = model.rationing.structure
        self.model = model
        self.setups = setups
        names = setups.map(\.name)
        (cellCount, regionCount, sectorCount, productCount, columnCount) =
            (structure.cellCount, structure.regionCount, structure.sectorCount, structure.importProductCount, setups.count)
        var theta = Matrix(rows: productCount, columns: columnCount)
        for (column, setup) in setups.enumerated() { theta.setColumn(column, to: setup.substitutability) }
        substitutability = theta
        substituteCells = model.rationing.substitutes.map {
            $0.cells(regionCount: structure.regionCount, sectorCount: structure.sectorCount)
        }
        capitalIndex = Matrix(rows: cellCount, columns: columnCount, repeating: 1)
        weights = Matrix(rows: cellCount, columns: columnCount)
        for (column, setup) in setups.enumerated() { weights.setColumn(column, to: setup.baseWeights) }
        investment = Matrix(rows: cellCount, columns: columnCount)
        referenceInvestment = Matrix(rows: regionCount, columns: columnCount)
        deliveredInvestment = Array(
            repeating: Matrix(rows: cellCount, columns: columnCount), count: setups.map(\.lag).max() ?? 1)
        availability = Matrix(rows: productCount, columns: columnCount, repeating: 1)
        combination = try OrdersCombination(model: model, schedules: setups.map(\.schedule))
        for column in 0..<columnCount {
            allocateInvestment(column: column, period: 0, budgetFactor: 1)
            for i in 0..<cellCount { referenceInvestment[i / sectorCount, column] += investment[i, column] }
            let factors = setups[column].schedule.factors(at: 0)
            allocateInvestment(column: column, period: 0, budgetFactor: budgetFactor(column, factors))
        }
    }

    /// Capacity (18), imports and final demand (24) of period t, and the coefficients of its orders.
    mutating func prepare(period t: Int) throws -> PreparedPeriod {
        let (n, columns, sectors) = (cellCount, columnCount, sectorCount)
        var orderCoefficients = combination.coefficientMatrix()
        var capacity = Matrix(rows: n, columns: columns)
        var finalDemand = Matrix(rows: n, columns: columns)
        var investmentChange = Matrix(rows: regionCount, columns: columns)
        availability = Matrix(rows: productCount, columns: columns, repeating: 1)
        var remaining = [Double](repeating: 1, count: n)
        var demand = model.baseFinalDemand
        for (column, setup) in setups.enumerated() {
            let factors = setup.schedule.factors(at: t)
            let grown = pow(1 + setup.growth, Double(t))
            setup.schedule.applyCapacity(factors: factors, to: &remaining)
            // MODEL (18): c = x̄ ∘ (1 + ε) ∘ k(t) ∘ (1 − s(t)).
            capitalIndex.withColumn(column) { index in
                capacity.withMutableColumn(column) { capacity in
                    for i in 0..<n { capacity[i] = setup.baseCapacity[i] * index[i] * remaining[i] }
                }
            }
            setup.schedule.clearCapacity(&remaining)
            setup.schedule.applyImports(factors: factors, to: &availability, column: column)
            // MODEL (24), first term: (1+g)^t · y_base ∘ (demand and export factors).
            setup.schedule.addFinalDemandChange(factors: factors, to: &demand)
            finalDemand.withMutableColumn(column) { finalDemand in
                for i in 0..<n { finalDemand[i] = grown * demand[i] }
            }
            setup.schedule.resetFinalDemand(&demand, to: model.baseFinalDemand)
            // Second term: Γ·(Ī(t) − (1+g)^t·Ī(0)), the change of investment against the balanced path.
            investment.withColumn(column) { investment in
                for region in 0..<regionCount {
                    var total = investmentChange[region, column]
                    for i in region * sectors..<(region + 1) * sectors { total += investment[i] }
                    investmentChange[region, column] = total - grown * referenceInvestment[region, column]
                }
            }
            combination.setCoefficients(
                &orderCoefficients, column: column, grown: grown, investmentChange: investmentChange,
                schedule: setup.schedule, factors: factors)
        }
        try Matrix.gemm(model.capitalGoods, investmentChange, beta: 1, into: &finalDemand)
        let input = RationingInput(
            capacity: capacity, finalDemand: finalDemand, importAvailability: availability,
            substitutability: substitutability, importProductCount: productCount)
        return PreparedPeriod(period: t, input: input, orderCoefficients: orderCoefficients)
    }

    /// The supply-constrained step of a prepared period, orders d(0) = (I − A)⁻¹·y(t) from `combination`.
    func solve(_ prepared: PreparedPeriod) throws -> PeriodRecord {
        let (t, n) = (prepared.period, cellCount)
        let orders = try combination.orders(prepared.orderCoefficients)
        let result = try model.rationing.solve(prepared.input, orders: orders, period: t, scenarioNames: names)
        var capital = capitalIndex
        for (column, setup) in setups.enumerated() {
            capital.withMutableColumn(column) { capital in
                for i in 0..<n { capital[i] *= setup.capital[i] }
            }
        }
        return PeriodRecord(
            period: t, rationing: result, investmentWeight: weights, investment: investment, capital: capital)
    }

    /// Capital (20), weights (21)–(23) and investment (19) for period t + 1.
    mutating func advance(after record: PeriodRecord) throws {
        let t = record.period
        let (n, sectors) = (cellCount, sectorCount)
        // ψ_r(t) = Σ_i Γ[i, r]·ρ_i: the share of region r's capital-goods basket delivered.
        let delivered = try Matrix.product(model.capitalGoods, record.rationing.rationing, transposeA: .transposed)
        let slotCount = deliveredInvestment.count
        for column in 0..<columnCount {
            investment.withColumn(column) { investment in
                deliveredInvestment[t % slotCount].withMutableColumn(column) { slot in
                    for region in 0..<regionCount {
                        let share = delivered[region, column]
                        for i in region * sectors..<(region + 1) * sectors { slot[i] = share * investment[i] }
                    }
                }
            }
        }
        for (column, setup) in setups.enumerated() {
            // MODEL (20): k(t+1) = (1 − δ)·k(t) + ψ(t−G+1)·I(t−G+1) / K; before t = 0 on the balanced path.
            let arrival = t - setup.lag + 1
            let balancedArrival =
                (setup.depreciation + setup.growth) * pow(1 + setup.growth, Double(setup.lag - 1) + Double(arrival))
            let arrived = arrival < 0 ? nil : deliveredInvestment[arrival % slotCount]
            capitalIndex.withMutableColumn(column) { index in
                for i in 0..<n {
                    let added: Double
                    if setup.capital[i] <= 0 {
                        added = 0
                    } else if let arrived {
                        added = arrived[i, column] / setup.capital[i]
                    } else {
                        added = balancedArrival
                    }
                    index[i] = (1 - setup.depreciation) * index[i] + added
                }
            }
            InvestmentWeights.step(
                &weights, column: column, setup: setup, result: record.rationing, availability: availability,
                substitutes: model.rationing.substitutes, substituteCells: substituteCells, sectorCount: sectors)
            let factors = setup.schedule.factors(at: t + 1)
            allocateInvestment(column: column, period: t + 1, budgetFactor: budgetFactor(column, factors))
        }
    }

    private func budgetFactor(_ column: Int, _ factors: [Double]) -> Double {
        setups[column].schedule.budgetFactor(factors: factors)
    }

    /// MODEL (19): I = R + (B − Σ R)·W with R = δ·K ∘ k and B = (1+g)^t·B(0)·(budget factor).
    /// When the budget does not cover replacement, replacement is scaled down to fit (I = R·B/Σ R).
    private mutating func allocateInvestment(column: Int, period t: Int, budgetFactor: Double) {
        let setup = setups[column]
        let budget = pow(1 + setup.growth, Double(t)) * setup.budget * budgetFactor
        capitalIndex.withColumn(column) { index in
            weights.withColumn(column) { weights in
                investment.withMutableColumn(column) { investment in
                    var replacementTotal = 0.0
                    for i in 0..<cellCount { replacementTotal += setup.depreciation * setup.capital[i] * index[i] }
                    let allocable = budget - replacementTotal
                    for i in 0..<cellCount {
                        let replacement = setup.depreciation * setup.capital[i] * index[i]
                        investment[i] =
                            allocable >= 0 ? replacement + allocable * weights[i] : replacement * budget / replacementTotal
                    }
                }
            }
        }
    }
}
