/// The scenario file format, version 1: every field, its type, range, default and meaning, written once.
/// The validator, `shockflow schema` (JSON Schema) and the reference in docs/scenario-format.md all
/// come from these definitions. Equation numbers refer to MODEL.md.
enum ScenarioSchema {
    /// The schema version this build reads; files declaring a newer one are refused.
    static let version = 1
    static let defaultEconomy = "china-2017"

    /// Built once: a sweep checks every run's scenario against it. Immutable after it is built, so
    /// threads read it side by side (its closures capture nothing mutable).
    nonisolated(unsafe) static let root: ObjectSchema<ScenarioSpec> = {
        ObjectSchema(fields: [
            .required(
                "schema_version", \.schemaVersion, .schemaVersion,
                doc: "Version of this file format; this build reads version \(version)."),
            .required(
                "name", \.name, .identifier,
                doc: "Short name of the scenario; results go to `results/<name>/`."),
            .optional("description", \.description, .text, doc: "What the scenario represents.", whenAbsent: "none"),
            .field(
                "economy", \.economy, .economy, default: EconomySpec(),
                doc: "Built-in economy name, or the path of an economy folder relative to this file; or a built-in table "
                    + "built with construction options, `{build: china-2017, options: {…}}`."),
            .field("horizon", \.horizon, horizon.valueSchema, default: horizon.defaults, doc: "Periods to simulate."),
            .field("model", \.model, model.valueSchema, default: ModelSpec(), doc: "The model to run."),
            .field(
                "investment", \.investment, investment.valueSchema, default: investment.defaults,
                doc: "Budget, capital and the flow of investment weights (MODEL (19)–(24)); dynamic model only."),
            .field(
                "priorities", \.priorities, .list(of: priority.valueSchema), default: [],
                doc: "Plan tilts π of the base investment weights, W(0) ∝ K ∘ exp(π); tilts of overlapping entries add up."),
            .optional(
                "plan", \.plan, plan.valueSchema,
                doc: "Plan tilts π from a table of cited plan priorities (docs/plan.md); `priorities` entries add on top.",
                whenAbsent: "none: π from `priorities` only"),
            .field(
                "strategic", \.strategic, .list(of: strategic.valueSchema), default: [],
                doc: "Sectors (or imported products, through their substitute sector) marked strategic in the score (21)."),
            .field(
                "critical_inputs", \.criticalInputs, criticalInputs.valueSchema, default: criticalInputs.defaults,
                doc: "Which inputs are indispensable, K and Kᵐ in (17)."),
            .field(
                "substitution", \.substitution, .list(of: substitution.valueSchema), default: [],
                doc: "Imported products that a domestic sector can replace, with substitutability θ (section 3)."),
            .field("prices", \.prices, prices.valueSchema, default: prices.defaults, doc: "Options of the price model (docs/prices.md)."),
            .field(
                "shocks", \.shocks, .list(of: shock.valueSchema), default: [],
                doc: "The shocks. May be empty only for the `dynamic` and `ario` models (a baseline run); `extraction` takes none."),
            .field("results", \.results, results.valueSchema, default: results.defaults, doc: "What an `ario` run writes."),
        ])
    }()

    static var horizon: ObjectSchema<HorizonSpec> {
        ObjectSchema(fields: [
            .field(
                "periods", \.periods, .integer(minimum: 1, maximum: 1826), default: 20,
                doc: "Number of periods T (20 quarters: a five-year plan; 1826 days: five years of the `ario` model)."),
            .field("period", \.period, .periodLength, default: .quarter, doc: "Length of one period."),
            .field(
                "seed", \.seed, .integer(minimum: 0), default: 0,
                doc: "Seed of every random draw made for this scenario (same seed, same results)."),
        ])
    }

    static var model: VariantSchema<ModelSpec, ModelKind> {
        VariantSchema(
            discriminator: "type", keyPath: \.type, noun: "model", common: [],
            cases: [
                VariantCase(
                    kind: .dynamic,
                    doc: "The plan horizon of MODEL section 4: rationing (13)–(17), capital and investment weights (18)–(24).",
                    fields: []),
                VariantCase(
                    kind: .leontief, doc: "Demand-driven response Δx = L·Δy (7) to the demand and export shocks at full strength.",
                    fields: []),
                VariantCase(
                    kind: .ghosh,
                    doc: "Supply-driven response (8) to the capacity and import shocks, read as losses of primary inputs.",
                    fields: []),
                VariantCase(
                    kind: .iim, doc: "Inoperability q = (I − A*)⁻¹c* (12), with c* from the demand and export shocks.",
                    fields: []),
                VariantCase(
                    kind: .extraction, doc: "Hypothetical extraction (11) of the selected cells; takes no shocks.",
                    fields: [
                        .field(
                            "regions", \.regions, .selector(of: "regions"), default: .everything,
                            doc: "Regions of the extracted cells."),
                        .required("sectors", \.sectors, .selector(of: "sectors"), doc: "Sectors of the extracted cells."),
                    ]),
                VariantCase(
                    kind: .diim,
                    doc: "Dynamic inoperability q(t+1) = q(t) + K(A*q(t) + c*(t) − q(t)) over the horizon, c*(t) from the demand and export shocks and their profiles.",
                    fields: [
                        .field(
                            "resilience", \.resilience, .number(NumberRange(minimum: 0, minimumIsExclusive: true, maximum: 1)),
                            default: 0.5,
                            doc: "Resilience coefficient K per period, the same for every cell (an assumption: sweep it).")
                    ]),
                arioModel,
            ],
            bareNameAllowed: true)
    }

    static var investment: ObjectSchema<InvestmentSpec> {
        ObjectSchema(fields: [
            .optional(
                "budget", \.budget, .number(.atLeast(0)),
                doc: "Base-year investment budget B(0) per year, in the economy's money unit (19).",
                whenAbsent: "the economy's gross fixed capital formation (its `gfcf` final-demand columns)"),
            .field("growth", \.growth, .number(.closed(-0.5, 1)), default: 0.05, doc: "Growth rate g per year."),
            .field(
                "depreciation", \.depreciation, .number(NumberRange(minimum: 0, maximum: 1, maximumIsExclusive: true)),
                default: 0.05, doc: "Depreciation rate δ per year."),
            .field(
                "gestation_lag", \.gestationLag, .integer(minimum: 1, maximum: 40), default: 4,
                doc: "Periods G before investment becomes capital (20)."),
            .field(
                "capital_stocks", \.capitalStocks, .choice, default: .calibrated,
                doc:
                    "`calibrated`: ΣK = B(0)/((δ+g)(1+g)^(G−1)), shared out by depreciation of fixed assets (the balanced path); `depreciation`: K = D/δ per cell."
            ),
            .field("eta", \.eta, .number(.closed(0, 100)), default: 1, doc: "Learning rate η of the weights (22)."),
            .field("alpha", \.alpha, .number(.atLeast(0)), default: 1, doc: "Weight α of shortages in the score (21)."),
            .field("beta", \.beta, .number(.atLeast(0)), default: 0.5, doc: "Weight β of idleness in the score (21)."),
            .field(
                "lambda", \.lambda, .number(.unitInterval), default: 0.1,
                doc: "Anchor λ to the base weights W(0) (23); at least 0.05 unless `caps` is written."),
            .field(
                "caps", \.caps, .number(.atLeast(1)), default: 5,
                doc: "Per-cell cap of the weights as a multiple of W(0): W_i ≤ caps·W_i(0) (23)."),
            .field(
                "regional_bounds", \.regionalBounds, .list(of: regionalBound.valueSchema), default: [],
                doc: "Bounds on the regions' summed weights (23); a region may appear in one bound only."),
            .field(
                "headroom", \.headroom, .number(.closed(0, 10)), default: 0.1,
                doc: "Capacity headroom ε over base output (18)."),
            .field(
                "strategic_weight", \.strategicWeight, .number(.unitInterval), default: 0.2,
                doc: "strategic_i of the sectors not marked strategic (21)."),
        ])
    }

    static var regionalBound: ObjectSchema<RegionalBoundSpec> {
        ObjectSchema(fields: [
            .required("regions", \.regions, .selector(of: "regions"), doc: "Regions whose weights are summed."),
            .field("minimum", \.minimum, .number(.unitInterval), default: 0, doc: "Lowest share of the weights."),
            .field("maximum", \.maximum, .number(.unitInterval), default: 1, doc: "Highest share of the weights."),
        ])
    }

    static var priority: ObjectSchema<PriorityEntry> {
        ObjectSchema(fields: [
            .field("regions", \.regions, .selector(of: "regions"), default: .everything, doc: "Regions tilted."),
            .required("sectors", \.sectors, .selector(of: "sectors"), doc: "Sectors tilted."),
            .required(
                "tilt", \.tilt, .number(.closed(-5, 5)),
                doc: "π added to the selected cells: their base weight is multiplied by exp(π)."),
            .optional(
                "reason", \.reason, .text, doc: "Why: the plan text or source behind the tilt.", whenAbsent: "none"),
        ])
    }

    static var strategic: ObjectSchema<StrategicEntry> {
        ObjectSchema(fields: [
            .optional("sectors", \.sectors, .selector(of: "sectors"), doc: "Strategic sectors.", whenAbsent: "give `products`"),
            .optional(
                "products", \.products, .selector(of: "imported products"),
                doc: "Imported products whose substitute sector (see `substitution`) is strategic.", whenAbsent: "give `sectors`"),
            .field(
                "regions", \.regions, .selector(of: "regions"), default: .everything,
                doc: "Regions where the sectors count as strategic."),
            .field("weight", \.weight, .number(.unitInterval), default: 1, doc: "strategic_i of the selected cells (21)."),
        ], exactlyOneOf: ["sectors", "products"])
    }

    static var criticalInputs: ObjectSchema<CriticalInputsSpec> {
        ObjectSchema(fields: [
            .field(
                "threshold", \.threshold, .number(NumberRange(minimum: 0, minimumIsExclusive: true, maximum: 1)), default: 0.05,
                doc: "τ: an input worth at least this share of the output's value is critical (K[i,j] = 1 when A[i,j] ≥ τ)."),
            .field(
                "strict_leontief", \.strictLeontief, .boolean, default: false,
                doc: "Every input critical (all-ones masks): an upper bound, not a forecast."),
            .field(
                "pairs", \.pairs, .list(of: criticalPair.valueSchema), default: [],
                doc: "Critical pairs on top of the threshold, in every region."),
        ])
    }

    static var prices: ObjectSchema<PricesSpec> {
        ObjectSchema(fields: [
            .field(
                "scarcity_elasticity", \.scarcityElasticity, .number(.atLeast(0)), default: 0,
                doc: "ε of the scarcity mark-up (docs/prices.md (P7)): a rationed cell's price rises by ε·(1 − ρ), ρ its "
                    + "share of orders delivered; 0 turns it off. Dynamic model only."),
        ])
    }

    static var criticalPair: ObjectSchema<CriticalPairSpec> {
        ObjectSchema(fields: [
            .required("input", \.input, .selector(of: "sectors or imported products"), doc: "The indispensable input."),
            .field(
                "from", \.from, .choice, default: .both,
                doc: "Whether the domestic sector, the imported product of that code, or both are critical."),
            .required("for", \.users, .selector(of: "sectors"), doc: "The sectors that cannot produce without it."),
            .field("enabled", \.enabled, .boolean, default: true, doc: entrySwitch("pair")),
        ])
    }

    static var substitution: ObjectSchema<SubstitutionEntry> {
        ObjectSchema(fields: [
            .required("product", \.product, .selector(of: "imported products"), doc: "Imported product(s) replaced."),
            .required("sector", \.sector, .selector(of: "sectors"), doc: "The one domestic sector s_p that replaces them."),
            .required("theta", \.theta, .number(.unitInterval), doc: "Substitutability θ_p: the share of the shortfall it can replace."),
            .field(
                "regions", \.regions, .selector(of: "regions"), default: .everything,
                doc: "Regions whose s_p cells may substitute."),
            .field("enabled", \.enabled, .boolean, default: true, doc: entrySwitch("entry")),
        ])
    }

    /// The `enabled` switch of a list entry, a structure parameter for sweeps.
    private static func entrySwitch(_ entry: String) -> String {
        "`false`: the \(entry) is left out, as if not written (its names are still checked); a switch to sweep."
    }

    static var shock: VariantSchema<ShockSpec, ShockKind> {
        let removedShare = NumberRange.unitInterval
        let change = NumberRange.atLeast(-1)
        let regions = FieldSchema<ShockSpec>.field(
            "regions", \.regions, .selector(of: "regions"), default: .everything, doc: "Regions hit.")
        let sectors = FieldSchema<ShockSpec>.required("sectors", \.sectors, .selector(of: "sectors"), doc: "Sectors hit.")
        let share = FieldSchema<ShockSpec>.field(
            "share", \.share, .number(.unitInterval), default: 1,
            doc: "Part of the 42-sector product group the shock touches (e.g. chips within electronics).")
        func magnitude(_ range: NumberRange, _ doc: String) -> FieldSchema<ShockSpec> {
            .required("magnitude", \.magnitude, .number(range), doc: doc)
        }
        return VariantSchema(
            discriminator: "kind", keyPath: \.kind, noun: "shock",
            common: [
                .required("id", \.id, .identifier, doc: "Unique name of the shock (used in sweeps: `shocks.<id>.magnitude`)."),
                .optional("description", \.description, .text, doc: "What the shock represents.", whenAbsent: "none"),
                .field(
                    "profile", \.profile, profile.valueSchema, default: ProfileSpec(),
                    doc: "How the shock's strength runs over time, from 0 to 1 of the magnitude."),
            ],
            cases: [
                VariantCase(
                    kind: .capacity, doc: "Capacity lost: s_i(t) = share·magnitude·profile(t) in (18).",
                    fields: [regions, sectors, share, magnitude(removedShare, "Share of capacity lost at full strength.")]),
                VariantCase(
                    kind: .import, doc: "Imports cut: φ_p(t) = 1 − share·magnitude·profile(t).",
                    fields: [
                        .required(
                            "products", \.products, .selector(of: "imported products"), doc: "Imported products cut."),
                        share, magnitude(removedShare, "Share of the imports removed at full strength."),
                    ]),
                VariantCase(
                    kind: .export, doc: "Exports cut: export column of y scaled by 1 − share·magnitude·profile(t).",
                    fields: [regions, sectors, share, magnitude(removedShare, "Share of the exports removed at full strength.")]),
                VariantCase(
                    kind: .demand, doc: "Final demand changed: y scaled by 1 + share·magnitude·profile(t).",
                    fields: [
                        regions, sectors,
                        .field(
                            "categories", \.categories, .selector(of: "final-demand categories"), default: .everything,
                            doc: "Final-demand categories changed."),
                        share, magnitude(change, "Relative change at full strength (−0.1 = a 10 % fall)."),
                    ]),
                VariantCase(
                    kind: .investment, doc: "Investment budget changed: B(t) scaled by 1 + magnitude·profile(t) (19).",
                    fields: [magnitude(change, "Relative change of the budget at full strength.")]),
                VariantCase(
                    kind: .importPrice,
                    doc: "Import price changed: p_m scaled by 1 + share·magnitude·profile(t) (docs/prices.md (P1)); quantities are not affected.",
                    fields: [
                        .required(
                            "products", \.products, .selector(of: "imported products"), doc: "Imported products whose price changes."),
                        .field(
                            "regions", \.regions, .selector(of: "regions"), default: .everything,
                            doc: "Regions of use: the regions that pay the new price."),
                        share, magnitude(change, "Relative price change at full strength (0.2 = 20 % dearer, ≥ −1)."),
                    ]),
                VariantCase(
                    kind: .cost,
                    doc: "Primary-input cost changed: the cells' value added per unit scaled by 1 + share·magnitude·profile(t) (docs/prices.md (P1)); quantities are not affected.",
                    fields: [
                        regions, sectors,
                        .field(
                            "components", \.components, .selector(of: "value-added components"), default: .everything,
                            doc: "Value-added components whose cost changes (e.g. `compensation_of_employees`); all of value added by default."),
                        .field(
                            "share", \.share, .number(.unitInterval), default: 1,
                            doc: "Part of the components' cost that changes."),
                        magnitude(change, "Relative cost change at full strength (0.1 = 10 % dearer, ≥ −1)."),
                    ]),
                capitalDestruction,
            ])
    }

    static var profile: VariantSchema<ProfileSpec, ProfileKind> {
        let start = FieldSchema<ProfileSpec>.field(
            "start", \.start, .integer(minimum: 0), default: 0, doc: "First period in force (periods count from 0).")
        let end = FieldSchema<ProfileSpec>.optional(
            "end", \.end, .integer(minimum: 0), doc: "Last period in force (inclusive).", whenAbsent: "to the end of the horizon")
        return VariantSchema(
            discriminator: "type", keyPath: \.type, noun: "profile", common: [],
            cases: [
                VariantCase(
                    kind: .step, doc: "Full strength from `start` to `end`.",
                    fields: [start, end]),
                VariantCase(
                    kind: .ramp,
                    doc: "Linear rise from `start` to full strength over `periods` periods: 1/n, 2/n, … 1, then full strength to `end`.",
                    fields: [
                        start, .required("periods", \.periods, .integer(minimum: 1), doc: "Periods n to reach full strength."), end,
                    ]),
                VariantCase(
                    kind: .recovery, doc: "Full strength at `start`, then halving every `half_life` periods.",
                    fields: [
                        start,
                        .required("half_life", \.halfLife, .number(.above(0)), doc: "Half-life in periods."),
                    ]),
                VariantCase(
                    kind: .series, doc: "One strength per period, from `values` or a CSV `file` (give exactly one).",
                    fields: [
                        .optional(
                            "values", \.values, .list(of: .number(.unitInterval)),
                            doc: "One number in [0, 1] per period of the horizon.", whenAbsent: "give `file`"),
                        .optional(
                            "file", \.file, .text,
                            doc: "CSV relative to this file: a `value` column (or `period,value`), one row per period.",
                            whenAbsent: "give `values`"),
                    ], exactlyOneOf: ["values", "file"]),
                eventProfile,
            ],
            bareNameAllowed: true)
    }
}

extension ValueSchema where Value == Int {
    /// `schema_version`: must be the version this build reads (a newer one is refused before this check).
    static var schemaVersion: ValueSchema<Int> {
        let version = ScenarioSchema.version
        return ValueSchema(
            json: .object([("type", .string("integer")), ("const", .number(Double(version)))]),
            summary: "`\(version)`",
            encode: { .number(Double($0)) },
            decode: { node, path, diagnostics in
                guard case .scalar(let scalar) = node, case .integer(version) = PlainScalar(scalar) else {
                    diagnostics.reportType(expected: "`\(version)`", found: node, at: path)
                    return nil
                }
                return version
            })
    }
}
