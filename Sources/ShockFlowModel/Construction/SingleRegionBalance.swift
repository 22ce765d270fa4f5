/// How well one region's own table balances, before any adjustment.
public struct SingleRegionBalance: Sendable, Equatable {
    /// Largest |output − (home use + exports + outflows − imports − inflows + discrepancy)| over products.
    public var worstRowResidual: Double
    /// That residual over the larger of output and uses (0 when both are 0).
    public var worstRowRelativeResidual: Double
    public var worstRowProduct: Int
    /// Largest |output − (intermediate inputs + value added)| over sectors.
    public var worstColumnResidual: Double
    /// That residual over the larger of output and inputs.
    public var worstColumnRelativeResidual: Double
    public var worstColumnSector: Int
}

extension SingleRegionTable {
    /// Checks the row identity (output = uses + exports + outflows − imports − inflows + ERR) and the
    /// column identity (output = inputs + value added) of the table as published.
    public func balance() -> SingleRegionBalance {
        let home = homeUse()
        let valueAdded = valueAdded()
        var result = SingleRegionBalance(
            worstRowResidual: 0, worstRowRelativeResidual: 0, worstRowProduct: 0, worstColumnResidual: 0,
            worstColumnRelativeResidual: 0, worstColumnSector: 0)
        for p in 0..<productCount {
            let uses = home[p] + exports[p] + outflows[p] - imports[p] - inflows[p] + statisticalDiscrepancy[p]
            let residual = abs(grossOutput[p] - uses)
            if residual > result.worstRowResidual {
                result.worstRowResidual = residual
                result.worstRowRelativeResidual = relativeGap(grossOutput[p], uses)
                result.worstRowProduct = p
            }
        }
        for s in 0..<productCount {
            var inputs = valueAdded[s]
            for p in 0..<intermediateUse.rows { inputs += intermediateUse[p, s] }
            let residual = abs(grossOutput[s] - inputs)
            if residual > result.worstColumnResidual {
                result.worstColumnResidual = residual
                result.worstColumnRelativeResidual = relativeGap(grossOutput[s], inputs)
                result.worstColumnSector = s
            }
        }
        return result
    }
}

/// |a − b| / max(|a|, |b|), and 0 when both are 0.
private func relativeGap(_ a: Double, _ b: Double) -> Double {
    let scale = max(abs(a), abs(b))
    return scale == 0 ? 0 : abs(a - b) / scale
}
