import Foundation
import ShockFlowLinearAlgebra

/// The multiplicative-weights flow of investment weights for one scenario column:
/// scores from what the period revealed (21), the replicator step (22), and the pull
/// toward W(0) projected onto the capped simplex (23).
enum InvestmentWeights {
    /// W(t+1) from W(t) and period t's rationing result, for column `column` of `weights` (in place).
    /// - Parameter substituteCells: the cells of each of `substitutes`, in the same order.
    static func step(
        _ weights: inout Matrix, column: Int, setup: ScenarioColumn, result: RationingResult, availability: Matrix,
        substitutes: [ImportSubstitute], substituteCells: [[Int]], sectorCount: Int
    ) {
        let n = weights.rows
        // MODEL (21): σᶜ_s = Σ_r max(0, d − c) / Σ_r d over the cells of sector s.
        var shortage = [Double](repeating: 0, count: sectorCount)
        var orders = [Double](repeating: 0, count: sectorCount)
        // σᵐ_i = θ_p·σᵐ_p − θ̂_p on the substitute cells of p: substitution blocked by their capacity.
        var substitutionScore = [Double](repeating: 0, count: n)
        for (substitute, substituted) in zip(substitutes, substituteCells) {
            let product = substitute.product
            let blocked = setup.substitutability[product] * (1 - availability[product, column]) - result.substitutionShare[product, column]
            for cell in substituted { substitutionScore[cell] += blocked }
        }
        var replicated = [Double](repeating: 0, count: n)
        result.ordered.withColumn(column) { ordered in
            result.capacity.withColumn(column) { capacity in
                var cell = 0
                while cell < n {
                    for sector in 0..<sectorCount {
                        let (d, c) = (ordered[cell + sector], capacity[cell + sector])
                        shortage[sector] += max(0, d - c)
                        orders[sector] += d
                    }
                    cell += sectorCount
                }
                let sectorScore = (0..<sectorCount).map { orders[$0] > 0 ? shortage[$0] / orders[$0] : 0 }
                // Scores into `replicated`, then (22) in place.
                var highest = -Double.infinity
                cell = 0
                while cell < n {
                    for sector in 0..<sectorCount {
                        let i = cell + sector
                        let (d, c) = (ordered[i], capacity[i])
                        // u_i = max(0, 1 − (1 + ε_i)·min(d_i, c_i)/c_i): idleness for lack of demand (0 without capacity).
                        let idleness = c > 0 ? max(0, 1 - (1 + setup.headroom[i]) * min(d, c) / c) : 0
                        let score =
                            setup.shortageWeight * (sectorScore[sector] + substitutionScore[i]) * setup.strategic[i]
                            - setup.idlenessWeight * idleness
                        replicated[i] = score
                        highest = max(highest, score)
                    }
                    cell += sectorCount
                }
                // MODEL (22): W̃_i ∝ W_i·exp(η·(score_i − max score)).
                weights.withColumn(column) { current in
                    for i in 0..<n { replicated[i] = current[i] * exp(setup.learningRate * (replicated[i] - highest)) }
                }
            }
        }
        let total = replicated.reduce(0, +)
        // MODEL (23): project (1 − λ)·W̃ + λ·W(0) onto the capped simplex.
        for i in 0..<n {
            replicated[i] = (1 - setup.anchor) * replicated[i] / total + setup.anchor * setup.baseWeights[i]
        }
        replicated.withUnsafeBufferPointer { values in
            setup.caps.withUnsafeBufferPointer { caps in
                weights.withMutableColumn(column) { setup.projection.project(values, caps: caps, into: $0) }
            }
        }
    }
}
