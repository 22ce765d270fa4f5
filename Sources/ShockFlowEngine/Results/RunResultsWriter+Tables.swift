import ShockFlowModel

/// The tidy tables of a run: one row per period × cell (or region, sector, product) × metric.
extension RunResultsWriter {
    static let comparisonColumns = ["baseline", "scenario", "difference", "relative"]

    static let cellsHeader = ["period", "region", "sector", "metric"] + comparisonColumns

    /// The rows of `cells.csv` for some periods: period,region,sector,metric,baseline,scenario,difference,relative.
    static func cellRows(_ result: ScenarioRunResult, periods: Range<Int>) -> ResultsTable {
        var table = ResultsTable()
        let cells = encodedCells(table, result.economy)
        let metrics = result.cellMetrics.map { table.encoded([$0.name]) }
        for period in periods {
            let periodField = table.encoded([String(period)])
            for cell in cells.indices {
                let prefix = periodField + cells[cell]
                for (index, metric) in result.cellMetrics.enumerated() {
                    table.appendComparison(
                        prefix, metrics[index], baseline: metric.baseline[period][cell], scenario: metric.scenario[period][cell])
                }
            }
        }
        return table
    }

    /// Regions or sectors, the two groupings of cells the aggregated tables use.
    enum Grouping {
        case region, sector

        func labels(_ economy: Economy) -> [Label] { self == .region ? economy.regions : economy.sectors }

        func group(of cell: Int, _ economy: Economy) -> Int {
            self == .region ? economy.cell(cell).region : economy.cell(cell).sector
        }
    }

    /// `regions.csv` / `sectors.csv`: period,region (or sector),metric,baseline,scenario,difference,relative,
    /// each metric aggregated over the group's cells (`aggregate`).
    static func groupTable(_ result: ScenarioRunResult, by grouping: Grouping) -> ResultsTable {
        let economy = result.economy
        var table = ResultsTable(header: ["period", grouping == .region ? "region" : "sector", "metric"] + comparisonColumns)
        let groups = grouping.labels(economy).map { table.encoded([$0.code]) }
        let metrics = result.cellMetrics.map { table.encoded([$0.name]) }
        for period in 0..<result.periodCount {
            let periodField = table.encoded([String(period)])
            let totals = result.cellMetrics.map { metric in
                (
                    baseline: aggregate(
                        metric.baseline[period], weights: metric.aggregationWeights?.baseline[period], grouping, economy),
                    scenario: aggregate(
                        metric.scenario[period], weights: metric.aggregationWeights?.scenario[period], grouping, economy)
                )
            }
            for group in groups.indices {
                let prefix = periodField + groups[group]
                for index in metrics.indices {
                    table.appendComparison(
                        prefix, metrics[index], baseline: totals[index].baseline[group], scenario: totals[index].scenario[group])
                }
            }
        }
        return table
    }

    /// Per group: the sum of the cells' values, or with `weights` the weighted mean Σ w·v / Σ w over the
    /// cells with positive weight (the plain mean where no cell has one). Cells are added in index order.
    static func aggregate(_ values: [Double], weights: [Double]?, _ grouping: Grouping, _ economy: Economy) -> [Double] {
        let count = grouping.labels(economy).count
        var sums = [Double](repeating: 0, count: count)
        guard let weights else {
            for cell in values.indices { sums[grouping.group(of: cell, economy)] += values[cell] }
            return sums
        }
        var weightSums = [Double](repeating: 0, count: count)
        var plainSums = [Double](repeating: 0, count: count)
        var cellCounts = [Double](repeating: 0, count: count)
        for cell in values.indices {
            let group = grouping.group(of: cell, economy)
            plainSums[group] += values[cell]
            cellCounts[group] += 1
            guard weights[cell] > 0 else { continue }
            sums[group] += weights[cell] * values[cell]
            weightSums[group] += weights[cell]
        }
        return (0..<count).map { weightSums[$0] > 0 ? sums[$0] / weightSums[$0] : plainSums[$0] / max(1, cellCounts[$0]) }
    }

    /// `products.csv`: period,product,metric,baseline,scenario,difference,relative (imported products).
    static func productsTable(_ result: ScenarioRunResult) -> ResultsTable {
        var table = ResultsTable(header: ["period", "product", "metric"] + comparisonColumns)
        let products = result.economy.importProducts.map { table.encoded([$0.code]) }
        let metrics = result.productMetrics.map { table.encoded([$0.name]) }
        for period in 0..<result.periodCount {
            let periodField = table.encoded([String(period)])
            for product in products.indices {
                let prefix = periodField + products[product]
                for (index, metric) in result.productMetrics.enumerated() {
                    table.appendComparison(
                        prefix, metrics[index], baseline: metric.baseline[period][product],
                        scenario: metric.scenario[period][product])
                }
            }
        }
        return table
    }

    /// `national.csv`: day,metric,baseline,scenario,difference,relative — the ario model's national totals, every day.
    static func nationalTable(_ result: ScenarioRunResult) -> ResultsTable {
        var table = ResultsTable(header: ["day", "metric"] + comparisonColumns)
        let metrics = result.nationalDaily.map { table.encoded([$0.name]) }
        for day in result.nationalDaily.first?.baseline.indices ?? 0..<0 {
            let dayField = table.encoded([String(day)])
            for (index, metric) in result.nationalDaily.enumerated() {
                table.appendComparison(
                    dayField, metrics[index], baseline: metric.baseline[day][0], scenario: metric.scenario[day][0])
            }
        }
        return table
    }

    /// `weights.csv`: period,region,sector,weight_baseline,weight_scenario — the investment weights W(t).
    static func weightsTable(_ weights: RunMetric, result: ScenarioRunResult) -> ResultsTable {
        var table = ResultsTable(header: ["period", "region", "sector", "weight_baseline", "weight_scenario"])
        let cells = encodedCells(table, result.economy)
        for period in weights.baseline.indices {
            let periodField = table.encoded([String(period)])
            for cell in cells.indices {
                table.append(periodField + cells[cell], weights.baseline[period][cell], weights.scenario[period][cell])
            }
        }
        return table
    }

    /// `region,sector,` of every cell, encoded once.
    static func encodedCells(_ table: ResultsTable, _ economy: Economy) -> [[UInt8]] {
        (0..<economy.cellCount).map { cell in
            let (region, sector) = economy.cell(cell)
            return table.encoded([economy.regions[region].code, economy.sectors[sector].code])
        }
    }
}
