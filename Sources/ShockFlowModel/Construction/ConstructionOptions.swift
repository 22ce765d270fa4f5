/// The settable choices of the multi-regional construction (docs/china-2017.md explains each).
public struct ConstructionOptions: Sendable, Hashable {
    /// β of the gravity prior: flows ∝ distance^(−β).
    public var distanceExponent: Double
    /// How national outflow and inflow totals of a product are made equal.
    public var tradeTotalsRule: TradeTotalsRule
    /// Regions whose outflow/output ratio is below this share of the median get their gross trade
    /// raised (`nil`: no under-reporter fix).
    public var underReportingThreshold: Double?
    /// Reconciling trade totals changes a region's trade in a product by at most this share of its
    /// local supply (raised outflows or inflows, lowered inflows).
    public var localSupplyShareCap: Double
    /// Relative tolerance of the trade balancing (RAS) on every margin.
    public var balancingTolerance: Double
    public var maximumBalancingIterations: Int
    /// Local supply within this share of home use of zero is round-off and set to zero; below, an error.
    public var localSupplyRoundOff: Double
    /// Outputs of smaller magnitude (in the tables' money unit) are round-off and set to zero.
    public var outputRoundOff: Double
    /// c of the lognormal factors that perturb every product's gravity prior before RAS
    /// (`TradePriorPerturbation`); 0, the default, leaves the prior as it is.
    public var perturbationCoefficientOfVariation: Double
    /// Seed of the perturbation's factors (unused when the coefficient of variation is 0).
    public var perturbationSeed: UInt64

    public init(
        distanceExponent: Double = 1, tradeTotalsRule: TradeTotalsRule = .mean, underReportingThreshold: Double? = 0.5,
        localSupplyShareCap: Double = 0.5, balancingTolerance: Double = 1e-10, maximumBalancingIterations: Int = 10_000,
        localSupplyRoundOff: Double = 1e-9, outputRoundOff: Double = 1e-6, perturbationCoefficientOfVariation: Double = 0,
        perturbationSeed: UInt64 = 0
    ) {
        self.distanceExponent = distanceExponent
        self.tradeTotalsRule = tradeTotalsRule
        self.underReportingThreshold = underReportingThreshold
        self.localSupplyShareCap = localSupplyShareCap
        self.balancingTolerance = balancingTolerance
        self.maximumBalancingIterations = maximumBalancingIterations
        self.localSupplyRoundOff = localSupplyRoundOff
        self.outputRoundOff = outputRoundOff
        self.perturbationCoefficientOfVariation = perturbationCoefficientOfVariation
        self.perturbationSeed = perturbationSeed
    }

    /// The perturbation of the gravity prior, nil when the coefficient of variation is 0.
    public var tradePriorPerturbation: TradePriorPerturbation? {
        perturbationCoefficientOfVariation > 0
            ? TradePriorPerturbation(coefficientOfVariation: perturbationCoefficientOfVariation, seed: perturbationSeed) : nil
    }
}
