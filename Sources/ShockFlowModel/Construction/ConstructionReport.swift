/// Totals of a table: output, value added, imports and total use (domestic and imported) by
/// final-demand category (the economy's categories: domestic ones, exports, discrepancy).
public struct TableTotals: Sendable, Equatable {
    public var output: Double
    public var valueAdded: Double
    /// Imports from abroad, intermediate and final.
    public var imports: Double
    public var finalUseByCategory: [Double]
}

/// The balancing of one product's inter-regional flows.
public struct TradeBalancingSummary: Sendable, Equatable {
    public var iterations: Int
    public var relativeResidual: Double
}

/// Everything the construction adjusted or measured, with sizes, for a report or a docs table.
public struct ConstructionReport: Sendable, Equatable {
    /// Each region's own table as published.
    public var tableBalances: [SingleRegionBalance]
    public var roundOff: RoundOffCleaning
    public var reExports: ReExportRemoval
    /// nil when the under-reporter fix is off.
    public var underReporting: UnderReportedTrade?
    /// Per product.
    public var tradeTotals: [ProductTradeReconciliation]
    /// Per product.
    public var balancing: [TradeBalancingSummary]
    public var clampedLocalSupply: RoundOffClamp
    /// Per product: the discrepancy column summed over regions (ERR plus the trade reconciliation).
    public var discrepancyByProduct: [Double]
    /// Per product: the tables' own ERR summed over regions.
    public var statisticalDiscrepancyByProduct: [Double]
    /// Σ of all inter-regional flows.
    public var interRegionalTrade: Double
    /// Flow-weighted mean distance (km) of inter-regional trade.
    public var meanTradeDistance: Double
    /// Share of inter-regional trade between capitals less than 1,000 km apart.
    public var tradeShareWithin1000Kilometres: Double
    /// Per region: own output in its domestic-origin intermediate and final use (local / (local + inflows)).
    public var ownSupplyShares: [Double]
    /// Per region: value added in the built table and in the region's own table (its TVA row).
    public var valueAddedByRegion: [Double]
    public var reportedValueAddedByRegion: [Double]
    /// The published tables summed over regions (discrepancy column: their ERR) and the built table.
    public var sourceTotals: TableTotals
    public var builtTotals: TableTotals
}
