/// What kind of quantity a metric of a results table is, for the report's units and period totals.
public enum ResultsMetric {
    /// Shares and ratios (rationing, weights, inoperability): averaged over periods, not summed.
    public static func isShare(_ metric: String) -> Bool { ResultsLevel.shareMetrics.contains(metric) }
}
