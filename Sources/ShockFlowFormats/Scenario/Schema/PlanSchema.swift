import Foundation

/// The `plan` section of a scenario (docs/plan.md): a table of cited plan priorities and the numbers
/// that turn its rows into tilts π. Kept beside `ScenarioSchema`, whose root names it.
extension ScenarioSchema {
    static var plan: ObjectSchema<PlanSpec> {
        let defaults = PlanSettings.defaults
        return ObjectSchema(fields: [
            .required(
                "priorities", \.priorities, .text,
                doc: "The plan table: `\(PlanTable.defaultName)` (shipped: every province's 15th Five-Year Plan priorities, "
                    + "cited and graded) or the path of a CSV in the same columns, relative to this file."),
            .field(
                "tilt", \.tilt, planTilt.valueSchema, default: planTilt.defaults,
                doc: "π a row adds to each sector it names, by the row's `kind`; the kinds left out keep their defaults."),
            .field(
                "evidence", \.evidence, evidence.valueSchema, default: evidence.defaults,
                doc: "Weight of a row's tilt by its `grade`: the row adds tilt × weight (an assumption: sweep it)."),
            .field(
                "combine", \.combine, .choice, default: defaults.combine,
                doc: "How rows naming the same province and sector combine: `max`, the largest tilt (a province is not "
                    + "rewarded for how many ways its plan words one industry), or `sum`."),
            .field(
                "national", \.national, .boolean, default: defaults.national,
                doc: "Add the national layer (rows of region `CN`) to every province, on top of its own rows."),
            .field(
                "regions", \.regions, .selector(of: "regions"), default: .everything,
                doc: "Provinces whose own rows are used (the national layer reaches every province)."),
        ])
    }

    static var planTilt: ObjectSchema<PlanTiltSpec> {
        let tilts = PlanSettings.defaults.kindTilts
        let range = NumberRange.closed(-5, 5)
        func kind(_ kind: PlanKind, _ keyPath: WritableKeyPath<PlanTiltSpec, Double>, _ doc: String) -> FieldSchema<PlanTiltSpec> {
            .field(kind.rawValue, keyPath, .number(range), default: tilts[kind] ?? 0, doc: doc)
        }
        return ObjectSchema(fields: [
            kind(.leading, \.leading, "Leading or pillar industries the plan names."),
            kind(.emerging, \.emerging, "Strategic emerging industries."),
            kind(.future, \.future, "Future industries (quantum, embodied AI, brain–computer interfaces, …)."),
            kind(.traditionalUpgrade, \.traditionalUpgrade, "Upgrades of traditional industries."),
            kind(.agriculture, \.agriculture, "Agriculture and food security."),
            kind(.other, \.other, "Other rows: targets (R&D spending, shares of GDP) and broad statements."),
        ])
    }

    static var evidence: ObjectSchema<EvidenceSpec> {
        let weights = PlanSettings.defaults.gradeWeights
        func grade(_ grade: EvidenceGrade, _ keyPath: WritableKeyPath<EvidenceSpec, Double>, _ doc: String) -> FieldSchema<EvidenceSpec> {
            .field(grade.rawValue, keyPath, .number(.unitInterval), default: weights[grade] ?? 0, doc: doc)
        }
        return ObjectSchema(fields: [
            grade(.P, \.primary, "Rows whose official wording was seen."),
            grade(.S, \.secondary, "Rows from reputable secondary sources (Xinhua, China News Service, …)."),
            grade(.L, \.low, "Rows from aggregators and low-quality copies."),
        ])
    }
}

struct PlanSpec: SchemaRecord {
    var path = FieldPath.root
    var priorities = ""
    var tilt = PlanTiltSpec()
    var evidence = EvidenceSpec()
    var combine = PlanCombine.max
    var national = true
    var regions = Selector.everything
    /// The table, read by the consistency checks; nil before them or when it cannot be used.
    var table: PlanTable?

    var settings: PlanSettings {
        PlanSettings(
            kindTilts: [
                .leading: tilt.leading, .emerging: tilt.emerging, .future: tilt.future,
                .traditionalUpgrade: tilt.traditionalUpgrade, .agriculture: tilt.agriculture, .other: tilt.other,
            ],
            gradeWeights: [.P: evidence.primary, .S: evidence.secondary, .L: evidence.low], combine: combine,
            national: national)
    }
}

struct PlanTiltSpec: SchemaRecord {
    var path = FieldPath.root
    var leading = 0.0
    var emerging = 0.0
    var future = 0.0
    var traditionalUpgrade = 0.0
    var agriculture = 0.0
    var other = 0.0
}

struct EvidenceSpec: SchemaRecord {
    var path = FieldPath.root
    var primary = 0.0
    var secondary = 0.0
    var low = 0.0
}

extension PlanSpec {
    /// Reads the table `priorities` names (shipped, or a CSV relative to `directory`).
    mutating func readTable(directory: URL, file: String, diagnostics: inout ScenarioDiagnostics) {
        let field = path.appending("priorities")
        guard !diagnostics.hasProblem(under: field) else { return }
        table = PlanTableReader.load(priorities, directory: directory, scenarioFile: file, field: field, diagnostics: &diagnostics)
    }
}
