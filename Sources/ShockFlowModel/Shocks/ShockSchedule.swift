import ShockFlowLinearAlgebra

/// A scenario's shocks compiled against an economy: targets checked and deduplicated, each profile
/// evaluated once per period of the horizon, and shocks on the same final-demand entry grouped, so a
/// period only multiplies factors. Several shocks on one target combine multiplicatively, in the
/// order they were written. The dynamic model applies a schedule period by period with `factors(at:)`,
/// the static models once at full strength with `fullStrengthFactors`; each kind's application is in
/// its own file (`CapacityShocks`, `ImportShocks`, `FinalDemandShocks`, `InvestmentBudgetShocks`,
/// `ImportPriceShocks`, `CostShocks`).
public struct ShockSchedule: Sendable {
    /// One final-demand entry (cell i, column k of Y) that shocks touch, with h·Y[i, k].
    struct FinalDemandEntry: Sendable {
        var cell: Int
        var periodFlow: Double
        var shocks: [Int]
    }

    public let shocks: [Shock]
    /// The scenario's name, for errors found when the price shocks are laid out (`priceDrivers`).
    let scenario: String
    /// profile(t) of each shock for t = 0..<T; 0 outside the horizon.
    let profileValues: [[Double]]
    let capacityTargets: [(shock: Int, cells: [Int])]
    let importTargets: [(shock: Int, products: [Int])]
    let finalDemandEntries: [FinalDemandEntry]
    let budgetShocks: [Int]
    let importPriceTargets: [(shock: Int, products: [Int], regions: [Int])]
    let costTargets: [(shock: Int, cells: [Int], components: [Int])]

    /// - Parameters:
    ///   - finalDemand: Y (n×k), annual; the horizon's period length h turns it into per-period flows
    ///     (the static models pass h = 1).
    public init(
        _ shocks: [Shock], scenario: String, cellCount: Int, productCount: Int, finalDemand: Matrix,
        horizon: PlanHorizon
    ) throws(ShockError) {
        var capacityTargets: [(shock: Int, cells: [Int])] = []
        var importTargets: [(shock: Int, products: [Int])] = []
        var entries: [Int: [Int]] = [:]  // i + k·n → shocks
        var budgetShocks: [Int] = []
        var importPriceTargets: [(shock: Int, products: [Int], regions: [Int])] = []
        var costTargets: [(shock: Int, cells: [Int], components: [Int])] = []
        var seenIDs = Set<String>()
        func problem(_ shock: Shock, _ field: String, _ value: String, _ expected: String) -> ShockError {
            ShockError(scenario: scenario, shock: shock.id, field: field, value: value, expected: expected)
        }
        func checked(_ shock: Shock, _ field: String, _ indices: [Int], count: Int) throws(ShockError) -> [Int] {
            if let bad = indices.first(where: { !(0..<count).contains($0) }) {
                throw problem(shock, field, "\(bad)", "an index in 0..<\(count)")
            }
            if indices.isEmpty { throw problem(shock, field, "empty", "at least one target") }
            return Array(Set(indices)).sorted()
        }
        for (index, shock) in shocks.enumerated() {
            guard seenIDs.insert(shock.id).inserted else { throw problem(shock, "id", shock.id, "an id used once") }
            if !(0...1).contains(shock.share) { throw problem(shock, "share", "\(shock.share)", "a share in [0, 1]") }
            if let (field, value, expected) = shock.profile.problem(periods: horizon.periods) {
                throw problem(shock, field, value, expected)
            }
            switch shock.kind {
            case .capacity, .imports, .exports:
                if !(0...1).contains(shock.magnitude) { throw problem(shock, "magnitude", "\(shock.magnitude)", "a value in [0, 1]") }
            case .demand, .investmentBudget, .importPrice, .cost:
                if !(shock.magnitude.isFinite && shock.magnitude >= -1) {
                    throw problem(shock, "magnitude", "\(shock.magnitude)", "a finite value ≥ −1 (−1 removes the flow)")
                }
            }
            switch shock.kind {
            case .capacity(let cells):
                capacityTargets.append((index, try checked(shock, "cells", cells, count: cellCount)))
            case .imports(let products):
                importTargets.append((index, try checked(shock, "products", products, count: productCount)))
            case .exports(let cells, let columns), .demand(let cells, let columns):
                let targetCells = try checked(shock, "cells", cells, count: cellCount)
                let allColumns = Array(0..<finalDemand.columns)
                let isExport = if case .exports = shock.kind { true } else { false }
                let targetColumns =
                    columns.isEmpty && !isExport
                    ? allColumns : try checked(shock, "final-demand columns", columns, count: finalDemand.columns)
                for column in targetColumns {
                    for cell in targetCells { entries[cell + column * cellCount, default: []].append(index) }
                }
            case .investmentBudget:
                budgetShocks.append(index)
            case .importPrice(let products, let regions):
                importPriceTargets.append(
                    (index, try checked(shock, "products", products, count: productCount), Array(Set(regions)).sorted()))
            case .cost(let cells, let components):
                costTargets.append((index, try checked(shock, "cells", cells, count: cellCount), Array(Set(components)).sorted()))
            }
        }
        self.shocks = shocks
        self.scenario = scenario
        self.profileValues = shocks.map { $0.profile.values(periods: horizon.periods) }
        self.capacityTargets = capacityTargets
        self.importTargets = importTargets
        self.finalDemandEntries = entries.keys.sorted().map { key in
            FinalDemandEntry(
                cell: key % cellCount, periodFlow: horizon.periodLength * finalDemand.elements[key],
                shocks: entries[key] ?? [])
        }
        self.budgetShocks = budgetShocks
        self.importPriceTargets = importPriceTargets
        self.costTargets = costTargets
    }

    /// Each shock's factor in `period` (strength share · magnitude · profile(t); 0 outside the
    /// horizon), indexed like `shocks`.
    public func factors(at period: Int) -> [Double] {
        shocks.indices.map { index in
            let values = profileValues[index]
            let profile = values.indices.contains(period) ? values[period] : 0
            return shocks[index].factor(strength: shocks[index].share * shocks[index].magnitude * profile)
        }
    }

    /// Each shock's factor at full strength (share · magnitude), as the static models apply it.
    public var fullStrengthFactors: [Double] { shocks.map { $0.factor(strength: $0.fullStrength) } }

    /// The combined factor of the shocks `indices` (in the order written).
    func combined(_ indices: [Int], _ factors: [Double]) -> Double { indices.reduce(1.0) { $0 * factors[$1] } }
}
