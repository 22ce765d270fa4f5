import ShockFlowFormats
import ShockFlowModel

/// The change of final demand Δy (n, annual) that a scenario's demand and export shocks make at
/// given strengths: entry (i, k) of Y is scaled by the product of its shocks' factors, 1 + s for a
/// demand shock and 1 − s for an export shock (MODEL section 4, shocks table), and Δy_i sums the
/// changes over the columns k. Used by the static and inoperability models.
enum FinalDemandShocks {
    /// - Parameter strength: s of each shock (share · magnitude, times its profile in a period).
    static func change(
        _ scenario: ResolvedScenario, economy: Economy, strength: (ResolvedShock) -> Double
    ) -> [Double] {
        let (n, columns) = (economy.cellCount, economy.finalDemandColumns.count)
        // Entry i + k·n: the product of the factors of the shocks on (i, k), and whether any shock touches it.
        var factors = [Double](repeating: 1, count: n * columns)
        var touched = [Bool](repeating: false, count: n * columns)
        for shock in scenario.shocks {
            let cells: [Int]
            let demandColumns: [Int]
            let factor: Double
            switch shock.target {
            case .demand(let targets, let categories):
                (cells, factor) = (targets, 1 + strength(shock))
                demandColumns = EconomyModelInputs.finalDemandColumns(of: economy, categories: categories)
            case .exports(let targets, let category):
                (cells, factor) = (targets, 1 - strength(shock))
                demandColumns = EconomyModelInputs.finalDemandColumns(of: economy, categories: [category])
            case .capacity, .imports, .investment:
                continue
            }
            for column in demandColumns where column < columns {
                for cell in Set(cells) {
                    factors[cell + column * n] *= factor
                    touched[cell + column * n] = true
                }
            }
        }
        // Column by column, cells in order: the same sums whatever order the shocks were written in.
        var change = [Double](repeating: 0, count: n)
        for key in touched.indices where touched[key] {
            change[key % n] += economy.finalDemand.elements[key] * (factors[key] - 1)
        }
        return change
    }

    /// c*_i = −Δy_i / x_i: the demand lost as a share of output (MODEL (12)); 0 where x_i = 0.
    static func perturbation(change: [Double], output: [Double]) -> [Double] {
        zip(change, output).map { $1 == 0 ? 0 : -$0 / $1 }
    }
}
