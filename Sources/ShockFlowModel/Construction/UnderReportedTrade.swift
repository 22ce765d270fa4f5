/// What the under-reporter fix did: regions whose gross trade with the rest of the country is
/// implausibly small get their outflows and inflows raised by equal amounts.
public struct UnderReportedTrade: Sendable, Equatable {
    /// Each region's total outflows over its total output (after re-export removal).
    public var outflowRatios: [Double]
    public var medianOutflowRatio: Double
    /// A region is flagged when its ratio is below this share of the median.
    public var thresholdShareOfMedian: Double
    /// Flagged regions, in region order.
    public var regions: [Int]
    /// Per product: the median over the other regions of outflows / (output − exports).
    public var productOutflowRates: [Double]
    /// Amount added to both outflows and inflows, per region.
    public var addedByRegion: [Double]
    public var added: Double { addedByRegion.reduce(0, +) }
}

/// Flags regions whose outflow/output ratio is below `thresholdShareOfMedian` × the median ratio,
/// then raises each flagged region's outflow of every product to the product's median outflow
/// rate among the unflagged regions (outflow per unit of output not exported, where that output
/// exceeds round-off: 1e-9 of output), capped at its local
/// supply, adding the same amount to its inflow so the table's balance and net trade stay as reported.
public func raiseUnderReportedTrade(
    in tables: inout [SingleRegionTable], thresholdShareOfMedian: Double
) -> UnderReportedTrade {
    let ratios = tables.map { table -> Double in
        let output = table.grossOutput.reduce(0, +)
        return output > 0 ? table.outflows.reduce(0, +) / output : 0
    }
    let medianRatio = median(ratios)
    let flagged = ratios.indices.filter { ratios[$0] < thresholdShareOfMedian * medianRatio }
    let products = tables.first?.productCount ?? 0
    let rates = (0..<products).map { p in
        median(
            tables.indices.compactMap { r -> Double? in
                let domesticOutput = tables[r].grossOutput[p] - tables[r].exports[p]
                guard !flagged.contains(r), domesticOutput > 1e-9 * tables[r].grossOutput[p] else { return nil }
                return tables[r].outflows[p] / domesticOutput
            })
    }
    var added = [Double](repeating: 0, count: tables.count)
    for r in flagged {
        let supply = tables[r].localSupply(homeUse: tables[r].homeUse())
        for p in 0..<products {
            let wanted = rates[p] * (tables[r].grossOutput[p] - tables[r].exports[p]) - tables[r].outflows[p]
            let raise = min(max(0, wanted), max(0, supply[p]))
            tables[r].outflows[p] += raise
            tables[r].inflows[p] += raise
            added[r] += raise
        }
    }
    return UnderReportedTrade(
        outflowRatios: ratios, medianOutflowRatio: medianRatio, thresholdShareOfMedian: thresholdShareOfMedian,
        regions: flagged, productOutflowRates: rates, addedByRegion: added)
}

/// The median (mean of the two middle values for an even count; 0 for no values).
func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
