/// One shock of a scenario (MODEL section 4, shocks table): what it hits, how hard, and its
/// time profile. Pure data; `magnitude·share·profile(t)` is the strength in period t.
public struct Shock: Sendable, Equatable {
    /// What the shock acts on. Cells are region-major indices; final-demand columns index Y.
    public enum Kind: Sendable, Equatable {
        /// s_i(t) in (18): a share of the cells' capacity lost.
        case capacity(cells: [Int])
        /// φ_p(t) = 1 − share·magnitude·profile(t) for the imported products.
        case imports(products: [Int])
        /// The cells' sales to the given export columns of Y scaled by 1 − share·magnitude·profile(t).
        case exports(cells: [Int], finalDemandColumns: [Int])
        /// The cells' sales to the given columns of Y (all columns when empty) scaled by
        /// 1 + share·magnitude·profile(t); a negative magnitude is a fall.
        case demand(cells: [Int], finalDemandColumns: [Int])
        /// The investment budget B(t) scaled by 1 + share·magnitude·profile(t).
        case investmentBudget
    }

    public var id: String
    public var kind: Kind
    /// In [0, 1] for capacity, import and export shocks; ≥ −1 for demand and budget shocks.
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

    /// The multiplicative factor the shock applies in `period` (capacity 1 − s, φ, export, demand or budget factor).
    func factor(at period: Int) -> Double {
        let strength = share * magnitude * profile.value(at: period)
        switch kind {
        case .capacity, .imports, .exports: return 1 - strength
        case .demand, .investmentBudget: return 1 + strength
        }
    }
}
