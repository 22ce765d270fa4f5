import Foundation

/// The parameters of one ARIO scenario (docs/ario.md, "Parameters"). Each default is BoARIO
/// 0.7.2's (`ARIOPsiModel.__init__`); the BoARIO name is given beside each field.
public struct ARIOParameters: Sendable, Equatable {
    /// How an industry's order of a product is shared among the regions that supply it (A20).
    public enum OrderType: String, Sendable, Equatable, CaseIterable {
        /// Shares of the initial purchases weighted by each supplier's capacity over its initial output.
        case alt
        /// Shares of the initial purchases.
        case noalt
    }

    /// How long the inventory of one product lasts at the initial rate of use (A4).
    public enum InventoryDuration: Sendable, Equatable {
        case days(Double)
        /// Never constrains production and is never reordered (BoARIO's `infinite_inventories_sect`).
        case infinite
    }

    /// `order_type`.
    public var orderType: OrderType
    /// `alpha_base`: overproduction at the start and the level it returns to (A9).
    public var alphaBase: Double
    /// `alpha_max`: the level overproduction rises towards while demand exceeds production (A9).
    public var alphaMax: Double
    /// `alpha_tau`, days: characteristic time of overproduction (A9).
    public var alphaTau: Int
    /// `rebuild_tau`, days: characteristic time of rebuilding, for events that give none (A7).
    public var rebuildTau: Int
    /// `main_inv_dur`, days: the inventory of every product not in `inventories` (A4).
    public var inventoryDays: Double
    /// `psi_param`: the share of the target inventory below which production is constrained (A12).
    public var psi: Double
    /// `inventory_restoration_tau`, days: characteristic time of restocking (A19).
    public var inventoryRestorationTau: Int
    /// `inventory_dict` and `infinite_inventories_sect`: inventory by product (a sector index).
    public var inventories: [Int: InventoryDuration]
    /// Inventories of imported inputs by imported product (an index of the economy's imported
    /// products); a product not listed keeps the domestic product of the same index's (A27).
    public var importInventories: [Int: InventoryDuration]
    /// `productive_capital_to_VA_dict`: capital over value added by sector; 4 for a sector not listed (A2).
    public var capitalToValueAdded: [Int: Double]
    /// `monetary_factor`: currency units per money unit of the table. BoARIO rounds remaining capital
    /// damages and rebuilding demand to int(log10(factor)) + 1 decimals of the money unit (A15, A16).
    public var monetaryFactor: Int

    /// BoARIO's capital-to-value-added ratio for a sector not in `capitalToValueAdded`.
    public static let defaultCapitalToValueAdded = 4.0

    public init(
        orderType: OrderType = .alt, alphaBase: Double = 1, alphaMax: Double = 1.25, alphaTau: Int = 365,
        rebuildTau: Int = 60, inventoryDays: Double = 90, psi: Double = 0.8, inventoryRestorationTau: Int = 60,
        inventories: [Int: InventoryDuration] = [:], importInventories: [Int: InventoryDuration] = [:],
        capitalToValueAdded: [Int: Double] = [:],
        monetaryFactor: Int = 1_000_000
    ) {
        self.orderType = orderType
        self.alphaBase = alphaBase
        self.alphaMax = alphaMax
        self.alphaTau = alphaTau
        self.rebuildTau = rebuildTau
        self.inventoryDays = inventoryDays
        self.psi = psi
        self.inventoryRestorationTau = inventoryRestorationTau
        self.inventories = inventories
        self.importInventories = importInventories
        self.capitalToValueAdded = capitalToValueAdded
        self.monetaryFactor = monetaryFactor
    }

    /// Decimals BoARIO keeps of remaining capital damages and rebuilding demand (simulation.py,
    /// `EventTracker.recover` and `receive_indus_rebuilding`: int(log10(event_monetary_factor)) + 1).
    var damageDecimals: Int { Int(log10(Double(monetaryFactor))) + 1 }
}
