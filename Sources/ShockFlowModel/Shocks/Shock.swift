/// One shock of a scenario (MODEL section 4, shocks table): what it hits, how hard, and its time
/// profile. The scenario reader resolves a file's shock to this type, and every model applies it
/// through `ShockSchedule` (one file per kind in this folder says where each kind acts).
/// `share · magnitude · profile(t)` is the shock's strength in period t.
public struct Shock: Sendable, Equatable {
    /// What the shock acts on. Cells are region-major indices i = r·S + s; final-demand columns index Y.
    public enum Kind: Sendable, Equatable {
        /// s_i(t) in (18): a share of the cells' capacity lost (`CapacityShocks.swift`).
        case capacity(cells: [Int])
        /// φ_p(t) = 1 − share·magnitude·profile(t) for the imported products (`ImportShocks.swift`).
        case imports(products: [Int])
        /// The cells' sales to the given export columns of Y scaled by 1 − share·magnitude·profile(t)
        /// (`FinalDemandShocks.swift`).
        case exports(cells: [Int], finalDemandColumns: [Int])
        /// The cells' sales to the given columns of Y (all columns when empty) scaled by
        /// 1 + share·magnitude·profile(t); a negative magnitude is a fall (`FinalDemandShocks.swift`).
        case demand(cells: [Int], finalDemandColumns: [Int])
        /// The investment budget B(t) scaled by 1 + share·magnitude·profile(t) (`InvestmentBudgetShocks.swift`).
        case investmentBudget
        /// The import price of the products as used in the regions (every region when empty) scaled by
        /// 1 + share·magnitude·profile(t) (`ImportPriceShocks.swift`, docs/prices.md).
        case importPrice(products: [Int], regions: [Int])
        /// The unit cost of the cells' primary inputs scaled by 1 + share·magnitude·profile(t): the value-added
        /// components `components` (indices into `PriceStructure.componentNames`; all of value added when
        /// empty) (`CostShocks.swift`, docs/prices.md).
        case cost(cells: [Int], components: [Int])
    }

    public var id: String
    public var kind: Kind
    /// In [0, 1] for capacity, import and export shocks; ≥ −1 for demand, budget and price shocks.
    public var magnitude: Double
    /// The part of the target the shock touches (e.g. chips: 0.78 of product 20's imports).
    public var share: Double
    public var profile: ShockProfile

    public init(id: String, kind: Kind, magnitude: Double, share: Double = 1, profile: ShockProfile) {
        self.id = id
        self.kind = kind
        self.magnitude = magnitude
        self.share = share
        self.profile = profile
    }

    /// share · magnitude: the strength at a profile value of 1, with which the static models apply the shock.
    public var fullStrength: Double { share * magnitude }

    /// The multiplicative factor the shock applies at `strength`: 1 − strength for what it removes
    /// (capacity, imports, exports), 1 + strength for what it scales (demand, the budget, prices).
    func factor(strength: Double) -> Double {
        switch kind {
        case .capacity, .imports, .exports: return 1 - strength
        case .demand, .investmentBudget, .importPrice, .cost: return 1 + strength
        }
    }
}
