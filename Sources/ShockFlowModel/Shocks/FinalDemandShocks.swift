/// Export and demand shocks: entries of final demand Y scaled by 1 − s (exports) or 1 + s (demand).
/// The one rule for the dynamic model (MODEL (24), first term) and the static models ((7), (12)).
extension ShockSchedule {
    /// Adds Σ_k h·Y[i, k]·(∏ factors on (i, k) − 1) to `demand[i]` for every entry the shocks touch
    /// (entries in column-major order, so the sums do not depend on the order shocks were written in).
    func addFinalDemandChange(factors: [Double], to demand: inout [Double]) {
        for entry in finalDemandEntries {
            demand[entry.cell] += entry.periodFlow * (combined(entry.shocks, factors) - 1)
        }
    }

    /// Sets the cells that shocks touch back to `base` after `addFinalDemandChange`.
    func resetFinalDemand(_ demand: inout [Double], to base: [Double]) {
        for entry in finalDemandEntries { demand[entry.cell] = base[entry.cell] }
    }

    /// The entries grouped by the shocks that scale them, so that y = y_base + Σ_g (∏ factors − 1)·v_g
    /// (MODEL (24), first term): per group its shocks and v_g, the flows h·Y[i, k] of its entries summed
    /// by cell (in column-major entry order), cells ascending. Groups in the order of their first entry.
    func finalDemandPatterns() -> [(shocks: [Int], pattern: OrdersCombination.Pattern)] {
        var flows: [[Int]: [Int: Double]] = [:]
        var groups: [[Int]] = []
        for entry in finalDemandEntries {
            if flows[entry.shocks] == nil { groups.append(entry.shocks) }
            flows[entry.shocks, default: [:]][entry.cell, default: 0] += entry.periodFlow
        }
        return groups.map { shocks in
            let cells = (flows[shocks] ?? [:]).sorted { $0.key < $1.key }
            return (shocks, OrdersCombination.Pattern(cells: cells.map(\.key), flows: cells.map(\.value)))
        }
    }

    /// Δy (n) of the export and demand shocks at `factors` (MODEL (7): the Leontief model's demand
    /// change; per-period flows when the schedule was built with a period length h).
    public func finalDemandChange(factors: [Double], cellCount: Int) -> [Double] {
        var change = [Double](repeating: 0, count: cellCount)
        addFinalDemandChange(factors: factors, to: &change)
        return change
    }

    /// c*_i = −Δy_i / x_i: the demand lost as a share of output (MODEL (12)); 0 where x_i = 0.
    public static func demandPerturbation(change: [Double], output: [Double]) -> [Double] {
        zip(change, output).map { $1 == 0 ? 0 : -$0 / $1 }
    }
}
