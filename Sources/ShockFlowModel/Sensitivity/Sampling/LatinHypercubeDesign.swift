import ShockFlowLinearAlgebra

/// Latin hypercube sampling (McKay, Beckman & Conover 1979) as SALib 1.6's `latin.sample`:
/// one uniform draw inside each of the N equal strata per parameter, then each column shuffled.
enum LatinHypercubeDesign {
    static func unitSample(runs: Int, dimension d: Int, generator: inout PCG64) -> Matrix {
        let width = 1.0 / Double(runs)
        var sample = Matrix(rows: runs, columns: d)
        for i in 0..<runs {
            let low = Double(i) * width, high = Double(i + 1) * width
            for j in 0..<d { sample[i, j] = low + (high - low) * generator.nextUnitDouble() }
        }
        for j in 0..<d {
            var column = sample.column(j)
            generator.shuffle(&column)
            sample.setColumn(j, to: column)
        }
        return sample
    }
}
