import ShockFlowModel

/// The scenario fields of the ARIO model (docs/ario.md): the `ario` model, the `capital_destruction`
/// shock, the `event` profile and the `results` section. Defaults are BoARIO 0.7.2's.
extension ScenarioSchema {
    static var arioModel: VariantCase<ModelSpec, ModelKind> {
        VariantCase(
            kind: .ario,
            doc: "ARIO day by day (docs/ario.md): BoARIO 0.7.2's ARIOPsiModel, with inventories of imported inputs; needs `period: day`.",
            fields: [
                .field(
                    "order_type", \.ario.orderType, .choice, default: .alt,
                    doc: "`alt`: suppliers share an order by initial sales weighted by capacity (A20); `noalt`: initial sales only."),
                .field(
                    "alpha_base", \.ario.alphaBase, .number(.above(0)), default: 1,
                    doc: "Overproduction at the start and the level it returns to (A9)."),
                .field(
                    "alpha_max", \.ario.alphaMax, .number(.above(0)), default: 1.25,
                    doc: "The level overproduction rises towards while demand exceeds production (A9)."),
                .field(
                    "alpha_tau", \.ario.alphaTau, .integer(minimum: 1), default: 365,
                    doc: "Characteristic time of overproduction, days (A9)."),
                .field(
                    "rebuild_tau", \.ario.rebuildTau, .integer(minimum: 1), default: 60,
                    doc: "Rebuilding time, days, of a shock whose `rebuild` gives none (A7)."),
                .field(
                    "inventory_days", \.ario.inventoryDays, .number(.above(0)), default: 90,
                    doc: "Days of inventory of every input not in `inventories` (A4)."),
                .field(
                    "psi", \.ario.psi, .number(.unitInterval), default: 0.8,
                    doc: "ψ: the share of the target inventory below which production is constrained (A12)."),
                .field(
                    "inventory_restoration_tau", \.ario.inventoryRestorationTau, .integer(minimum: 1), default: 60,
                    doc: "Characteristic time of restocking, days (A19)."),
                .field(
                    "inventories", \.ario.inventories, .namedValues(of: "sectors", .inventoryDuration), default: [],
                    doc: "Days of inventory (or `infinite`) of domestic inputs by product (a sector), instead of `inventory_days` (A4)."),
                .field(
                    "import_inventories", \.ario.importInventories, .namedValues(of: "imported products", .inventoryDuration),
                    default: [],
                    doc: "Days of inventory (or `infinite`) of imported inputs by imported product; others as the domestic product of that code (A27)."),
                .field(
                    "capital_to_value_added", \.ario.capitalToValueAdded, .namedValues(of: "sectors", .number(.atLeast(0))),
                    default: [], doc: "Capital over value added by sector; 4 for a sector not listed (A2)."),
                .field(
                    "monetary_factor", \.ario.monetaryFactor, .integer(minimum: 1), default: 1_000_000,
                    doc: "Currency units per money unit of the table; sets the rounding of capital damages (A15, A16)."),
            ])
    }

    static var capitalDestruction: VariantCase<ShockSpec, ShockKind> {
        VariantCase(
            kind: .capitalDestruction,
            doc: "Productive capital destroyed (ario model): recovered along the `event` profile, or rebuilt with `rebuild` (A6), (A7), (A22)–(A24).",
            fields: [
                .field("regions", \.regions, .selector(of: "regions"), default: .everything, doc: "Regions hit."),
                .required("sectors", \.sectors, .selector(of: "sectors"), doc: "Sectors hit."),
                .required(
                    "amount", \.capital.amount, .number(.above(0)),
                    doc: "Capital destroyed in all, in the economy's money unit, shared over the regions × sectors hit."),
                .field(
                    "regional_distribution", \.capital.regionalDistribution, .distribution(of: "regions"), default: .equal,
                    doc: "How the amount is shared among the regions: `equal`, `value_added` or weights by region (A23), (A24)."),
                .field(
                    "sectoral_distribution", \.capital.sectoralDistribution, .distribution(of: "sectors"), default: .equal,
                    doc: "How the amount is shared among the sectors: `equal`, `value_added` or weights by sector (A23), (A24)."),
                .optional(
                    "rebuild", \.capital.rebuild, rebuild.valueSchema,
                    doc: "The capital is rebuilt by the rebuilding sectors of every region (A7), (A15), instead of recovering.",
                    whenAbsent: "the capital recovers along the profile's `recovery`"),
            ])
    }

    static var rebuild: ObjectSchema<RebuildSpec> {
        ObjectSchema(fields: [
            .optional(
                "tau", \.tau, .integer(minimum: 1), doc: "Rebuilding time, days (A7).", whenAbsent: "the model's `rebuild_tau`"),
            .required(
                "sectors", \.sectors, .namedValues(of: "sectors", .number(.atLeast(0))),
                doc: "Shares of the rebuilding demand by sector, summing to 1."),
            .field("factor", \.factor, .number(.above(0)), default: 1, doc: "Rebuilding demand per unit of capital destroyed."),
        ])
    }

    static var eventProfile: VariantCase<ProfileSpec, ProfileKind> {
        VariantCase(
            kind: .event,
            doc: "BoARIO's event: full strength from `occurrence` through `duration` periods more, then the `recovery` function (A17), (A32).",
            fields: [
                .required("occurrence", \.event.occurrence, .integer(minimum: 1), doc: "The period the event happens, as BoARIO counts days."),
                .field(
                    "duration", \.event.duration, .integer(minimum: 1), default: 1,
                    doc: "Periods at full strength after the occurrence, before recovery (or rebuilding) starts."),
                .field(
                    "recovery", \.event.recovery, .choice, default: .linear,
                    doc: "Recovery function (A17), named as in BoARIO's recovery_functions.py."),
                .optional(
                    "recovery_tau", \.event.recoveryTau, .integer(minimum: 1), doc: "Recovery time, periods (A17).",
                    whenAbsent: "required, except on a shock with `rebuild`"),
            ])
    }

    static var results: ObjectSchema<ResultsSpec> {
        ObjectSchema(fields: [
            .field(
                "every", \.every, .integer(minimum: 1), default: 1,
                doc: "Days per row: flows summed over each window, stocks on its last day."),
            .optional(
                "metrics", \.metrics, .list(of: .choice), doc: "The metrics written to cells.csv and products.csv.",
                whenAbsent: "all"),
        ])
    }
}

extension ValueSchema {
    /// A mapping from names of `what` (regions, sectors, imported products) to values.
    static func namedValues<Element>(of what: String, _ element: ValueSchema<Element>) -> ValueSchema<[NamedValue<Element>]>
    where Value == [NamedValue<Element>] {
        ValueSchema<[NamedValue<Element>]>(
            json: .object([("type", .string("object")), ("additionalProperties", element.json)]),
            summary: "mapping of \(what) to \(element.summary)",
            encode: { entries in entries.isEmpty ? .object([]) : nil },
            decode: { node, path, diagnostics in
                guard case .mapping(let mapping) = node else {
                    diagnostics.reportType(expected: "a mapping of \(what) to \(element.summary)", found: node, at: path)
                    return nil
                }
                var entries: [NamedValue<Element>] = []
                var complete = true
                for (key, value) in mapping {
                    guard case .scalar(let scalar) = key, PlainScalar(scalar).isName else {
                        diagnostics.reportType(expected: "a name of \(what)", found: key, at: path)
                        complete = false
                        continue
                    }
                    let entryPath = path.appending(scalar.string)
                    diagnostics.record(value.location, for: entryPath)
                    guard let decoded = element.decode(value, entryPath, &diagnostics) else {
                        complete = false
                        continue
                    }
                    let name = SelectorTerm(text: scalar.string, location: key.location, path: entryPath)
                    entries.append(NamedValue(name: name, value: decoded))
                }
                return complete ? entries : nil
            })
    }
}

extension PlainScalar {
    /// Text or a whole number: a label name or code (`20` names sector 20).
    var isName: Bool {
        switch self {
        case .text, .integer: true
        default: false
        }
    }
}

extension ValueSchema where Value == ARIOParameters.InventoryDuration {
    /// A positive number of days, or `infinite`.
    static var inventoryDuration: ValueSchema<ARIOParameters.InventoryDuration> {
        let expected = "a number of days above 0, or `infinite`"
        return ValueSchema(
            json: .object([
                (
                    "oneOf",
                    .array([
                        .object([("type", .string("number")), ("exclusiveMinimum", .number(0))]),
                        .object([("const", .string("infinite"))]),
                    ])
                )
            ]),
            summary: "days above 0 or `infinite`",
            encode: { duration in
                switch duration {
                case .days(let days): .number(days)
                case .infinite: .string("infinite")
                }
            },
            decode: { node, path, diagnostics in
                if case .scalar(let scalar) = node {
                    switch PlainScalar(scalar) {
                    case .text("infinite"): return .infinite
                    case .integer(let days) where days > 0: return .days(Double(days))
                    case .number(let days) where days > 0: return .days(days)
                    default: break
                    }
                }
                diagnostics.reportType(expected: expected, found: node, at: path)
                return nil
            })
    }
}

extension ValueSchema where Value == DistributionSpec {
    /// `equal`, `value_added`, or a mapping of names of `what` to weights ≥ 0.
    static func distribution(of what: String) -> ValueSchema<DistributionSpec> {
        let weights = ValueSchema<[NamedValue<Double>]>.namedValues(of: what, .number(.atLeast(0)))
        let expected = "`equal`, `value_added` or a mapping of \(what) to weights"
        return ValueSchema(
            json: .object([
                (
                    "oneOf",
                    .array([.object([("type", .string("string")), ("enum", .array([.string("equal"), .string("value_added")]))]), weights.json])
                )
            ]),
            summary: "`equal` \\| `value_added` \\| mapping of \(what) to weights",
            encode: { distribution in
                switch distribution {
                case .equal: .string("equal")
                case .valueAdded: .string("value_added")
                case .weights: nil
                }
            },
            decode: { node, path, diagnostics in
                switch node {
                case .mapping: return weights.decode(node, path, &diagnostics).map { .weights($0) }
                case .scalar(let scalar):
                    switch PlainScalar(scalar) {
                    case .text("equal"): return .equal
                    case .text("value_added"): return .valueAdded
                    default: break
                    }
                default: break
                }
                diagnostics.reportType(expected: expected, found: node, at: path)
                return nil
            })
    }
}
