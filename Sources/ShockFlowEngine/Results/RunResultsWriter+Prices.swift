import ShockFlowFormats
import ShockFlowModel

/// `prices.csv` and `price_indices.csv` (docs/results-format.md, docs/prices.md).
extension RunResultsWriter {
    static let priceTableNames = ["prices.csv", "price_indices.csv"]

    /// `prices.csv`: period,region,sector,price_baseline,price_scenario,difference,relative.
    static func pricesTable(_ prices: RunPrices, economy: Economy) -> ResultsTable {
        var table = ResultsTable(header: ResultsLevel.prices.header)
        let cells = encodedCells(table, economy)
        for period in prices.cells.scenario.indices {
            let periodField = table.encoded([String(period)])
            for cell in cells.indices {
                table.appendComparison(
                    periodField + cells[cell], baseline: prices.cells.baseline[period][cell],
                    scenario: prices.cells.scenario[period][cell])
            }
        }
        return table
    }

    /// `price_indices.csv`: period,region,index,baseline,scenario,difference,relative; the nation's rows
    /// (`RunPrices.nationCode`) follow the regions' when the economy has more than one region.
    static func priceIndicesTable(_ prices: RunPrices, economy: Economy) -> ResultsTable {
        var table = ResultsTable(header: ResultsLevel.priceIndices.header)
        let regions = (economy.regions.map(\.code) + (economy.regionCount > 1 ? [RunPrices.nationCode] : []))
            .map { table.encoded([$0]) }
        let names = prices.indices.map { table.encoded([$0.name]) }
        for period in prices.cells.scenario.indices {
            let periodField = table.encoded([String(period)])
            for region in regions.indices {
                for (index, metric) in prices.indices.enumerated() {
                    table.appendComparison(
                        periodField + regions[region], names[index], baseline: metric.baseline[period][region],
                        scenario: metric.scenario[period][region])
                }
            }
        }
        return table
    }
}
