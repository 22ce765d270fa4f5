import Foundation

/// The kind of a plan priority, as a table's `kind` column gives it. Each kind has its own tilt
/// (`plan.tilt` in a scenario, docs/plan.md).
public enum PlanKind: String, CaseIterable, Sendable {
    case leading, emerging, future
    case traditionalUpgrade = "traditional-upgrade"
    case agriculture, other
}

/// How well a row's wording is attested, a table's `grade` column: **P** the official text itself was
/// seen, **S** a reputable secondary source, **L** an aggregator or a low-quality copy. Each grade
/// weighs the row's tilt (`plan.evidence`).
public enum EvidenceGrade: String, CaseIterable, Sendable {
    case P, S, L
}

/// One stated priority of a province's five-year plan (or of the national plan, region `CN`): what
/// it says, the NBS sector codes it names, its kind, any figure stated, and its source and grade.
public struct PlanRow: Sendable, Equatable {
    /// The table file as messages show it, and the row's line in it (the header is line 1).
    public var file: String
    public var line: Int
    /// An ISO 3166-2:CN province code (`CN-ZJ`), or `CN` for the national layer.
    public var region: String
    public var regionName: String
    public var priority: String
    /// Sector codes as written, in order; empty where the source names no industry.
    public var sectors: [String]
    public var kind: PlanKind
    public var quantity: String
    public var date: String
    public var source: String
    public var grade: EvidenceGrade
    /// Where the row's `region` and `sectors` fields start, for messages about them.
    public var regionLocation: TextLocation
    public var sectorsLocation: TextLocation

    /// A row of the national layer, which a scenario may add to every province (`plan.national`).
    public var isNational: Bool { region == PlanTable.nationalRegion }

    /// A row the table flags as context, `[context: …]` in its priority text: a pre-plan statement or
    /// another plan, not the five-year plan itself (SOURCE.md: "to be used as priors").
    public var isContext: Bool { priority.range(of: "[context", options: .caseInsensitive) != nil }
}

/// A table of plan priorities: the shipped `15th-fyp-2026` or a CSV in the same columns
/// (docs/plan.md, "The table").
public struct PlanTable: Sendable, Equatable {
    /// The region code of the national layer's rows: China, ISO 3166-1.
    public static let nationalRegion = "CN"
    /// The columns a table must have; `region_name`, `quantity` and `date` may be left out.
    public static let requiredColumns = ["region", "priority", "sectors", "kind", "source", "grade"]
    /// Every column in the shipped tables' order.
    public static let columns = ["region", "region_name", "priority", "sectors", "kind", "quantity", "date", "source", "grade"]

    /// The shipped tables by name, each its files in `Resources/plan-priorities` (provinces, then the national layer).
    public static let shipped: [String: [String]] = [
        "15th-fyp-2026": ["15th-fyp-2026.csv", "15th-fyp-2026-national.csv"]
    ]
    public static var shippedNames: [String] { shipped.keys.sorted() }
    /// The table a scenario or `shockflow plan show` uses when none is named.
    public static let defaultName = "15th-fyp-2026"

    /// As the scenario names it: a shipped table's name, or the CSV path as written.
    public var name: String
    /// The files read, as paths (inputs of a run, for its manifest).
    public var files: [String]
    public var rows: [PlanRow]

    public init(name: String, files: [String], rows: [PlanRow]) {
        self.name = name
        self.files = files
        self.rows = rows
    }
}
