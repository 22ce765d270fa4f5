/// One row of the compared runs: its key and every run's value, nil where a run lacks the row.
/// Differences are against the first run (the reference).
public struct ComparedRow: Sendable, Equatable {
    /// The key's labels without the metric, in the table's column order (period, region, sector, …).
    public var key: [String]
    public var metric: String
    public var values: [Double?]
    /// Each run's subject where the row is a ranked figure (the worst region, the cell whose weight rose
    /// most) and the runs name different subjects; nil otherwise.
    public var subjects: [String?]?

    public init(key: [String], metric: String, values: [Double?], subjects: [String?]? = nil) {
        self.key = key
        self.metric = metric
        self.values = values
        self.subjects = subjects
    }

    /// Run `run`'s value minus the first run's; nil where either lacks the row or the two values are of
    /// different subjects (`subjectChange`).
    public func difference(_ run: Int) -> Double? {
        guard let value = values[run], let reference = values[0], subjectChange(run) == nil else { return nil }
        return value - reference
    }

    /// The first run's subject and run `run`'s, where both are known and differ.
    public func subjectChange(_ run: Int) -> (reference: String, subject: String)? {
        guard let subjects, let reference = subjects[0], let subject = subjects[run], subject != reference else { return nil }
        return (reference, subject)
    }

    /// `difference(run)` over the first run's value, as `shockflow run` writes `relative`: nil where the
    /// first run's value is 0 or either value is missing.
    public func relative(_ run: Int) -> Double? {
        guard let difference = difference(run), let reference = values[0], reference != 0 else { return nil }
        return difference / reference
    }

    /// Whether every run has the row.
    public var isComplete: Bool { !values.contains(nil) }
}
