import ShockFlowFormats
import ShockFlowModel

/// One quantity of a run, per period and per cell (or per imported product), in the scenario and in
/// its baseline: `baseline[t][i]`, `scenario[t][i]`.
public struct RunMetric: Sendable {
    /// The name written in the `metric` column (`output`, `rationing`, …).
    public var name: String
    public var baseline: [[Double]]
    public var scenario: [[Double]]
    /// How regions and sectors aggregate it: nil to sum; otherwise the mean weighted by these
    /// per-period weights (orders for the rationing share, base output for inoperability).
    public var aggregationWeights: (baseline: [[Double]], scenario: [[Double]])?

    public init(
        name: String, baseline: [[Double]], scenario: [[Double]],
        aggregationWeights: (baseline: [[Double]], scenario: [[Double]])? = nil
    ) {
        self.name = name
        self.baseline = baseline
        self.scenario = scenario
        self.aggregationWeights = aggregationWeights
    }
}

/// Iterations per period, in the scenario and in its baseline.
public struct RunIterations: Sendable, Equatable, Encodable {
    /// Sweeps of the rationing fixed point (15)–(17).
    public var scenarioRationing: [Int] = []
    public var baselineRationing: [Int] = []
    /// Steps of the substitution cap loop for θ̂ (0 where nothing was substituted).
    public var scenarioSubstitution: [Int] = []
    public var baselineSubstitution: [Int] = []
}

/// Everything a scenario run produced, ready to be written (docs/results-format.md).
public struct ScenarioRunResult: Sendable {
    public var scenario: ResolvedScenario
    /// The economy's labels and money unit name the rows.
    public var economy: Economy
    /// Rows of `cells.csv`, `regions.csv` and `sectors.csv`, in this order within a cell.
    public var cellMetrics: [RunMetric]
    /// Rows of `products.csv` (dynamic model only; empty otherwise).
    public var productMetrics: [RunMetric]
    /// W(t) for `weights.csv` (dynamic model only).
    public var investmentWeights: RunMetric?
    /// The cell metric the summary's losses are measured in: `value_added` where the model gives it, else `output`.
    public var headlineMetric: String
    /// The dynamic model's iteration counts (nil for the other models).
    public var iterations: RunIterations?
    /// What a reader of the results must know about the model (written as `note` rows of the summary).
    public var notes: [String]
    /// Prices and price indices (`prices.csv`, `price_indices.csv`); nil for the extraction model and for a
    /// sweep's runs when no output reads a price row.
    public var prices: RunPrices?
    /// The ario model's national totals of every metric, one value a day (`national.csv`); empty for the other models.
    public var nationalDaily: [RunMetric] = []

    /// T: the number of periods written (1 for the static models, whose single period is 0).
    public var periodCount: Int { cellMetrics.first?.baseline.count ?? 0 }
}
