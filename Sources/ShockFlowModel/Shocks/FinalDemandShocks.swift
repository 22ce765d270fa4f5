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
