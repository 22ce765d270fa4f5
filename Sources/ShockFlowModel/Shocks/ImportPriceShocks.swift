import ShockFlowLinearAlgebra

/// Import price shocks: the price p_m of imported products, by region of use (docs/prices.md, (P1)).
extension ShockSchedule {
    /// The drivers of the import price shocks (docs/prices.md, (P2), (P4)): every (product, region of use)
    /// with the shocks on it, grouped by those shocks; a group's cost push is c_j = Σ a_m[p, j] over its
    /// products p used in j's region. Products in `substituted` get drivers of their own, so that
    /// substitution can scale them by 1 − θ̂_p.
    func importPriceDrivers(_ structure: PriceStructure, substituted: Set<Int>) throws(ShockError) -> [PriceDriver] {
        let (regionCount, sectorCount) = (structure.regionCount, structure.sectorCount)
        var shocksOn: [ImportPriceTarget: [Int]] = [:]
        for (shock, products, regions) in importPriceTargets {
            if let bad = regions.first(where: { !(0..<regionCount).contains($0) }) {
                throw ShockError(
                    scenario: scenario, shock: shocks[shock].id, field: "regions", value: "\(bad)",
                    expected: "an index in 0..<\(regionCount)")
            }
            for product in products {
                for region in regions.isEmpty ? Array(0..<regionCount) : regions {
                    shocksOn[ImportPriceTarget(product: product, region: region), default: []].append(shock)
                }
            }
        }
        let targets = shocksOn.keys.sorted { ($0.product, $0.region) < ($1.product, $1.region) }
        var drivers: [PriceDriver] = []
        for separate in [true, false] {
            let own = targets.filter { substituted.contains($0.product) == separate }
            for product in separate ? Array(Set(own.map(\.product))).sorted() : [-1] {
                let members = separate ? own.filter { $0.product == product } : own
                let groups = PriceTargetGroups(members, shocksOn: shocksOn)
                for (shocks, targets) in zip(groups.keys, groups.members) {
                    var push = [Double](repeating: 0, count: structure.cellCount)
                    for target in targets {
                        for j in target.region * sectorCount..<(target.region + 1) * sectorCount {
                            push[j] += structure.importCoefficients[target.product, j]
                        }
                    }
                    drivers.append(
                        PriceDriver(
                            shocks: shocks, costPush: push, substitutedProduct: separate ? product : nil,
                            importPrices: targets))
                }
            }
        }
        return drivers
    }

    /// Δp_m (P×R) in one period: each driver's relative change g(t) on its (product, region of use) pairs.
    public static func importPriceChange(drivers: [PriceDriver], factors: [Double], productCount: Int, regionCount: Int)
        -> Matrix
    {
        var change = Matrix(rows: productCount, columns: regionCount)
        for driver in drivers where !driver.importPrices.isEmpty {
            let relative = driver.relativeChange(factors: factors)
            for target in driver.importPrices { change[target.product, target.region] = relative }
        }
        return change
    }
}
