/// The proportional-rationing fixed point (15)–(17) for one scenario column, as a Jacobi sweep
/// over sparse critical-input lists. Works in caller-provided buffers: no allocation per cell.
enum RationingFixedPoint {
    struct Outcome {
        var iterations: Int
        var change: Double
        var converged: Bool
    }

    /// Starts from x = min(c, d) and sweeps until ‖x′ − x‖∞ ≤ tolerance·‖x‖∞. The map is
    /// order-preserving and starts above every feasible point, so this is the greatest fixed point.
    /// Cells with d ≤ 0 are not rationed (x = d, ρ = 1).
    /// - Parameter importBound: min(1, min over critical imported products p of ρᵐ_p), per cell.
    static func solve(
        capacity c: UnsafeBufferPointer<Double>, ordered d: UnsafeBufferPointer<Double>,
        importBound: UnsafeBufferPointer<Double>, masks: CriticalInputs, tolerance: Double, maxIterations: Int,
        output x: UnsafeMutableBufferPointer<Double>, ratio rho: UnsafeMutableBufferPointer<Double>
    ) -> Outcome {
        let n = d.count
        for j in 0..<n { x[j] = d[j] > 0 ? min(c[j], d[j]) : d[j] }
        var outcome = Outcome(iterations: 0, change: .infinity, converged: false)
        masks.domesticInputs.withUnsafeBufferPointer { inputs in
            masks.domesticStarts.withUnsafeBufferPointer { starts in
                while outcome.iterations < maxIterations {
                    outcome.iterations += 1
                    var norm = 0.0
                    // MODEL (15): ρ_i = x_i / d_i (1 where d_i ≤ 0).
                    for i in 0..<n {
                        rho[i] = d[i] > 0 ? x[i] / d[i] : 1
                        norm = max(norm, abs(x[i]))
                    }
                    var change = 0.0
                    // MODEL (17): x′_j = min(c_j, d_j·min(ρᵐ bound, min over critical i of ρ_i)).
                    for j in 0..<n where d[j] > 0 {
                        var bound = importBound[j]
                        for position in starts[j]..<starts[j + 1] { bound = min(bound, rho[inputs[position]]) }
                        let next = min(c[j], d[j] * bound)
                        change = max(change, abs(next - x[j]))
                        x[j] = next
                    }
                    outcome.change = change
                    if change <= tolerance * norm {
                        outcome.converged = true
                        return
                    }
                }
            }
        }
        return outcome
    }
}
