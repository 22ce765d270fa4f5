import ShockFlowLinearAlgebra

/// One scenario set up for the lockstep run: parameters checked and turned into per-product and
/// per-industry arrays, events resolved to the industries they hit.
struct ARIOColumn: Sendable {
    let name: String
    let usesCapacityWeights: Bool
    let alphaBase: Double
    let alphaMax: Double
    /// 1 / alpha_tau (BoARIO's overprod_tau).
    let alphaRate: Double
    let psi: Double
    /// s_p, days: ∞ for an infinite inventory, 2 where BoARIO raises a duration ≤ 1 (A4).
    let inventoryDuration: [Double]
    /// s_p with ∞ as 0: the duration in the inventory constraint (A12).
    let constraintDuration: [Double]
    /// 1 / τ_INV per product (A19).
    let restorationRate: [Double]
    /// K = ratio_s · v (A2).
    let capital: [Double]
    let damageDecimals: Int
    let events: [ARIOResolvedEvent]
    /// The import, export and demand shocks over the run's days (A25), (A29).
    let shocks: ShockSchedule
    /// Whether any shock changes final demand (A25).
    let changesFinalDemand: Bool
    /// The imported products an import shock touches: their inputs are held as inventories (A26).
    let shockedImports: Set<Int>
    /// sᵐ_p, days, by imported product (A27): ∞ for an infinite inventory, 2 for a duration ≤ 1.
    let importDuration: [Double]
    /// max(ψ·sᵐ_p, 1) (A28): the days of use below which the stock constrains production, at least one
    /// (a day never uses more than the stock); 0 for an infinite inventory, which never constrains.
    let importConstraintDays: [Double]
    /// 1 / τ_INV for imported inputs (A31).
    let importRestorationRate: Double

    init(scenario: ARIOScenario, model: ARIOModel, days: Int) throws {
        let parameters = scenario.parameters
        try parameters.check(scenario: scenario.name, sectors: model.sectors)
        name = scenario.name
        usesCapacityWeights = parameters.orderType == .alt
        alphaBase = parameters.alphaBase
        alphaMax = parameters.alphaMax
        alphaRate = 1 / Double(parameters.alphaTau)
        psi = parameters.psi
        // (A4) BoARIO's _init_input_stocks: durations ≤ 1 step become 2.
        inventoryDuration = (0..<model.sectorCount).map { product in
            let days: Double
            switch parameters.inventories[product] {
            case .none: days = parameters.inventoryDays
            case .infinite: days = .infinity
            case .days(let given): days = given
            }
            return days <= 1 ? 2 : days
        }
        constraintDuration = inventoryDuration.map { $0.isFinite ? $0 : 0 }
        restorationRate = [Double](repeating: 1 / Double(parameters.inventoryRestorationTau), count: model.sectorCount)
        // (A2) productive capital K = ratio_s · v.
        let sectors = model.sectorCount
        let capital = (0..<model.industryCount).map { i in
            model.valueAdded[i] * (parameters.capitalToValueAdded[i % sectors] ?? ARIOParameters.defaultCapitalToValueAdded)
        }
        self.capital = capital
        damageDecimals = parameters.damageDecimals
        events = try scenario.events.map {
            try ARIOResolvedEvent($0, scenario: scenario.name, model: model, capital: capital, defaultRebuildTau: parameters.rebuildTau)
        }
        (shocks, shockedImports) = try Self.schedule(scenario, model: model, days: days)
        changesFinalDemand = !shocks.finalDemandEntries.isEmpty
        // (A27) an imported product's inventory lasts as its own entry says, else as the domestic product of that index.
        let domestic = inventoryDuration
        importDuration = (0..<model.importProducts.count).map { product in
            let days: Double
            switch parameters.importInventories[product] {
            case .infinite: days = .infinity
            case .days(let given): days = given
            case .none: days = domestic.indices.contains(product) ? domestic[product] : parameters.inventoryDays
            }
            return days <= 1 ? 2 : days
        }
        importRestorationRate = 1 / Double(parameters.inventoryRestorationTau)
        importConstraintDays = importDuration.map { $0.isFinite ? max(parameters.psi * $0, 1) : 0 }
    }

    /// The scenario's shocks over `days` days (daily flows: Y / 365), and the imported products they cut.
    private static func schedule(_ scenario: ARIOScenario, model: ARIOModel, days: Int) throws -> (ShockSchedule, Set<Int>) {
        var shocked = Set<Int>()
        for shock in scenario.shocks {
            switch shock.kind {
            case .imports(let products): shocked.formUnion(products)
            case .exports, .demand: break
            case .capacity, .investmentBudget, .importPrice, .cost:
                throw ARIOError.invalidEvent(
                    scenario: scenario.name, event: shock.id, field: "kind", value: "\(shock.kind)",
                    expected: "an import, export or demand shock (capacity losses are events)")
            }
        }
        let schedule = try ShockSchedule(
            scenario.shocks, scenario: scenario.name, cellCount: model.industryCount, productCount: model.importProducts.count,
            finalDemand: model.annualFinalDemand,
            horizon: PlanHorizon(periods: days, periodLength: 1 / Double(ARIOModel.daysPerYear)))
        return (schedule, shocked)
    }
}

extension ARIOParameters {
    /// Every parameter within its range, or the first one outside it.
    func check(scenario: String, sectors: [Label]) throws {
        func invalid(_ field: String, _ value: Any, _ expected: String) -> ARIOError {
            .invalidParameter(scenario: scenario, field: field, value: "\(value)", expected: expected)
        }
        for (field, value) in [("alpha_base", alphaBase), ("alpha_max", alphaMax)] where !(value.isFinite && value > 0) {
            throw invalid(field, value, "a finite number > 0")
        }
        for (field, value) in [
            ("alpha_tau", alphaTau), ("rebuild_tau", rebuildTau), ("inventory_restoration_tau", inventoryRestorationTau),
            ("monetary_factor", monetaryFactor),
        ] where value < 1 {
            throw invalid(field, value, "a whole number ≥ 1")
        }
        guard psi.isFinite, psi >= 0, psi <= 1 else { throw invalid("psi", psi, "a number in [0, 1]") }
        guard inventoryDays.isFinite, inventoryDays > 0 else {
            throw invalid("inventory_days", inventoryDays, "a positive number of days")
        }
        for (product, duration) in inventories.sorted(by: { $0.key < $1.key }) {
            guard sectors.indices.contains(product) else {
                throw invalid("inventories", product, "a sector index in 0..<\(sectors.count)")
            }
            if case .days(let days) = duration, !(days.isFinite && days > 0) {
                throw invalid("inventories[\(sectors[product].code)]", days, "a positive number of days or infinite")
            }
        }
        for (sector, ratio) in capitalToValueAdded.sorted(by: { $0.key < $1.key }) {
            guard sectors.indices.contains(sector) else {
                throw invalid("capital_to_value_added", sector, "a sector index in 0..<\(sectors.count)")
            }
            guard ratio.isFinite, ratio >= 0 else {
                throw invalid("capital_to_value_added[\(sectors[sector].code)]", ratio, "a finite number ≥ 0")
            }
        }
    }
}
