import ShockFlowLinearAlgebra

/// One region's own input–output table by product, as a provincial statistics bureau publishes it:
/// uses are origin-blind (local output, inflows from other regions and imports mixed), and trade
/// with other regions and abroad appears only as totals by product.
///
/// Row identity (per product p): `grossOutput = Σ_s intermediateUse[p, s] + Σ_c finalUse[p, c]
/// + exports + outflows − imports − inflows + statisticalDiscrepancy`; imports and inflows are
/// positive numbers that are subtracted.
public struct SingleRegionTable: Sendable, Equatable {
    /// S×S: use of product p (row) by sector s (column), whatever its origin.
    public var intermediateUse: Matrix
    /// S×C: domestic final use of product p by category c (households, government, GFCF, inventories …).
    public var finalUse: Matrix
    public var exports: [Double]
    /// Outflow of each product to the other regions of the country.
    public var outflows: [Double]
    /// Imports from abroad of each product.
    public var imports: [Double]
    /// Inflow of each product from the other regions of the country.
    public var inflows: [Double]
    /// The table's own statistical discrepancy column (ERR), added on the use side.
    public var statisticalDiscrepancy: [Double]
    public var grossOutput: [Double]
    /// K×S: the components of value added of each sector (compensation, net taxes, …).
    public var valueAddedComponents: Matrix
    /// The table's own total value added by sector (its TVA row), kept to compare with the components.
    public var reportedValueAdded: [Double]

    public init(
        intermediateUse: Matrix, finalUse: Matrix, exports: [Double], outflows: [Double], imports: [Double],
        inflows: [Double], statisticalDiscrepancy: [Double], grossOutput: [Double], valueAddedComponents: Matrix,
        reportedValueAdded: [Double]
    ) {
        self.intermediateUse = intermediateUse
        self.finalUse = finalUse
        self.exports = exports
        self.outflows = outflows
        self.imports = imports
        self.inflows = inflows
        self.statisticalDiscrepancy = statisticalDiscrepancy
        self.grossOutput = grossOutput
        self.valueAddedComponents = valueAddedComponents
        self.reportedValueAdded = reportedValueAdded
    }

    public var productCount: Int { grossOutput.count }

    /// Home use of each product: intermediate plus domestic final use, exports excluded.
    public func homeUse() -> [Double] {
        (0..<productCount).map { p in
            var total = 0.0
            for s in 0..<intermediateUse.columns { total += intermediateUse[p, s] }
            for c in 0..<finalUse.columns { total += finalUse[p, c] }
            return total
        }
    }

    /// Local supply of product p: the region's own output that stays at home, measured both from
    /// the supply side (output − exports − outflows) and from the use side (home use − inflows −
    /// imports); the smaller of the two, so that neither goes negative when it is protected.
    public func localSupply(homeUse: [Double]) -> [Double] {
        (0..<productCount).map { p -> Double in
            let keptAtHome: Double = grossOutput[p] - exports[p] - outflows[p]
            let usedFromOwnOutput: Double = homeUse[p] - inflows[p] - imports[p]
            return min(keptAtHome, usedFromOwnOutput)
        }
    }

    /// Value added by sector as the sum of its components.
    public func valueAdded() -> [Double] {
        (0..<productCount).map { s in
            var total = 0.0
            for k in 0..<valueAddedComponents.rows { total += valueAddedComponents[k, s] }
            return total
        }
    }
}
