/// Sample quantiles as numpy computes them by default (`np.quantile(x, q)`, method `linear`, type 7 of
/// Hyndman & Fan 1996): the spread of a sweep's outputs over its runs (the report's median and 5–95 % band).
public enum SampleQuantiles {
    /// The quantiles of `values` at each probability of `probabilities` (each in [0, 1]). With the n values
    /// sorted, x₍₀₎ ≤ … ≤ x₍ₙ₋₁₎, h = (n − 1)·q, j = ⌊h⌋ and γ = h − j: Q(q) = x₍ⱼ₎ + γ·(x₍ⱼ₊₁₎ − x₍ⱼ₎),
    /// x₍ₙ₋₁₎ for j ≥ n − 1. It is computed as numpy's `_lerp` computes it (from x₍ⱼ₊₁₎ down when γ ≥ ½),
    /// so the results are numpy's to the last bit. Any NaN among the values makes every quantile NaN.
    /// - Precondition: `values` is not empty.
    public static func linear(_ values: [Double], at probabilities: [Double]) -> [Double] {
        precondition(!values.isEmpty, "quantiles of no values")
        precondition(probabilities.allSatisfy { $0 >= 0 && $0 <= 1 }, "quantile probabilities must be in [0, 1]")
        guard !values.contains(where: \.isNaN) else { return probabilities.map { _ in .nan } }
        let x = values.sorted(), last = x.count - 1
        return probabilities.map { q in
            let h = Double(last) * q
            guard h < Double(last) else { return x[last] }
            let j = Int(h.rounded(.down))
            let gamma = h - Double(j)
            let a = x[j], b = x[j + 1], difference = b - a
            return gamma >= 0.5 ? b - difference * (1 - gamma) : a + difference * gamma
        }
    }
}
