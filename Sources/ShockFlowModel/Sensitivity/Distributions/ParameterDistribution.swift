import Foundation

/// The uncertainty of one parameter (MODEL section 5). Designs draw points in the unit cube and
/// map each coordinate through the distribution's quantile function, as SALib's `scale_samples` does.
public enum ParameterDistribution: Equatable, Sendable {
    /// Uniform on [lower, upper] (SALib `unif`).
    case uniform(lower: Double, upper: Double)
    /// log X uniform on [log lower, log upper]; bounds > 0 (SALib `logunif`).
    case logUniform(lower: Double, upper: Double)
    /// Normal with mean and standard deviation (SALib `norm`); unbounded.
    case normal(mean: Double, standardDeviation: Double)
    /// Normal(mean, standardDeviation) restricted to [lower, upper] (SALib `truncnorm`).
    case truncatedNormal(lower: Double, upper: Double, mean: Double, standardDeviation: Double)
    /// exp of Normal(logMean, logStandardDeviation) (SALib `lognorm`); unbounded above.
    case logNormal(logMean: Double, logStandardDeviation: Double)
    /// Triangular on [lower, upper] with its peak at `mode` (SALib `triang`).
    case triangular(lower: Double, upper: Double, mode: Double)
    /// Equally likely discrete values, in the order given (a unit sample u picks level ⌊u·k⌋).
    case discrete(levels: [Double])

    /// The short name used in problem files and messages.
    public var name: String {
        switch self {
        case .uniform: return "unif"
        case .logUniform: return "logunif"
        case .normal: return "norm"
        case .truncatedNormal: return "truncnorm"
        case .logNormal: return "lognorm"
        case .triangular: return "triang"
        case .discrete: return "levels"
        }
    }

    /// Why the distribution's numbers cannot describe a distribution, or nil when they can.
    public var problem: String? {
        let numbers: [Double]
        switch self {
        case .uniform(let lower, let upper), .logUniform(let lower, let upper): numbers = [lower, upper]
        case .normal(let mean, let deviation), .logNormal(let mean, let deviation): numbers = [mean, deviation]
        case .truncatedNormal(let lower, let upper, let mean, let deviation): numbers = [lower, upper, mean, deviation]
        case .triangular(let lower, let upper, let mode): numbers = [lower, upper, mode]
        case .discrete(let levels): numbers = levels
        }
        if !numbers.allSatisfy({ $0.isFinite }) { return "its numbers must be finite" }
        switch self {
        case .uniform(let lower, let upper), .truncatedNormal(let lower, let upper, _, _):
            if lower >= upper { return "the lower bound \(lower) is not below the upper bound \(upper)" }
        case .logUniform(let lower, let upper):
            if lower <= 0 { return "log-uniform bounds must be positive, the lower bound is \(lower)" }
            if lower >= upper { return "the lower bound \(lower) is not below the upper bound \(upper)" }
        case .normal, .logNormal: break
        case .triangular(let lower, let upper, let mode):
            if lower >= upper { return "the lower bound \(lower) is not below the upper bound \(upper)" }
            if mode < lower || mode > upper { return "the peak \(mode) lies outside [\(lower), \(upper)]" }
        case .discrete(let levels):
            if levels.isEmpty { return "it has no levels" }
        }
        switch self {
        case .normal(_, let deviation), .logNormal(_, let deviation), .truncatedNormal(_, _, _, let deviation):
            if deviation <= 0 { return "the standard deviation \(deviation) is not positive" }
        default: break
        }
        return nil
    }

    /// Whether the quantile function is finite at 0 and 1, as grid and Morris designs need.
    public var isBounded: Bool {
        switch self {
        case .normal, .logNormal: return false
        default: return true
        }
    }

    /// The value with cumulative probability `u` ∈ [0, 1] (the inverse CDF), with the formulas
    /// of scipy's `ppf` that SALib calls.
    public func quantile(_ u: Double) -> Double {
        switch self {
        case .uniform(let lower, let upper):
            return u * (upper - lower) + lower
        case .logUniform(let lower, let upper):
            return exp(log(lower) + u * (log(upper) - log(lower)))
        case .normal(let mean, let deviation):
            return StandardNormal.quantile(u) * deviation + mean
        case .truncatedNormal(let lower, let upper, let mean, let deviation):
            let alpha = (lower - mean) / deviation, beta = (upper - mean) / deviation
            let z: Double
            if alpha > 0 {
                // Both bounds in the upper tail: work with survival probabilities for accuracy.
                let survivalLower = StandardNormal.cumulativeProbability(-alpha)
                let survivalUpper = StandardNormal.cumulativeProbability(-beta)
                z = -StandardNormal.quantile(survivalLower - u * (survivalLower - survivalUpper))
            } else {
                let lowerProbability = StandardNormal.cumulativeProbability(alpha)
                let upperProbability = StandardNormal.cumulativeProbability(beta)
                z = StandardNormal.quantile(lowerProbability + u * (upperProbability - lowerProbability))
            }
            return min(max(z * deviation + mean, lower), upper)
        case .logNormal(let mean, let deviation):
            return exp(StandardNormal.quantile(u) * deviation + mean)
        case .triangular(let lower, let upper, let mode):
            let width = upper - lower, peak = (mode - lower) / width
            let standard = u < peak ? (peak * u).squareRoot() : 1 - ((1 - peak) * (1 - u)).squareRoot()
            return standard * width + lower
        case .discrete(let levels):
            let index = Int((u * Double(levels.count)).rounded(.down))
            return levels[min(max(index, 0), levels.count - 1)]
        }
    }
}
