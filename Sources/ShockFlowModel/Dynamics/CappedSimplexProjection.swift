/// The Euclidean projection of (23) onto {W ≥ 0, Σ W = 1, W_i ≤ cap_i, lower_g ≤ Σ_{i∈g} W_i ≤ upper_g}
/// by water-filling: W_i = clamp(v_i − ν, 0, cap_i) with one water level ν per bounded group of
/// regions, equal to the global level τ except in groups held at a bound (the KKT conditions).
struct CappedSimplexProjection: Sendable {
    /// A bounded group: its cells and the range of their summed weight.
    struct Group: Sendable {
        var cells: [Int]
        var bounds: ClosedRange<Double>
    }

    let groups: [Group]
    /// Cells in no group: they always sit at the global level τ.
    let freeCells: [Int]

    /// Writes the projection of `values` into `weights`. Feasibility (Σ caps ≥ 1, bounds that fit
    /// the caps) is checked when the scenario is set up.
    func project(_ values: UnsafeBufferPointer<Double>, caps: UnsafeBufferPointer<Double>, into weights: UnsafeMutableBufferPointer<Double>) {
        let lowest = values.min() ?? 0, highest = values.max() ?? 0
        // Every target is at most 1, so at τ = min(v) − 1 each cell sits at min(cap_i, ≥ 1): all full.
        let bracket = (lower: lowest - 1, upper: highest)
        let level = Self.waterLevel(target: 1, bracket: bracket) { tau in
            var (total, slope) = Self.fill(values, caps, freeCells, at: tau)
            for group in groups {
                let (filled, free) = Self.fill(values, caps, group.cells, at: tau)
                if group.bounds.contains(filled) {
                    total += filled
                    slope += free
                } else {
                    total += filled < group.bounds.lowerBound ? group.bounds.lowerBound : group.bounds.upperBound
                }
            }
            return (total, slope)
        }
        for i in freeCells { weights[i] = min(caps[i], max(0, values[i] - level)) }
        for group in groups {
            var groupLevel = level
            let filled = Self.fill(values, caps, group.cells, at: level).total
            if !group.bounds.contains(filled) {
                let target = filled < group.bounds.lowerBound ? group.bounds.lowerBound : group.bounds.upperBound
                groupLevel = Self.waterLevel(target: target, bracket: bracket) { Self.fill(values, caps, group.cells, at: $0) }
            }
            for i in group.cells { weights[i] = min(caps[i], max(0, values[i] - groupLevel)) }
        }
    }

    /// Σ_{i∈cells} clamp(v_i − τ, 0, cap_i) and the number of cells strictly between the clamps.
    private static func fill(
        _ values: UnsafeBufferPointer<Double>, _ caps: UnsafeBufferPointer<Double>, _ cells: [Int], at tau: Double
    ) -> (total: Double, slope: Double) {
        var total = 0.0, free = 0.0
        for i in cells {
            let level = values[i] - tau
            if level >= caps[i] {
                total += caps[i]
            } else if level > 0 {
                total += level
                free += 1
            }
        }
        return (total, free)
    }

    /// τ with S(τ) = target for a non-increasing piecewise-linear S with S(lower) ≥ target ≥ S(upper):
    /// Newton steps on the current linear piece (exact once on the right piece), bisection as a safeguard.
    private static func waterLevel(
        target: Double, bracket: (lower: Double, upper: Double), _ evaluate: (Double) -> (total: Double, slope: Double)
    ) -> Double {
        var (lower, upper) = bracket
        var tau = min(max(0, lower), upper)
        for _ in 0..<200 {
            let (total, slope) = evaluate(tau)
            let error = total - target
            if abs(error) <= 1e-14 * max(1, abs(target)) { return tau }
            if error > 0 { lower = tau } else { upper = tau }
            if upper - lower <= 1e-16 * max(1, abs(lower), abs(upper)) { return tau }
            var next = slope > 0 ? tau + error / slope : 0.5 * (lower + upper)
            if next == tau { return tau }
            if !(next > lower && next < upper) { next = 0.5 * (lower + upper) }
            tau = next
        }
        return tau
    }
}
