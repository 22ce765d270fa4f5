import ShockFlowLinearAlgebra

extension TableTotals {
    /// The single-region tables summed as published: value added from their TVA rows, the
    /// discrepancy category from their ERR columns.
    public init(publishedTables tables: [SingleRegionTable]) {
        let categories = tables.first?.finalUse.columns ?? 0
        func total(_ values: (SingleRegionTable) -> [Double]) -> Double {
            tables.reduce(0) { $0 + values($1).reduce(0, +) }
        }
        let finalUse = (0..<categories).map { c in
            tables.reduce(0) { sum, table in sum + (0..<table.productCount).reduce(0) { $0 + table.finalUse[$1, c] } }
        }
        self.init(
            output: total(\.grossOutput), valueAdded: total(\.reportedValueAdded), imports: total(\.imports),
            finalUseByCategory: finalUse + [total(\.exports), total(\.statisticalDiscrepancy)])
    }

    /// Totals of an economy; final use of a category counts domestic and imported purchases.
    public init(economy: Economy) throws {
        let domestic = try economy.finalDemand.columnSums(), imported = try economy.finalDemandImports.columnSums()
        var finalUse = [Double](repeating: 0, count: economy.finalDemandCategories.count)
        for (j, column) in economy.finalDemandColumns.enumerated() {
            finalUse[column.category] += domestic[j] + (imported.isEmpty ? 0 : imported[j])
        }
        self.init(
            output: economy.grossOutput.reduce(0, +), valueAdded: economy.valueAdded.reduce(0, +),
            imports: economy.intermediateImports.elements.reduce(0, +) + economy.finalDemandImports.elements.reduce(0, +),
            finalUseByCategory: finalUse)
    }
}

/// Size and reach of the inter-regional flows (the prior's distance decay shows here).
func tradeGeography(_ flows: [Matrix], distances: Matrix)
    -> (total: Double, meanDistance: Double, shareWithin1000Kilometres: Double)
{
    var total = 0.0, distanceWeighted = 0.0, near = 0.0
    for product in flows {
        for d in 0..<product.columns {
            for o in 0..<product.rows {
                let flow = product[o, d]
                total += flow
                distanceWeighted += flow * distances[o, d]
                if distances[o, d] < 1000 { near += flow }
            }
        }
    }
    return total > 0 ? (total, distanceWeighted / total, near / total) : (0, 0, 0)
}
