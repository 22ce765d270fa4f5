import ShockFlowLinearAlgebra

/// Morris's randomised one-at-a-time trajectories (Morris 1991) as SALib 1.6's `morris.sample`
/// draws them without groups or trajectory optimisation: per trajectory a random parameter
/// order P*, random directions D*, a random base point x* on the lower half of the p-level grid,
/// then B* = x* + Δ/2·((2·B·P*ᵀ − 1)·D* + 1) with Δ = p/(2(p−1)); d+1 rows per trajectory.
enum MorrisDesign {
    /// Δ, the step of the p-level grid in unit coordinates.
    static func step(levels: Int) -> Double { Double(levels) / (2.0 * Double(levels - 1)) }

    static func unitSample(trajectories: Int, levels: Int, dimension d: Int, generator: inout PCG64) -> Matrix {
        let delta = step(levels: levels)
        // numpy.linspace(0, 1 − Δ, p/2): the admissible base values.
        let baseCount = levels / 2
        let bound = 1 - delta
        let baseValues: [Double] = (0..<baseCount).map { k in
            baseCount == 1 ? 0 : (k == baseCount - 1 ? bound : Double(k) * (bound / Double(baseCount - 1)))
        }
        var sample = Matrix(rows: trajectories * (d + 1), columns: d)
        for t in 0..<trajectories {
            var order = Array(0..<d)
            generator.shuffle(&order)
            let directions = (0..<d).map { _ in generator.nextInteger(below: 2) == 0 ? -1.0 : 1.0 }
            let start = (0..<d).map { _ in baseValues[generator.nextInteger(below: baseCount)] }
            for row in 0...d {
                for j in 0..<d {
                    // Parameter j has moved once the trajectory has passed its position in the order.
                    let moved: Double = order[j] < row ? 2 : 0
                    sample[t * (d + 1) + row, j] = start[j] + (delta / 2.0) * ((moved - 1) * directions[j] + 1)
                }
            }
        }
        return sample
    }
}
