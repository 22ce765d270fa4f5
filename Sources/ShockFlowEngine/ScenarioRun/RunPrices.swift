import ShockFlowModel

/// The prices of a run (docs/prices.md), per period, in the scenario and in its baseline.
public struct RunPrices: Sendable {
    /// p = 1 + Δp by period and cell (`prices.csv`).
    public var cells: RunMetric
    /// One per index (`cpi`, `ppi`, `gfcf_deflator`): 1 + ΔP by period, one value per region then, when
    /// the economy has more than one region, the nation's (`price_indices.csv`).
    public var indices: [RunMetric]

    /// The code of the nation's rows in `price_indices.csv`.
    public static let nationCode = "CN"
}
