/// How close a run's value must be to the reference run's to agree, as `numpy.isclose(value, reference)`:
/// |value − reference| ≤ absolute + relative·|reference|. The reference is the first run compared.
public struct ComparisonTolerance: Sendable, Equatable {
    public var relative: Double
    public var absolute: Double

    public init(relative: Double = 0, absolute: Double = 0) {
        self.relative = relative
        self.absolute = absolute
    }

    /// The largest difference from `reference` that still agrees.
    public func allowance(for reference: Double) -> Double { absolute + relative * abs(reference) }

    public func agrees(_ value: Double, reference: Double) -> Bool {
        abs(value - reference) <= allowance(for: reference)
    }
}
