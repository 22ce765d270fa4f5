/// What an ARIO run can write (docs/results-format.md, "ARIO runs"): per cell in `cells.csv`, per
/// imported product in `products.csv`. Flows are summed over each window of `results.every` days;
/// stocks are taken on the window's last day.
public enum ARIOResultMetric: String, CaseIterable, Sendable {
    case output, capacity
    case valueAdded = "value_added"
    case deliveredFinal = "delivered_final"
    case unmetFinal = "unmet_final"
    case demand
    case rebuildDemand = "rebuild_demand"
    case inventory, overproduction
    case importUse = "import_use"
    case importShortfall = "import_shortfall"
    case importInventory = "import_inventory"

    /// A level on a day (capacity, inventories, overproduction), not a flow over the day.
    public var isStock: Bool {
        switch self {
        case .capacity, .inventory, .overproduction, .importInventory: true
        default: false
        }
    }

    /// A row of `products.csv` (by imported product) rather than of `cells.csv`.
    public var isProductMetric: Bool {
        switch self {
        case .importUse, .importShortfall, .importInventory: true
        default: false
        }
    }
}
