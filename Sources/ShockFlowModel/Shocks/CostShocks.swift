/// Cost shocks: the unit cost p_v of cells' primary inputs, by value-added component (docs/prices.md, (P1)).
extension ShockSchedule {
    /// The drivers of the cost shocks (docs/prices.md, (P2), (P4)): every (cell, component) with the shocks
    /// on it, grouped by those shocks; a group's cost push is c_j = Σ of j's coefficients of its components.
    /// A shock that names no component changes every component and the rest of value added.
    func costDrivers(_ structure: PriceStructure) throws(ShockError) -> [PriceDriver] {
        let rows = structure.componentCoefficients.rows
        var shocksOn: [CostTarget: [Int]] = [:]
        for (shock, cells, components) in costTargets {
            if let bad = components.first(where: { !(0..<structure.componentNames.count).contains($0) }) {
                throw ShockError(
                    scenario: scenario, shock: shocks[shock].id, field: "components", value: "\(bad)",
                    expected: "an index in 0..<\(structure.componentNames.count) (the table's value-added components)")
            }
            for cell in cells {
                for component in components.isEmpty ? Array(0..<rows) : components {
                    shocksOn[CostTarget(cell: cell, component: component), default: []].append(shock)
                }
            }
        }
        let targets = shocksOn.keys.sorted { ($0.cell, $0.component) < ($1.cell, $1.component) }
        let groups = PriceTargetGroups(targets, shocksOn: shocksOn)
        return zip(groups.keys, groups.members).map { shocks, targets in
            var push = [Double](repeating: 0, count: structure.cellCount)
            for target in targets { push[target.cell] += structure.componentCoefficients[target.component, target.cell] }
            return PriceDriver(shocks: shocks, costPush: push, substitutedProduct: nil, importPrices: [])
        }
    }
}

/// A cell's value-added component (row of `PriceStructure.componentCoefficients`): the unit a `cost` shock prices.
struct CostTarget: Hashable {
    let cell: Int
    let component: Int
}

extension ShockSchedule {
    /// Every price shock's drivers: import prices, then primary-input costs (docs/prices.md, (P4)).
    /// - Parameter substituted: imported products with a domestic substitute (their drivers stay apart).
    public func priceDrivers(_ structure: PriceStructure, substituted: Set<Int> = []) throws(ShockError) -> [PriceDriver] {
        try importPriceDrivers(structure, substituted: substituted) + costDrivers(structure)
    }
}
