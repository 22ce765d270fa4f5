/// A pair of trade flows, one leaving the region and one entering it, that can be cut by the same
/// amount without unbalancing the region's table.
public enum TransitPair: Int, CaseIterable, Sendable {
    case outflowAndInflow, exportAndImport, outflowAndImport, exportAndInflow

    public var description: String {
        switch self {
        case .outflowAndInflow: return "outflow with inflow"
        case .exportAndImport: return "export with import"
        case .outflowAndImport: return "outflow with import"
        case .exportAndInflow: return "export with inflow"
        }
    }
}

/// What the removal of goods in transit did: shipments (exports + outflows) above a region's own
/// output are re-exports and re-shipments, which would leave negative local supply.
public struct ReExportRemoval: Sendable, Equatable {
    /// Σ over (region, product) of max(0, −local supply) before the cuts.
    public var excessBefore: Double
    /// (region, product) cells that had an excess.
    public var cellCount: Int
    /// Amount cut from each side of each pair, in `TransitPair.allCases` order.
    public var removedByPair: [Double]
    /// Amount cut from each side, per region.
    public var removedByRegion: [Double]
    /// Excess left where no pair had anything left to cut.
    public var remainingExcess: Double
}

/// Cuts, in each (region, product) with negative local supply, one outgoing and one incoming flow
/// by the same amount until local supply is zero: outflows with inflows first, then exports with
/// imports, then outflows with imports, then exports with inflows.
public func removeReExports(from tables: inout [SingleRegionTable]) -> ReExportRemoval {
    var report = ReExportRemoval(
        excessBefore: 0, cellCount: 0, removedByPair: [Double](repeating: 0, count: TransitPair.allCases.count),
        removedByRegion: [Double](repeating: 0, count: tables.count), remainingExcess: 0)
    for r in tables.indices {
        let home = tables[r].homeUse()
        let supply = tables[r].localSupply(homeUse: home)
        for p in 0..<tables[r].productCount where supply[p] < 0 {
            var excess = -supply[p]
            report.excessBefore += excess
            report.cellCount += 1
            for pair in TransitPair.allCases where excess > 0 {
                let cut = cutPair(pair, product: p, upTo: excess, in: &tables[r])
                excess -= cut
                report.removedByPair[pair.rawValue] += cut
                report.removedByRegion[r] += cut
            }
            report.remainingExcess += excess
        }
    }
    return report
}

/// Cuts both flows of `pair` by min(limit, outgoing, incoming); returns the amount cut.
private func cutPair(_ pair: TransitPair, product p: Int, upTo limit: Double, in table: inout SingleRegionTable) -> Double {
    let outgoing: WritableKeyPath<SingleRegionTable, [Double]>
    let incoming: WritableKeyPath<SingleRegionTable, [Double]>
    switch pair {
    case .outflowAndInflow: (outgoing, incoming) = (\.outflows, \.inflows)
    case .exportAndImport: (outgoing, incoming) = (\.exports, \.imports)
    case .outflowAndImport: (outgoing, incoming) = (\.outflows, \.imports)
    case .exportAndInflow: (outgoing, incoming) = (\.exports, \.inflows)
    }
    let cut = min(limit, table[keyPath: outgoing][p], table[keyPath: incoming][p])
    table[keyPath: outgoing][p] -= cut
    table[keyPath: incoming][p] -= cut
    return cut
}
