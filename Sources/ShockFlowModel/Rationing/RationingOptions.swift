/// Which spare capacity caps θ̂, the share of an imported product its substitute takes over.
public enum SubstitutionCapRule: Sendable, Equatable {
    /// Every region's cell of the substitute sector: its extra orders fit its own spare capacity.
    /// The default: a cell pushed past capacity would ration its other buyers (docs/model-dynamics.md).
    case eachSubstituteCell
    /// MODEL section 3 as written: the sector's extra orders, summed over regions, fit its summed spare capacity.
    case sectorTotal
}

/// Tolerances and limits of the supply-constrained step (MODEL section 3).
public struct RationingOptions: Sendable, Equatable {
    /// The fixed point stops when ‖x′ − x‖∞ ≤ tolerance·‖x‖∞; the θ̂ loop when θ̂ moves by at most this.
    public var tolerance: Double
    /// Iterations of (15)–(17) before a column is reported as not converging (4–10 are usual).
    public var maxIterations: Int
    /// ω in θ̂ ← θ̂ + ω·(θ̂_new − θ̂).
    public var substitutionDamping: Double
    /// Iterations of the θ̂ loop before a column is reported as not converging.
    public var substitutionMaxIterations: Int
    public var substitutionCap: SubstitutionCapRule

    public init(
        tolerance: Double = 1e-10, maxIterations: Int = 1000, substitutionDamping: Double = 0.5,
        substitutionMaxIterations: Int = 1000, substitutionCap: SubstitutionCapRule = .eachSubstituteCell
    ) {
        self.tolerance = tolerance
        self.maxIterations = maxIterations
        self.substitutionDamping = substitutionDamping
        self.substitutionMaxIterations = substitutionMaxIterations
        self.substitutionCap = substitutionCap
    }
}
