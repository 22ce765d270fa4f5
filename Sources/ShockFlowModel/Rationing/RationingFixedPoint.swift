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
    ///
    /// Each sweep is a Jacobi step (every x′ from the shares ρ of the previous x), computed only where
    /// it can differ: in the first sweep for the cells with a ρᵐ bound below 1 and the users j of the
    /// cells rationed from the start (ρ_i < 1), after it for the users j of the cells whose x changed in
    /// the previous sweep; for every other cell x′_j = x_j exactly. The iterates, the
    /// number of sweeps and the result are those of full sweeps, at a fraction of the work once few
    /// cells still move.
    /// - Parameter importBound: min(1, min over critical imported products p of ρᵐ_p), per cell.
    static func solve(
        capacity c: UnsafeBufferPointer<Double>, ordered d: UnsafeBufferPointer<Double>,
        importBound: UnsafeBufferPointer<Double>, masks: CriticalInputs, tolerance: Double, maxIterations: Int,
        output x: UnsafeMutableBufferPointer<Double>, ratio rho: UnsafeMutableBufferPointer<Double>
    ) -> Outcome {
        let n = d.count
        for j in 0..<n { x[j] = d[j] > 0 ? min(c[j], d[j]) : d[j] }
        var outcome = Outcome(iterations: 0, change: .infinity, converged: false)
        // MODEL (15): ρ_i = x_i / d_i (1 where d_i ≤ 0).
        for i in 0..<n { rho[i] = d[i] > 0 ? x[i] / d[i] : 1 }
        var changed: [Int] = []
        var pending = [Bool](repeating: false, count: n)
        var candidates: [Int] = []
        masks.domesticInputs.withUnsafeBufferPointer { inputs in
            masks.domesticStarts.withUnsafeBufferPointer { starts in
                masks.domesticUsers.withUnsafeBufferPointer { users in
                    masks.domesticUserStarts.withUnsafeBufferPointer { userStarts in
                        // The first sweep can move x_j only where a bound is below 1: ρᵐ bound < 1, or a critical
                        // input i with ρ_i < 1. Elsewhere x′_j = min(c_j, d_j·1) = x_j exactly, so those are skipped.
                        func addCandidate(_ j: Int) {
                            if !pending[j] {
                                pending[j] = true
                                candidates.append(j)
                            }
                        }
                        for j in 0..<n where importBound[j] < 1 { addCandidate(j) }
                        for i in 0..<n where rho[i] < 1 {
                            for position in userStarts[i]..<userStarts[i + 1] { addCandidate(users[position]) }
                        }
                        candidates.sort()
                        for j in candidates { pending[j] = false }
                        // ‖x‖∞ and where it is: x only moves at `changed`, so it is recomputed only when
                        // the largest entry moved or a moved entry exceeds it.
                        var (norm, largest) = (0.0, 0)
                        func measure() {
                            (norm, largest) = (0.0, 0)
                            for i in 0..<n where abs(x[i]) > norm { (norm, largest) = (abs(x[i]), i) }
                        }
                        measure()
                        while outcome.iterations < maxIterations {
                            outcome.iterations += 1
                            var change = 0.0
                            changed.removeAll(keepingCapacity: true)
                            // MODEL (17): x′_j = min(c_j, d_j·min(ρᵐ bound, min over critical i of ρ_i)).
                            for j in candidates where d[j] > 0 {
                                // Two running minima: no chain of dependent min operations (the minimum is the same).
                                var (bound, other) = (importBound[j], 1.0)
                                var position = starts[j]
                                let end = starts[j + 1]
                                while position + 1 < end {
                                    bound = min(bound, rho[inputs[position]])
                                    other = min(other, rho[inputs[position + 1]])
                                    position += 2
                                }
                                if position < end { bound = min(bound, rho[inputs[position]]) }
                                let next = min(c[j], d[j] * min(bound, other))
                                if next != x[j] {
                                    change = max(change, abs(next - x[j]))
                                    x[j] = next
                                    changed.append(j)
                                }
                            }
                            outcome.change = change
                            if change <= tolerance * norm {
                                outcome.converged = true
                                return
                            }
                            if changed.contains(where: { $0 == largest || abs(x[$0]) > norm }) { measure() }
                            // The shares that moved, and the cells that read them in the next sweep.
                            candidates.removeAll(keepingCapacity: true)
                            for i in changed {
                                rho[i] = x[i] / d[i]
                                for position in userStarts[i]..<userStarts[i + 1] where !pending[users[position]] {
                                    pending[users[position]] = true
                                    candidates.append(users[position])
                                }
                            }
                            candidates.sort()
                            for j in candidates { pending[j] = false }
                        }
                    }
                }
            }
        }
        return outcome
    }
}
