/// Problems met while building a multi-regional table from single-region tables.
public enum ConstructionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The inputs do not fit together (counts of regions, products or categories).
    case inconsistentInputs(String)
    /// Two different regions are at distance zero (or the distance is not finite).
    case invalidDistance(origin: String, destination: String, value: Double)
    /// The row and column targets of a balancing do not have the same total.
    case inconsistentTargets(rowTotal: Double, columnTotal: Double)
    /// A row or column must reach a positive total but has no cell it may trade through.
    case unreachableTarget(side: TradeSide, index: Int, target: Double)
    /// A region's outflow and inflow of one product exceed the national total: without
    /// own-region flows no trade matrix can match both.
    case infeasibleTrade(product: String, region: String, outflow: Double, inflow: Double, total: Double)
    case balancingDidNotConverge(product: String, iterations: Int, relativeResidual: Double)
    /// Inflows and imports exceed a region's home use of a product beyond round-off.
    case negativeLocalSupply(region: String, product: String, value: Double)

    public var description: String {
        switch self {
        case .inconsistentInputs(let message):
            return "construction inputs do not fit together: \(message)"
        case .invalidDistance(let origin, let destination, let value):
            return "distance from \(origin) to \(destination) is \(value) km; distances between different regions "
                + "must be positive and finite (check the capitals' coordinates)"
        case .inconsistentTargets(let rowTotal, let columnTotal):
            return "balancing targets disagree: rows sum to \(rowTotal), columns to \(columnTotal)"
        case .unreachableTarget(let side, let index, let target):
            return "balancing: \(side.rawValue) entry \(index + 1) must reach \(target) but has no cell to trade through"
        case .infeasibleTrade(let product, let region, let outflow, let inflow, let total):
            return "product \(product): \(region) ships out \(outflow) and takes in \(inflow), together more than the "
                + "national trade total \(total); no trade matrix without own-region flows can match"
        case .balancingDidNotConverge(let product, let iterations, let residual):
            return "product \(product): trade balancing did not converge in \(iterations) iterations "
                + "(worst relative residual \(residual))"
        case .negativeLocalSupply(let region, let product, let value):
            return "\(region), product \(product): inflows and imports exceed home use by \(-value); "
                + "local supply would be negative"
        }
    }
}
