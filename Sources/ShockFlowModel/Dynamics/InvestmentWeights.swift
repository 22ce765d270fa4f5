import Foundation
import ShockFlowLinearAlgebra

/// The multiplicative-weights flow of investment weights for one scenario column:
/// scores from what the period revealed (21), the replicator step (22), and the pull
/// toward W(0) projected onto the capped simplex (23).
enum InvestmentWeights {
    /// W(t+1) from W(t) and period t's rationing result in `column`.
    static func next(
        _ weights: [Double], column: Int, setup: ScenarioColumn, result: RationingResult, availability: Matrix,
        substitutes: [ImportSubstitute], sectorCount: Int
    ) -> [Double] {
        let n = weights.count
        let (ordered, capacity, shares) = (result.ordered, result.capacity, result.substitutionShare)
        // MODEL (21): σᶜ_s = Σ_r max(0, d − c) / Σ_r d over the cells of sector s.
        var shortage = [Double](repeating: 0, count: sectorCount)
        var orders = [Double](repeating: 0, count: sectorCount)
        for i in 0..<n {
            let (d, c) = (ordered[i, column], capacity[i, column])
            shortage[i % sectorCount] += max(0, d - c)
            orders[i % sectorCount] += d
        }
        let sectorScore = (0..<sectorCount).map { orders[$0] > 0 ? shortage[$0] / orders[$0] : 0 }
        // σᵐ_i = θ_p·σᵐ_p − θ̂_p on the substitute cells of p: substitution blocked by their capacity.
        var substitutionScore = [Double](repeating: 0, count: n)
        for substitute in substitutes {
            let product = substitute.product
            let blocked = setup.substitutability[product] * (1 - availability[product, column]) - shares[product, column]
            for cell in substitute.cells(regionCount: n / sectorCount, sectorCount: sectorCount) {
                substitutionScore[cell] += blocked
            }
        }
        var scores = [Double](repeating: 0, count: n)
        var highest = -Double.infinity
        for i in 0..<n {
            let (d, c) = (ordered[i, column], capacity[i, column])
            // u_i = max(0, 1 − (1 + ε_i)·min(d_i, c_i)/c_i): idleness for lack of demand (0 without capacity).
            let idleness = c > 0 ? max(0, 1 - (1 + setup.headroom[i]) * min(d, c) / c) : 0
            scores[i] =
                setup.shortageWeight * (sectorScore[i % sectorCount] + substitutionScore[i]) * setup.strategic[i]
                - setup.idlenessWeight * idleness
            highest = max(highest, scores[i])
        }
        // MODEL (22): W̃_i ∝ W_i·exp(η·(score_i − max score)).
        var replicated = (0..<n).map { weights[$0] * exp(setup.learningRate * (scores[$0] - highest)) }
        let total = replicated.reduce(0, +)
        // MODEL (23): project (1 − λ)·W̃ + λ·W(0) onto the capped simplex.
        for i in 0..<n {
            replicated[i] = (1 - setup.anchor) * replicated[i] / total + setup.anchor * setup.baseWeights[i]
        }
        var next = [Double](repeating: 0, count: n)
        replicated.withUnsafeBufferPointer { values in
            setup.caps.withUnsafeBufferPointer { caps in
                next.withUnsafeMutableBufferPointer { setup.projection.project(values, caps: caps, into: $0) }
            }
        }
        return next
    }
}
