/// How confidence intervals are bootstrapped (SALib's `num_resamples`, `conf_level`, `seed`):
/// the reported half-width is Φ⁻¹(½ + level/2) × the standard deviation (ddof 1) of the
/// estimate over `resamples` resamples drawn with replacement.
public struct BootstrapSettings: Equatable, Sendable {
    public var resamples: Int
    public var confidenceLevel: Double
    /// Seeds `PCG64` as `numpy.random.default_rng(seed)`, so SALib with the same seed draws the same resamples.
    public var seed: UInt64

    public init(resamples: Int = 100, confidenceLevel: Double = 0.95, seed: UInt64 = 1) {
        self.resamples = resamples
        self.confidenceLevel = confidenceLevel
        self.seed = seed
    }

    /// z such that ±z standard deviations cover `confidenceLevel` of a normal distribution.
    var normalQuantile: Double { StandardNormal.quantile(0.5 + confidenceLevel / 2) }

    /// The most resampled points (resamples × points per resample) one analysis draws.
    public static let maximumDraws = 50_000_000

    /// Refuses levels outside (0, 1), fewer than 2 resamples and more draws than fit in memory.
    func validate(pointsPerResample: Int) throws {
        guard confidenceLevel > 0, confidenceLevel < 1 else {
            throw SensitivityError.invalidConfidenceLevel(confidenceLevel)
        }
        guard resamples >= 2 else { throw SensitivityError.invalidResampleCount(resamples) }
        guard resamples <= Self.maximumDraws / max(pointsPerResample, 1) else {
            throw SensitivityError.bootstrapTooLarge(
                baseSamples: pointsPerResample, resamples: resamples, maximum: Self.maximumDraws)
        }
    }
}
