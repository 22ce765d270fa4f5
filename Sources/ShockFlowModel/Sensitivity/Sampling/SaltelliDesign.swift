import ShockFlowLinearAlgebra

/// Saltelli's cross-sampling for Sobol' indices in SALib 1.6's layout (`sobol.sample`): a
/// scrambled Sobol' sequence of dimension 2d gives A (first d columns) and B (last d); each base
/// point i contributes the block A_i, AB_i^1 … AB_i^d, [BA_i^1 … BA_i^d,] B_i, where AB^j is A with
/// column j taken from B (and BA^j is B with column j from A). With groups (SALib's `groups`), there
/// is one AB (and BA) matrix per group, taking from B every column of the group's parameters.
enum SaltelliDesign {
    /// - Parameter groups: the group of each parameter (0..<groupCount), or nil for one group a parameter.
    static func unitSample(
        baseSamples: Int, dimension d: Int, secondOrder: Bool, groups: [Int]? = nil, generator: inout PCG64
    ) throws -> Matrix {
        let base = try SobolSequence(dimension: 2 * d, scrambledWith: &generator).points(count: baseSamples)
        let group = groups ?? Array(0..<d)
        let groupCount = (group.max() ?? -1) + 1
        let blockSize = secondOrder ? 2 * groupCount + 2 : groupCount + 2
        var sample = Matrix(rows: baseSamples * blockSize, columns: d)
        for i in 0..<baseSamples {
            let first = i * blockSize
            for j in 0..<d {
                let fromA = base[i, j], fromB = base[i, j + d]
                sample[first, j] = fromA
                for k in 0..<groupCount {
                    sample[first + 1 + k, j] = group[j] == k ? fromB : fromA
                    if secondOrder { sample[first + 1 + groupCount + k, j] = group[j] == k ? fromA : fromB }
                }
                sample[first + blockSize - 1, j] = fromB
            }
        }
        return sample
    }
}
