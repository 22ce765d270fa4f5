/// How the tilts of several rows naming one cell combine (`plan.combine`).
public enum PlanCombine: String, CaseIterable, Sendable {
    /// The largest tilt: a province is not rewarded for how many ways its plan words one industry.
    case max
    /// The sum of the tilts.
    case sum
}

/// The numbers that turn a plan table into tilts π (docs/plan.md): the tilt of each kind of
/// priority, the weight of each grade of evidence, how rows naming one cell combine, and whether the
/// national layer is added. Every one is a sweep parameter (`plan.tilt.<kind>`, `plan.evidence.<grade>`,
/// `plan.combine`, `plan.national`).
public struct PlanSettings: Sendable, Equatable {
    public var kindTilts: [PlanKind: Double]
    public var gradeWeights: [EvidenceGrade: Double]
    public var combine: PlanCombine
    public var national: Bool

    /// The defaults: 0.5 for the leading and emerging industries a plan names, 0.25 for future
    /// industries, upgrades of traditional ones and agriculture, 0 for other rows (targets and
    /// context); evidence P and S taken at face value, L at half; the largest tilt; the national layer on.
    public static let defaults = PlanSettings(
        kindTilts: [.leading: 0.5, .emerging: 0.5, .future: 0.25, .traditionalUpgrade: 0.25, .agriculture: 0.25, .other: 0],
        gradeWeights: [.P: 1, .S: 1, .L: 0.5], combine: .max, national: true)

    public init(kindTilts: [PlanKind: Double], gradeWeights: [EvidenceGrade: Double], combine: PlanCombine, national: Bool) {
        self.kindTilts = kindTilts
        self.gradeWeights = gradeWeights
        self.combine = combine
        self.national = national
    }

    /// The tilt a row gives each sector it names: its kind's tilt times its grade's weight.
    public func tilt(of row: PlanRow) -> Double { (kindTilts[row.kind] ?? 0) * (gradeWeights[row.grade] ?? 0) }
}
