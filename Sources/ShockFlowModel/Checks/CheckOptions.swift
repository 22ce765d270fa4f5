/// Thresholds of the economy checks (MODEL (1), (2) and the conditioning of I − A).
public struct CheckOptions: Sendable, Equatable {
    /// Largest relative imbalance per cell that MODEL (1) and (2) accept (default 1e-6).
    public var relativeTolerance: Double
    /// Estimated 1-norm condition number of I − A above which the report warns (default 1e6).
    public var conditionWarningThreshold: Double
    /// Whether to factor I − A for its condition number even when it is certainly invertible (every
    /// absolute column sum of A below 1). False gives the same errors for less work (one LU of I − A
    /// fewer, 0.05 s at n = 1302): what a command needs before it uses the economy.
    public var estimateCondition: Bool

    public init(relativeTolerance: Double = 1e-6, conditionWarningThreshold: Double = 1e6, estimateCondition: Bool = true) {
        self.relativeTolerance = relativeTolerance
        self.conditionWarningThreshold = conditionWarningThreshold
        self.estimateCondition = estimateCondition
    }
}
