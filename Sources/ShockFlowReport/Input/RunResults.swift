import Foundation
import ShockFlowEngine

/// What the report shows of a `shockflow run` folder (docs/results-format.md), read from its files.
struct RunResults: Sendable {
    let folder: String
    let manifest: ReportManifest
    let summary: SummaryTable
    /// The metric of the map and rankings, and whether it is a share (averaged over periods).
    let metric: String
    let metricIsShare: Bool
    /// Money of flows: the unit of summary.csv and, when the manifest records it, the currency.
    let money: MoneyText
    /// The names of regions and sectors (from the manifest, else what summary.csv names).
    let names: EconomyNames
    /// The length of a period (from the manifest's horizon).
    let period: PeriodUnit
    let regions: TidyTable
    let sectors: TidyTable
    let cells: TidyTable
    /// Nil for the static models, which write no weights.csv.
    let weights: WeightShares?
    /// plan.csv: nil for the static models and for runs without plan tilts.
    let plan: PlanTilts?
    /// The scenario file's description when the file is unchanged since the run.
    let scenarioDescription: String?
    /// Nil for a run made before prices and for one whose prices do not change.
    let prices: PriceResults?

    /// The metrics of the national and provincial time series.
    static let seriesMetrics = ["output", "value_added"]

    /// Reads the folder; `metric` nil means the summary's headline metric.
    init(folder: String, manifest: ReportManifest, metric requested: String?) throws {
        self.folder = folder
        self.manifest = manifest
        func file(_ name: String, _ needed: String) throws -> String {
            let path = folder + "/" + name
            guard FileManager.default.fileExists(atPath: path) else { throw ReportError.missingFile(path: path, needed: needed) }
            return path
        }
        let summaryPath = try file("summary.csv", "the headline figures and the money unit")
        let regionsPath = try file("regions.csv", "the map and the time series")
        let sectorsPath = try file("sectors.csv", "the ranking of sectors")
        let cellsPath = try file("cells.csv", "the ranking of cells")
        let isDynamic = (manifest.parameters["model"] ?? "dynamic") == "dynamic"
        let weightsPath = isDynamic ? try file("weights.csv", "the investment-weight flow of the dynamic model") : nil
        summary = try SummaryTable(path: summaryPath)
        let metric = requested ?? summary.headlineMetric ?? "output"
        self.metric = metric
        metricIsShare = ResultsMetric.isShare(metric)
        money = MoneyText(
            unit: summary.moneyUnit ?? manifest.root["economy_metadata"]?["money_unit"]?.string ?? "money units",
            format: manifest.moneyFormat)
        names = EconomyNames(manifest: manifest, summary: summary)
        period = PeriodUnit(parameters: manifest.parameters)
        let periods = ResultsTableCompleteness.tablePeriods(
            model: manifest.parameters["model"],
            horizonPeriods: (manifest.parameters["results.periods"] ?? manifest.parameters["horizon.periods"]).flatMap { Int($0) })
        regions = try TidyTable(
            path: regionsPath, keyColumns: ["region"], wanted: Set(Self.seriesMetrics + [metric]), expectedPeriods: periods)
        guard regions.series[metric] != nil else {
            throw ReportError.unknownMetric(metric, path: regionsPath, available: regions.metrics)
        }
        sectors = try TidyTable(path: sectorsPath, keyColumns: ["sector"], wanted: [metric], expectedPeriods: periods)
        // With prices, also the output: the weights of the sectors' price changes.
        let hasPrices = PriceResults.present(folder: folder)
        cells = try TidyTable(
            path: cellsPath, keyColumns: ["region", "sector"], wanted: Set([metric] + (hasPrices ? ["output"] : [])), expectedPeriods: periods)
        prices = hasPrices ? try PriceResults.read(folder: folder, expectedPeriods: periods, output: cells) : nil
        weights = try weightsPath.map { try WeightShares(path: $0, expectedPeriods: periods) }
        let planPath = folder + "/plan.csv"
        plan = isDynamic && FileManager.default.fileExists(atPath: planPath) ? try PlanTilts(path: planPath) : nil
        let scenarioFile = manifest.parameters["scenario.file"]
        let recorded = manifest.inputs.first { $0.path == scenarioFile }
        scenarioDescription = recorded.flatMap { ScenarioDescription.read(scenarioAt: $0.path, expectedSHA256: $0.sha256) }
    }

    /// The unit of the chosen metric's values in a chart whose largest magnitude is `largest`.
    func metricUnit(largest: Double) -> ChartUnit { metricIsShare ? .share : .money(money, largest: largest) }

    var periodCount: Int { regions.periodCount }

    /// Each key's cumulative difference of the chosen metric in `table`, in the table's key order.
    func cumulativeDifferences(in table: TidyTable) -> [(key: String, difference: Double, baseline: Double)] {
        let series = table.series[metric] ?? [:]
        return table.keys.compactMap { key in
            series[key].map { (key, $0.cumulativeDifference(isShare: metricIsShare), $0.cumulativeBaseline(isShare: metricIsShare)) }
        }
    }
}
