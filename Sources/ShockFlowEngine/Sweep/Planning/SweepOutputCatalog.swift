import ShockFlowFormats
import ShockFlowModel

/// What the runs of a model write that a sweep output can read — the rows of `summary.csv` with a value
/// (the price rows too: a sweep computes prices for the runs when an output reads them) and the metrics of `cells.csv` (docs/results-format.md) — known before anything runs, so that planning
/// refuses an output no run can give. `SweepOutputCatalogTests` checks it against real runs of every model.
struct SweepOutputCatalog {
    let modelName: String
    let cellMetrics: [String]
    /// Rows a run may have; the ranked rows (`worst_region_3`, `weight_increase_2`) exist when there are
    /// that many regions, sectors or cells (with a change of that sign, for the weights).
    let summaryRows: [String]

    init(model: ScenarioModel, economy: Economy) {
        modelName = model.name
        let headline: String
        (cellMetrics, headline) = StaticScenarioRun.outputs(of: model)
        let ranked = RunResultsWriter.rankedCount
        var rows = ["cumulative_\(headline)_loss", "cumulative_\(headline)_loss_percent", "peak_\(headline)_loss_percent",
                    "peak_\(headline)_loss_period"]
        rows += (0..<min(ranked, economy.regionCount)).map { "worst_region_\($0 + 1)" }
        rows += (0..<min(ranked, economy.sectorCount)).map { "worst_sector_\($0 + 1)" }
        if model == .dynamic {
            rows += ["total_import_shortfall", "total_substituted"]
            rows += (0..<min(ranked, economy.cellCount)).map { "weight_increase_\($0 + 1)" }
            rows += (0..<min(ranked, economy.cellCount)).map { "weight_decrease_\($0 + 1)" }
            rows += ["max_rationing_iterations", "max_substitution_iterations"]
        }
        if let settings = model.arioSettings, settings.metrics.contains(.importShortfall) { rows += ["total_import_shortfall"] }
        switch model {
        case .extraction, .ario: break  // no prices
        default: rows += RunResultsWriter.priceRowNames(economy)
        }
        summaryRows = rows
    }
}
