/// The tables of a `shockflow run` folder that `shockflow compare` reads (docs/results-format.md),
/// with the columns that key their rows.
public enum ResultsLevel: String, CaseIterable, Sendable {
    case cells, regions, sectors, products, summary

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
        }
    }

    /// The columns that key a row, without the metric: what a compared row's `key` holds.
    public var keyColumns: [String] { (hasPeriod ? ["period"] : []) + labelColumns }

    var valueColumns: [String] {
        self == .summary ? ["value", "unit", "detail"] : ["baseline", "scenario", "difference", "relative"]
    }

    /// The value columns that hold numbers.
    var numberColumns: [String] { self == .summary ? ["value"] : valueColumns }

    /// The header `shockflow run` writes.
    var header: [String] { keyColumns + ["metric"] + valueColumns }

    /// The table whose key columns a header has; nil when it has none of their combinations.
    static func recognizing(_ names: [String]) -> ResultsLevel? {
        let columns = Set(names)
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
        Self.shareMetrics.contains(metric) ? "share" : moneyUnit
    }
}

/// Which of a table's value columns is compared (summary.csv has one, `value`).
public enum ComparedColumn: String, CaseIterable, Sendable {
    case scenario, baseline, difference

    func name(in level: ResultsLevel) -> String { level == .summary ? "value" : rawValue }
}

/// Which periods are compared: each period's rows, one period's, or per key the sum over the periods
/// (the mean for shares).
public enum PeriodSelection: Sendable, Equatable {
    case each
    case only(Int)
    case cumulative
}
