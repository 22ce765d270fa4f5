import ShockFlowFormats

/// The outputs a sweep keeps of one run: rows of its `summary.csv` and aggregates of its cell metrics.
extension SweepOutput {
    /// - Parameter summary: the run's `summary.csv` rows that the sweep's outputs read (computed once for
    ///   all of a run's outputs).
    func value(of result: ScenarioRunResult, summary rows: [RunResultsWriter.SummaryRow]) throws(SweepError) -> Double {
        switch source {
        case .summary(let metric):
            guard let value = rows.first(where: { $0.metric == metric })?.value else {
                let available = RunResultsWriter.summaryRows(result).filter { $0.value != nil }.map(\.metric)
                throw .unknownSummaryRow(output: name, metric: metric, available: available)
            }
            return value
        case .aggregate(let metricName, let cells, let statistic):
            guard let metric = result.cellMetrics.first(where: { $0.name == metricName }) else {
                throw .unknownMetric(output: name, metric: metricName, available: result.cellMetrics.map(\.name))
            }
            return Self.aggregate(metric, cells: cells, statistic: statistic)
        }
    }

    /// Sums over the cells in index order, period after period, as the rows of `cells.csv` add up.
    static func aggregate(_ metric: RunMetric, cells: [Int], statistic: SweepStatistic) -> Double {
        func total(_ values: [Double]) -> Double { cells.reduce(0) { $0 + values[$1] } }
        func difference(_ period: Int) -> Double {
            cells.reduce(0) { $0 + (metric.scenario[period][$1] - metric.baseline[period][$1]) }
        }
        let periods = metric.scenario.indices
        guard let last = periods.last else { return 0 }
        switch statistic {
        case .cumulative_difference: return periods.reduce(0) { $0 + difference($1) }
        case .cumulative_loss: return -periods.reduce(0) { $0 + difference($1) }
        case .cumulative_loss_percent:
            let baseline = periods.reduce(0) { $0 + total(metric.baseline[$1]) }
            return baseline == 0 ? 0 : -100 * periods.reduce(0) { $0 + difference($1) } / baseline
        case .final_scenario: return total(metric.scenario[last])
        case .final_difference: return difference(last)
        }
    }
}
