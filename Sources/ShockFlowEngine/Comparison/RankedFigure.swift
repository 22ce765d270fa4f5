/// The ranked rows of `summary.csv` (`worst_region_1`, `worst_sector_2`, `weight_increase_3`, …): each is
/// the figure of a subject — a region, a sector, a cell — that `detail` names first, as `CODE: …` or
/// `CODE (Name): …` (docs/results-format.md). Two runs' rows of one rank may be of different subjects.
enum RankedFigure {
    static let prefixes = ["worst_region_", "worst_sector_", "weight_increase_", "weight_decrease_"]

    /// Whether `metric` is a ranked row: one of the prefixes and a rank.
    static func isRanked(_ metric: String) -> Bool {
        prefixes.contains { prefix in
            metric.hasPrefix(prefix) && metric.count > prefix.count && metric.dropFirst(prefix.count).allSatisfy(\.isASCIIDigit)
        }
    }

    /// The subject's code at the start of a ranked row's detail: `CN-GD` of `CN-GD (Guangdong): cumulative …`,
    /// `CN-GD/20` of `CN-GD/20: W 0.01 in the baseline, …`; nil when the detail does not start that way.
    static func subject(ofDetail detail: String) -> String? {
        guard let colon = detail.firstIndex(of: ":") else { return nil }
        var subject = detail[..<colon]
        if subject.hasSuffix(")"), let open = subject.range(of: " (") { subject = subject[..<open.lowerBound] }
        return subject.isEmpty ? nil : String(subject)
    }

    /// How a change of subject is reported instead of a difference: `CN-GD in A, CN-SD in B`.
    static func text(_ change: (reference: String, subject: String), labels: (reference: String, run: String)) -> String {
        "\(change.reference) in \(labels.reference), \(change.subject) in \(labels.run)"
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
