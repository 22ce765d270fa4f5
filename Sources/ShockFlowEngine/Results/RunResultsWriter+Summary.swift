import Foundation
import ShockFlowFormats
import ShockFlowModel

/// `summary.csv`: metric,value,unit,detail — the headline figures of a run (docs/results-format.md).
extension RunResultsWriter {
    /// How many regions, sectors and cells the ranked rows list.
    static let rankedCount = 5

    static func summaryTable(_ result: ScenarioRunResult) -> ResultsTable {
        var table = ResultsTable(header: ["metric", "value", "unit", "detail"])
        for row in summaryRows(result) {
            table.append([.text(row.metric), .number(row.value), .text(row.unit), .text(row.detail)])
        }
        return table
    }

    /// One row of `summary.csv`; `value` is nil on `note` rows.
    struct SummaryRow {
        var metric: String
        var value: Double?
        var unit: String
        var detail: String
    }

    /// The rows of `summary.csv`, in order (also the headline outputs of a sweep's runs).
    /// - Parameter metrics: when given, only the groups of rows that hold one of these metrics are
    ///   computed (a sweep reads a few rows of every run); the rows computed are those of the full table.
    static func summaryRows(_ result: ScenarioRunResult, only metrics: Set<String>? = nil) -> [SummaryRow] {
        var rows: [SummaryRow] = []
        func row(_ metric: String, _ value: Double?, _ unit: String, _ detail: String = "") {
            rows.append(SummaryRow(metric: metric, value: value, unit: unit, detail: detail))
        }
        func wants(_ prefixes: String...) -> Bool {
            metrics.map { $0.contains { metric in prefixes.contains { metric.hasPrefix($0) } } } ?? true
        }
        let economy = result.economy
        let money = economy.metadata.moneyUnit
        let headline = result.headlineMetric
        let periodWord = result.periodCount == 1 ? "1 period" : "\(result.periodCount) periods"
        if wants("cumulative_\(headline)_loss", "peak_\(headline)_loss", "worst_region_", "worst_sector_"),
            let metric = result.cellMetrics.first(where: { $0.name == headline })
        {
            let losses = HeadlineLosses(metric, economy: economy)
            row(
                "cumulative_\(headline)_loss", losses.cumulative, money,
                "baseline − scenario summed over \(periodWord) and every cell (negative: a gain)")
            row(
                "cumulative_\(headline)_loss_percent", percent(losses.cumulative, of: losses.baselineTotal), "%",
                "of the baseline's \(headline) over \(periodWord)")
            if let peak = losses.peakPeriod {
                row("peak_\(headline)_loss_percent", losses.periodPercent[peak], "%", "in period \(peak)")
                row(
                    "peak_\(headline)_loss_period", Double(peak), "period",
                    "the period with the largest loss in % of its baseline")
            }
            for (grouping, name) in [(Grouping.region, "region"), (.sector, "sector")] where wants("worst_\(name)_") {
                let labels = grouping.labels(economy)
                let ranked = losses.byGroup(grouping)
                for (rank, group) in ranked.order.prefix(rankedCount).enumerated() {
                    let share = rounded(percent(ranked.loss[group], of: ranked.baseline[group]))
                    row(
                        "worst_\(name)_\(rank + 1)", ranked.loss[group], money,
                        "\(describe(labels[group])): cumulative \(headline) loss, "
                            + "\(NumberFormatting.shortest(share)) % of its baseline")
                }
            }
        }
        for (metric, name) in [("import_shortfall", "total_import_shortfall"), ("substituted", "total_substituted")]
        where wants(name) {
            guard let values = result.productMetrics.first(where: { $0.name == metric }) else { continue }
            let total = { (periods: [[Double]]) in periods.reduce(0.0) { $0 + $1.reduce(0, +) } }
            let baseline = NumberFormatting.shortest(total(values.baseline))
            row(
                name, total(values.scenario), money,
                "scenario, summed over \(periodWord) and imported products; baseline: \(baseline)")
        }
        if wants("weight_increase_", "weight_decrease_"), let weights = result.investmentWeights,
            let last = weights.scenario.indices.last
        {
            let shift = zip(weights.scenario[last], weights.baseline[last]).map { $0 - $1 }
            let rising = shift.indices.sorted { shift[$0] > shift[$1] || (shift[$0] == shift[$1] && $0 < $1) }
            let falling = shift.indices.sorted { shift[$0] < shift[$1] || (shift[$0] == shift[$1] && $0 < $1) }
            let detail = { (cell: Int) in
                "\(describe(economy, cell: cell)): W \(NumberFormatting.shortest(weights.baseline[last][cell])) in the baseline, "
                    + "\(NumberFormatting.shortest(weights.scenario[last][cell])) in the scenario, period \(last)"
            }
            for (rank, cell) in rising.filter({ shift[$0] > 0 }).prefix(rankedCount).enumerated() {
                row("weight_increase_\(rank + 1)", shift[cell], "share of the budget", detail(cell))
            }
            for (rank, cell) in falling.filter({ shift[$0] < 0 }).prefix(rankedCount).enumerated() {
                row("weight_decrease_\(rank + 1)", shift[cell], "share of the budget", detail(cell))
            }
        }
        if wants("max_rationing_iterations", "max_substitution_iterations"), let iterations = result.iterations {
            row(
                "max_rationing_iterations", Double((iterations.scenarioRationing + iterations.baselineRationing).max() ?? 0),
                "iterations", "sweeps of the rationing fixed point (15)–(17), most in any period, scenario or baseline")
            row(
                "max_substitution_iterations",
                Double((iterations.scenarioSubstitution + iterations.baselineSubstitution).max() ?? 0), "iterations",
                "steps of the substitution cap loop, most in any period, scenario or baseline")
        }
        rows += priceSummaryRows(result) { prefix in metrics.map { $0.contains { $0.hasPrefix(prefix) } } ?? true }
        for note in result.notes where wants("note") { row("note", nil, "", note) }
        return rows
    }

    private static func percent(_ value: Double, of total: Double) -> Double { total == 0 ? 0 : 100 * value / total }

    /// Six significant digits, for percentages inside text.
    private static func rounded(_ value: Double) -> Double {
        guard value != 0, value.isFinite else { return value }
        let scale = pow(10, 5 - floor(log10(abs(value))))
        return (value * scale).rounded() / scale
    }

    static func describe(_ label: Label) -> String {
        label.name == label.code ? label.code : "\(label.code) (\(label.name))"
    }

    private static func describe(_ economy: Economy, cell: Int) -> String {
        let (region, sector) = economy.cell(cell)
        return "\(economy.regions[region].code)/\(economy.sectors[sector].code)"
    }
}

/// Losses of the headline metric: baseline − scenario, built from the same per-cell differences as the
/// rows of `cells.csv` (so the cumulative loss is exactly minus the sum of that table's differences).
struct HeadlineLosses {
    let metric: RunMetric
    let economy: Economy
    /// −Σ over periods and cells of (scenario − baseline), added period by period in cell order.
    let cumulative: Double
    let baselineTotal: Double
    /// Each period's loss in % of its baseline total.
    let periodPercent: [Double]

    init(_ metric: RunMetric, economy: Economy) {
        self.metric = metric
        self.economy = economy
        var difference = 0.0
        var baselineTotal = 0.0
        var periodPercent: [Double] = []
        for period in metric.baseline.indices {
            var periodDifference = 0.0
            var periodBaseline = 0.0
            for cell in metric.baseline[period].indices {
                let change = metric.scenario[period][cell] - metric.baseline[period][cell]
                difference += change
                periodDifference += change
                periodBaseline += metric.baseline[period][cell]
            }
            baselineTotal += periodBaseline
            periodPercent.append(periodBaseline == 0 ? 0 : -100 * periodDifference / periodBaseline)
        }
        cumulative = 0 - difference  // +0, not −0, when nothing changed
        self.baselineTotal = baselineTotal
        self.periodPercent = periodPercent
    }

    /// The period with the largest loss in %, the first on ties.
    var peakPeriod: Int? {
        periodPercent.indices.max { periodPercent[$0] < periodPercent[$1] || (periodPercent[$0] == periodPercent[$1] && $0 > $1) }
    }

    /// Cumulative loss and baseline per region or sector, and the groups ordered by loss, largest first.
    func byGroup(_ grouping: RunResultsWriter.Grouping) -> (loss: [Double], baseline: [Double], order: [Int]) {
        let count = grouping.labels(economy).count
        var loss = [Double](repeating: 0, count: count)
        var baseline = [Double](repeating: 0, count: count)
        for period in metric.baseline.indices {
            for cell in metric.baseline[period].indices {
                let group = grouping.group(of: cell, economy)
                loss[group] -= metric.scenario[period][cell] - metric.baseline[period][cell]
                baseline[group] += metric.baseline[period][cell]
            }
        }
        let order = loss.indices.sorted { loss[$0] > loss[$1] || (loss[$0] == loss[$1] && $0 < $1) }
        return (loss, baseline, order)
    }
}
