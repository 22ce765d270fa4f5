import ShockFlowLinearAlgebra

/// The full factorial grid: every combination of L evenly spaced unit levels 0, 1/(L−1), …, 1
/// (the middle, ½, when L = 1); the first parameter varies slowest, as `itertools.product`.
enum FactorialDesign {
    static func unitSample(levels: Int, dimension d: Int) -> Matrix {
        let values = (0..<levels).map { levels == 1 ? 0.5 : Double($0) / Double(levels - 1) }
        var runs = 1
        for _ in 0..<d { runs *= levels }
        var sample = Matrix(rows: runs, columns: d)
        for i in 0..<runs {
            var rest = i
            for j in stride(from: d - 1, through: 0, by: -1) {
                sample[i, j] = values[rest % levels]
                rest /= levels
            }
        }
        return sample
    }
}
