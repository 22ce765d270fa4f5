/// One linear term of a scenario's price shocks (docs/prices.md, (P4)): the cost push c of a unit
/// relative price change of some targets, and the shocks whose factors set that change in a period,
/// g(t) = ∏ factors − 1. The targets of a scenario are split so that each has exactly one set of
/// shocks; Δp is linear in c, so a driver is solved once and every period only scales its response.
public struct PriceDriver: Sendable, Equatable {
    /// Indices into the schedule's shocks, in the order written.
    public let shocks: [Int]
    /// c (n): the cost push per unit of each cell's output when the targets' price rises by 1 (100 %).
    public let costPush: [Double]
    /// The imported product it prices, when substitution can scale it by 1 − θ̂_p (a′_m = (1 − θ̂)·a_m);
    /// nil for cost drivers and for import drivers that cover products without a substitute.
    public let substitutedProduct: Int?
    /// The import prices it moves: (imported product, region of use).
    public let importPrices: [ImportPriceTarget]

    /// g(t) = ∏ over `shocks` of their factors − 1: the relative price change of the targets.
    public func relativeChange(factors: [Double]) -> Double {
        shocks.reduce(1.0) { $0 * factors[$1] } - 1
    }
}

/// An imported product as used in one region: the unit an `import_price` shock prices.
public struct ImportPriceTarget: Hashable, Sendable {
    public let product: Int
    public let region: Int
}

/// Groups targets by the list of shocks on them, in the order each list is first met, so that each
/// group becomes one driver (docs/prices.md, (P4)).
struct PriceTargetGroups<Target: Hashable> {
    private(set) var keys: [[Int]] = []
    private(set) var members: [[Target]] = []
    private var index: [[Int]: Int] = [:]

    /// `shocksOn` holds, for every target, the shocks on it in the order written.
    init(_ targets: [Target], shocksOn: [Target: [Int]]) {
        for target in targets {
            guard let shocks = shocksOn[target], !shocks.isEmpty else { continue }
            if let group = index[shocks] {
                members[group].append(target)
            } else {
                index[shocks] = keys.count
                keys.append(shocks)
                members.append([target])
            }
        }
    }
}
