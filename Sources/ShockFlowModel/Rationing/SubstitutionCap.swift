import ShockFlowLinearAlgebra

/// The θ̂ outer loop of MODEL section 3 for one scenario column: the share of each substituted
/// import that domestic substitutes take over, capped so that the extra orders on a substitute
/// sector's cells (direct and indirect) fit their spare capacity against the unsubstituted plan.
struct SubstitutionCap {
    let correction: SubstitutionCorrection
    let rule: SubstitutionCapRule
    let damping: Double
    let tolerance: Double
    let maxIterations: Int

    /// The converged θ̂ per substitute entry, the Woodbury coefficients z (k) for the orders,
    /// the iterations used, and the last change (for the error when it did not converge).
    struct Solution {
        var shares: [Double]
        var coefficients: [Double]
        var iterations: Int
        var converged: Bool
        var lastChange: Double
    }

    /// - Parameters:
    ///   - targets: θ_p·(1 − φ_p) per entry, the share replaced before the capacity cap.
    ///   - spareCapacity: max(0, c − d(0)) of every substitute cell (k values).
    ///   - plannedSourcing: M_p·d(0) (one value per cell of the entry) per entry.
    func solve(targets: [Double], spareCapacity: [Double], plannedSourcing: [[Double]]) throws -> Solution {
        var shares = targets
        var solution = Solution(
            shares: shares, coefficients: [Double](repeating: 0, count: correction.rank), iterations: 0, converged: true, lastChange: 0)
        if targets.allSatisfy({ $0 == 0 }) { return solution }
        var proposal = shares
        for iteration in 1...max(1, maxIterations) {
            let z = try coefficients(shares: shares, plannedSourcing: plannedSourcing)
            // Extra orders on the substitute cells: (d(θ̂) − d(0)) restricted to them is Uᵀ·Q·z.
            let extraOrders = try correction.substituteRows.multiply(z)
            let headroom = correction.positions.map { capRatio(extra: extraOrders, spare: spareCapacity, at: $0) }
            var change = 0.0
            for entry in shares.indices {
                // Rescale toward the cap (the extra orders are nearly linear in θ̂); damping below.
                let ratio = headroom[entry]
                proposal[entry] = ratio.map { min(targets[entry], shares[entry] * $0) } ?? targets[entry]
                change = max(change, abs(proposal[entry] - shares[entry]))
            }
            solution = Solution(
                shares: shares, coefficients: z, iterations: iteration, converged: change <= tolerance, lastChange: change)
            if solution.converged { return solution }
            // MODEL section 3: θ̂ ← θ̂ + ω·(θ̂_new − θ̂).
            for entry in shares.indices { shares[entry] += damping * (proposal[entry] - shares[entry]) }
        }
        return solution
    }

    /// spare / extra over one entry's substitute cells under the cap rule; nil when they receive no extra orders.
    private func capRatio(extra: [Double], spare: [Double], at positions: [Int]) -> Double? {
        switch rule {
        case .eachSubstituteCell:
            var ratio: Double?
            for position in positions where extra[position] > 0 {
                ratio = min(ratio ?? .infinity, spare[position] / extra[position])
            }
            return ratio
        case .sectorTotal:
            let added = positions.reduce(0.0) { $0 + extra[$1] }
            return added > 0 ? positions.reduce(0.0) { $0 + spare[$1] } / added : nil
        }
    }

    /// z solving (I_k − M(θ̂)·Q)·z = M(θ̂)·d(0), where the rows of entry p's cells in M(θ̂) add θ̂_p·M_p.
    private func coefficients(shares: [Double], plannedSourcing: [[Double]]) throws -> [Double] {
        let k = correction.rank
        var system = Matrix.identity(k)
        var rightHandSide = [Double](repeating: 0, count: k)
        for entry in shares.indices where shares[entry] != 0 {
            let share = shares[entry]
            let mq = correction.sourcingTimesLeontief[entry]
            for (row, position) in correction.positions[entry].enumerated() {
                for column in 0..<k { system[position, column] -= share * mq[row, column] }
                rightHandSide[position] += share * plannedSourcing[entry][row]
            }
        }
        do {
            return try LUFactorization(system).solve(rightHandSide)
        } catch LinearAlgebraError.singular {
            throw RationingError.singularSystem(system: "I − A′ (the technology after substitution)")
        }
    }
}
