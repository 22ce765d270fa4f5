import Foundation
import ShockFlowLinearAlgebra

/// A seeded perturbation of the estimated inter-regional trade pattern, so that the table's own
/// uncertainty can be swept: every origin–destination cell of every product's gravity prior is
/// multiplied by an independent lognormal factor with mean 1 and coefficient of variation c,
///
///     ε = exp(σZ − σ²/2),   σ² = ln(1 + c²),   Z ~ N(0, 1),
///
/// before RAS balances the prior to the regions' outflows and inflows, which therefore stay as they
/// were (docs/china-2017.md, "Perturbed tables").
public struct TradePriorPerturbation: Sendable, Hashable {
    /// c, the coefficient of variation of each factor (0: no perturbation).
    public var coefficientOfVariation: Double
    public var seed: UInt64

    public init(coefficientOfVariation: Double, seed: UInt64) {
        self.coefficientOfVariation = coefficientOfVariation
        self.seed = seed
    }

    /// σ, the standard deviation of ln ε.
    public var logStandardDeviation: Double {
        log1p(coefficientOfVariation * coefficientOfVariation).squareRoot()
    }

    /// The factors ε, one R×R matrix per product. One PCG64 generator seeded with `seed` (numpy's
    /// `default_rng(seed)`) draws u for product p, origin o, destination d in that order (d fastest,
    /// as `default_rng(seed).random((P, R, R))`), and Z = Φ⁻¹(u). Every cell is drawn, the diagonal
    /// and the cells that cannot trade included, so a cell's factor depends on the seed and its place
    /// only, not on the other options. Drawn on one thread, before any balancing.
    public func factors(products: Int, regions: Int) -> [Matrix] {
        let sigma = logStandardDeviation
        let shift = sigma * sigma / 2
        var generator = PCG64(seed: seed)
        return (0..<products).map { _ in
            var factors = Matrix(rows: regions, columns: regions)
            for o in 0..<regions {
                for d in 0..<regions {
                    // numpy's random() is 0 with probability 2⁻⁵³; Φ⁻¹(0) = −∞ would zero the cell.
                    let u = max(generator.nextUnitDouble(), 0x1p-53)
                    factors[o, d] = exp(sigma * StandardNormal.quantile(u) - shift)
                }
            }
            return factors
        }
    }
}
