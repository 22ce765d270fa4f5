/// The tables of a `shockflow run` folder that `shockflow compare` reads (docs/results-format.md),
/// with the columns that key their rows.
public enum ResultsLevel: String, CaseIterable, Sendable {
    case cells, regions, sectors, products, summary
    /// `prices.csv` and `price_indices.csv` (docs/prices.md): runs made before prices existed lack them.
    case prices
    case priceIndices = "price_indices"

    public var fileName: String { rawValue + ".csv" }

    var hasPeriod: Bool { self != .summary }

    /// The key's label columns between the period and the metric.
    var labelColumns: [String] {
        switch self {
        case .cells: ["region", "sector"]
        case .regions: ["region"]
        case .sectors: ["sector"]
        case .products: ["product"]
        case .summary: []
        case .prices: ["region", "sector"]
        case .priceIndices: ["region"]
        }
    }

    /// The column that names a row's metric; nil in `prices.csv`, whose one metric is `price`.
    var metricColumn: String? {
        switch self {
        case .prices: nil
        case .priceIndices: "index"
        default: "metric"
        }
    }

    /// The metric of a table without a metric column.
    static let implicitMetric = "price"

    /// The columns that key a row, without the metric: what a compared row's `key` holds.
    public var keyColumns: [String] { (hasPeriod ? ["period"] : []) + labelColumns }

    var valueColumns: [String] {
        switch self {
        case .summary: ["value", "unit", "detail"]
        case .prices: ["price_baseline", "price_scenario", "difference", "relative"]
        default: ["baseline", "scenario", "difference", "relative"]
        }
    }

    /// The value columns that hold numbers.
    var numberColumns: [String] { self == .summary ? ["value"] : valueColumns }

    /// The header `shockflow run` writes.
    var header: [String] { keyColumns + (metricColumn.map { [$0] } ?? []) + valueColumns }

    /// The table whose key columns a header has; nil when it has none of their combinations.
    static func recognizing(_ names: [String]) -> ResultsLevel? {
        let columns = Set(names)
        if columns.isSuperset(of: Self.prices.header) { return .prices }
        if columns.isSuperset(of: Self.priceIndices.header) { return .priceIndices }
        guard columns.contains("metric") else { return nil }
        if !columns.contains("period") { return columns.contains("value") ? .summary : nil }
        if columns.contains("product") { return .products }
        switch (columns.contains("region"), columns.contains("sector")) {
        case (true, true): return .cells
        case (true, false): return .regions
        case (false, true): return .sectors
        case (false, false): return nil
        }
    }

    /// Metrics that are shares or ratios rather than flows: averaged, not summed, over periods.
    static let shareMetrics: Set<String> = ["rationing", "investment_weight", "substitution_share", "inoperability"]

    /// The unit of a metric's values in this table (summary rows carry their own).
    func unit(ofMetric metric: String, moneyUnit: String?) -> String? {
        if self == .prices || self == .priceIndices { return "price relative to the base year (1)" }
        return Self.shareMetrics.contains(metric) ? "share" : moneyUnit
    }
}

/// Which of a table's value columns is compared (summary.csv has one, `value`).
public enum ComparedColumn: String, CaseIterable, Sendable {
    case scenario, baseline, difference

    func name(in level: ResultsLevel) -> String {
        switch level {
        case .summary: "value"
        case .prices where self != .difference: "price_" + rawValue
        default: rawValue
        }
    }
}

/// Which periods are compared: each period's rows, one period's, or per key the sum over the periods
/// (the mean for shares).
public enum PeriodSelection: Sendable, Equatable {
    case each
    case only(Int)
    case cumulative
}
