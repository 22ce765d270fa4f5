import ShockFlowFormats
import ShockFlowLinearAlgebra
import ShockFlowModel

/// Runs the ario model (docs/ario.md) for scenarios and their baselines (the same parameters, no
/// shocks) in one lockstep batch, as matrix columns, and collects each one's results in windows
/// of `results.every` days.
enum ARIOScenarioRun {
    static let note =
        "ario (docs/ario.md): BoARIO 0.7.2's ARIOPsiModel day by day, with inventories of the imported inputs an import "
        + "shock cuts; the baseline is the same model without shocks"

    static func run(_ scenario: ResolvedScenario, economy: Economy) throws -> ScenarioRunResult {
        try run([scenario], on: ARIOModel(economy: economy), economy: economy)[0]
    }

    /// For `validate`: an ario scenario's events and parameters against its economy, as `run` checks them
    /// before its first day, each problem at its field of the file. Other models pass.
    static func check(_ scenario: ResolvedScenario, economy: Economy, document: ScenarioDocument) throws(ScenarioError) {
        guard let settings = scenario.model.arioSettings else { return }
        do {
            try ARIOModel(economy: economy).check(
                [ARIOScenario(name: scenario.name, parameters: settings.parameters, events: settings.events, shocks: scenario.shocks)],
                days: scenario.horizon.periods)
        } catch {
            let located = (error as? ARIOError).flatMap(document.problem(for:))
            throw ScenarioError(problems: located.map { [$0] } ?? document.problems(addingEconomyProblem: "the ario model: \(error)"))
        }
    }

    /// Runs scenarios of one economy and one horizon in lockstep; scenarios with equal parameters share one baseline column.
    static func run(_ scenarios: [ResolvedScenario], on model: ARIOModel, economy: Economy) throws -> [ScenarioRunResult] {
        let days = scenarios.first?.horizon.periods ?? 0
        let settings = try scenarios.map { scenario in
            guard let settings = scenario.model.arioSettings, scenario.horizon.periods == days else {
                throw ScenarioRunError.mixedARIOBatch(scenario: scenario.name)
            }
            return settings
        }
        var columns: [ARIOScenario] = []
        var baselineColumn: [Int] = []
        for (scenario, setting) in zip(scenarios, settings) {
            columns.append(ARIOScenario(name: scenario.name, parameters: setting.parameters, events: setting.events, shocks: scenario.shocks))
        }
        for setting in settings {
            if let shared = columns.indices.dropFirst(scenarios.count).first(where: { columns[$0].parameters == setting.parameters }) {
                baselineColumn.append(shared)
            } else {
                baselineColumn.append(columns.count)
                columns.append(ARIOScenario(name: "baseline \(columns.count - scenarios.count + 1)", parameters: setting.parameters))
            }
        }
        let x = economy.grossOutput
        let valueAddedShares = x.indices.map { x[$0] == 0 ? 0 : economy.valueAdded[$0] / x[$0] }
        var recorders = scenarios.indices.map { index in
            ARIOWindowRecorder(
                settings: settings[index], days: days, scenario: index, baseline: baselineColumn[index],
                valueAddedShares: valueAddedShares, baseOutput: model.dailyOutput)
        }
        try model.run(columns, days: days) { record in
            var baselineDays: [Int: ARIOColumnDay] = [:]
            for index in recorders.indices {
                let column = baselineColumn[index]
                let baseline = baselineDays[column] ?? ARIOColumnDay(
                    record, column: column, valueAddedShares: valueAddedShares, baseOutput: model.dailyOutput)
                baselineDays[column] = baseline
                recorders[index].append(record, baseline: baseline)
            }
        }
        return zip(scenarios, recorders).map { scenario, recorder in
            result(scenario, recorder: recorder, economy: economy, baseOutput: model.dailyOutput)
        }
    }

    private static func result(
        _ scenario: ResolvedScenario, recorder: ARIOWindowRecorder, economy: Economy, baseOutput: [Double]
    ) -> ScenarioRunResult {
        var cells: [RunMetric] = [], products: [RunMetric] = []
        for (metric, values) in zip(recorder.written, recorder.windows) {
            var values = values
            if metric == .overproduction {
                // A region's or sector's overproduction is the mean of its cells' weighted by initial output.
                let weights = values.baseline.map { _ in baseOutput }
                values.aggregationWeights = (weights, weights)
            }
            if metric.isProductMetric { products.append(values) } else { cells.append(values) }
        }
        let headline = headlineMetric(recorder.written)
        let window =
            recorder.every == 1
            ? "one row a day" : "rows of \(recorder.every) days: flows summed over the days, capacity, inventories and overproduction on the last"
        return ScenarioRunResult(
            scenario: scenario, economy: economy, cellMetrics: cells, productMetrics: products, investmentWeights: nil,
            headlineMetric: headline, iterations: nil,
            notes: [note, window + "; national.csv: every metric's national total every day"], nationalDaily: recorder.national)
    }

    /// The cell metrics an ario run writes with these settings, in order, and its headline metric (sweep planning).
    static func outputs(_ settings: ARIOSettings) -> (cellMetrics: [String], headline: String) {
        (settings.metrics.filter { !$0.isProductMetric }.map(\.rawValue), headlineMetric(settings.metrics))
    }

    /// The summary's losses are in value added when the run writes it, else in output.
    private static func headlineMetric(_ written: [ARIOResultMetric]) -> String {
        ([ARIOResultMetric.valueAdded, .output].first { written.contains($0) } ?? .valueAdded).rawValue
    }
}
