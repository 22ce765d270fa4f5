import ShockFlowLinearAlgebra

/// A fixed-weight (Laspeyres) price index by region (docs/prices.md, (P6)): the change of the price
/// of a basket bought in the base year, ΔP_r = (Σ_i w_ir·Δp_i + Σ_p m_pr·Δp_m[p, r]) / (Σ_i w_ir + Σ_p m_pr),
/// with domestic purchases w by cell and imports m by product at the import prices of region r; the
/// nation's index pools every region's basket. A region with no basket (weights summing to ≤ 0) has 0.
public struct PriceIndex: Sendable {
    /// The name written in results (`cpi`, `ppi`, `gfcf_deflator`).
    public let name: String
    /// w (n×R): region r's purchases from every cell.
    let domestic: Matrix
    /// m (P×R): region r's purchases of every imported product.
    let imports: Matrix
    /// Σ_i w_ir + Σ_p m_pr.
    let totals: [Double]

    init(name: String, domestic: Matrix, imports: Matrix) throws {
        self.name = name
        self.domestic = domestic
        self.imports = imports
        totals = zip(try domestic.columnSums(), try imports.columnSums()).map { $0 + $1 }
    }

    /// The basket of final-demand category `category` (households: the CPI; gfcf: the GFCF deflator):
    /// each region's columns of Y and of the imports into final demand.
    public static func finalUse(name: String, economy: Economy, category: Int) throws -> PriceIndex {
        let regions = economy.regionCount
        var domestic = Matrix(rows: economy.cellCount, columns: regions)
        var imports = Matrix(rows: economy.importProducts.count, columns: regions)
        for (column, label) in economy.finalDemandColumns.enumerated() where label.category == category {
            for i in 0..<economy.cellCount { domestic[i, label.region] += economy.finalDemand[i, column] }
            for p in 0..<imports.rows { imports[p, label.region] += economy.finalDemandImports[p, column] }
        }
        return try PriceIndex(name: name, domestic: domestic, imports: imports)
    }

    /// The producer price index: each region's cells weighted by their base output x.
    public static func producer(economy: Economy) throws -> PriceIndex {
        var domestic = Matrix(rows: economy.cellCount, columns: economy.regionCount)
        for i in 0..<economy.cellCount { domestic[i, economy.cell(i).region] = economy.grossOutput[i] }
        return try PriceIndex(name: "ppi", domestic: domestic, imports: Matrix(rows: 0, columns: economy.regionCount))
    }

    /// (P6) ΔP by region and for the nation, from Δp (n) and Δp_m (P×R, `ShockSchedule.importPriceChange`).
    public func change(prices: [Double], importPrices: Matrix) throws -> (regions: [Double], nation: Double) {
        var numerators = try domestic.multiply(prices, transpose: .transposed)
        if imports.rows > 0 {
            guard importPrices.rows == imports.rows, importPrices.columns == imports.columns else {
                throw PriceModelError.inconsistentShape(
                    field: "import price changes Δp_m", expected: "\(imports.rows)×\(imports.columns)",
                    actual: "\(importPrices.rows)×\(importPrices.columns)")
            }
            for region in numerators.indices {
                for p in 0..<imports.rows { numerators[region] += imports[p, region] * importPrices[p, region] }
            }
        }
        let regional = numerators.indices.map { totals[$0] > 0 ? numerators[$0] / totals[$0] : 0 }
        let total = totals.reduce(0) { $0 + max(0, $1) }
        let pooled = numerators.indices.reduce(0.0) { $0 + (totals[$1] > 0 ? numerators[$1] : 0) }
        return (regional, total > 0 ? pooled / total : 0)
    }
}
