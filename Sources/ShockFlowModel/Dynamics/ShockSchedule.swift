import ShockFlowLinearAlgebra

/// One scenario's shocks compiled against the economy: targets checked and deduplicated, and
/// shocks on the same final-demand entry grouped, so a period only multiplies factors.
/// Several shocks on one target combine multiplicatively.
struct ShockSchedule: Sendable {
    /// One final-demand entry (cell i, column k of Y) that shocks touch, with h·Y[i, k].
    struct FinalDemandEntry: Sendable {
        var cell: Int
        var periodFlow: Double
        var shocks: [Int]
    }

    let shocks: [Shock]
    let capacityTargets: [(shock: Int, cells: [Int])]
    let importTargets: [(shock: Int, products: [Int])]
    let finalDemandEntries: [FinalDemandEntry]
    let budgetShocks: [Int]

    /// - Parameters:
    ///   - finalDemand: Y (n×k), annual; `periodLength` h turns it into per-period flows.
    init(
        _ shocks: [Shock], scenario: String, cellCount: Int, productCount: Int, finalDemand: Matrix,
        horizon: PlanHorizon
    ) throws {
        var capacityTargets: [(shock: Int, cells: [Int])] = []
        var importTargets: [(shock: Int, products: [Int])] = []
        var entries: [Int: [Int]] = [:]  // i + k·n → shocks
        var budgetShocks: [Int] = []
        var seenIDs = Set<String>()
        func problem(_ shock: Shock, _ field: String, _ value: String, _ expected: String) -> PlanHorizonError {
            .invalidShock(scenario: scenario, shock: shock.id, field: field, value: value, expected: expected)
        }
        func checked(_ shock: Shock, _ field: String, _ indices: [Int], count: Int) throws -> [Int] {
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
            case .demand, .investmentBudget:
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
            }
        }
        self.shocks = shocks
        self.capacityTargets = capacityTargets
        self.importTargets = importTargets
        self.finalDemandEntries = entries.keys.sorted().map { key in
            FinalDemandEntry(
                cell: key % cellCount, periodFlow: horizon.periodLength * finalDemand.elements[key],
                shocks: entries[key] ?? [])
        }
        self.budgetShocks = budgetShocks
    }

    /// Each shock's factor in `period`, indexed like `shocks`.
    func factors(at period: Int) -> [Double] { shocks.map { $0.factor(at: period) } }
}
