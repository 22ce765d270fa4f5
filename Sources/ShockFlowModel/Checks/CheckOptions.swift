/// Thresholds of the economy checks (MODEL (1), (2) and the conditioning of I − A).
public struct CheckOptions: Sendable, Equatable {
    /// Largest relative imbalance per cell that MODEL (1) and (2) accept (default 1e-6).
    public var relativeTolerance: Double
    /// Estimated 1-norm condition number of I − A above which the report warns (default 1e6).
    public var conditionWarningThreshold: Double

    public init(relativeTolerance: Double = 1e-6, conditionWarningThreshold: Double = 1e6) {
        self.relativeTolerance = relativeTolerance
        self.conditionWarningThreshold = conditionWarningThreshold
    }
}
