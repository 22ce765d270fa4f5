import ShockFlowModel
import Yams

/// The sweep file format, version 1 (docs/sweep-format.md), written once with the scenario schema's
/// building blocks: the validator and the reference come from these definitions.
enum SweepSchema {
    static let version = 1

    static var root: ObjectSchema<SweepSpec> {
        ObjectSchema(fields: [
            .required(
                "schema_version", \.schemaVersion, .schemaVersion,
                doc: "Version of this file format; this build reads version \(version)."),
            .required("name", \.name, .identifier, doc: "Short name of the sweep; results go to `results/<name>/`."),
            .optional("description", \.description, .text, doc: "What the sweep asks.", whenAbsent: "none"),
            .required(
                "scenario", \.scenario, .scenarioReference,
                doc: "The base scenario: a file path relative to this file, or a scenario mapping written inline."),
            .required("design", \.design, design.valueSchema, doc: "How the runs are sampled."),
            .required(
                "parameters", \.parameters, .list(of: parameter.valueSchema, maximumCount: 1000),
                doc: "The uncertain inputs: a path into the scenario and a distribution each."),
            .required(
                "outputs", \.outputs, .list(of: output.valueSchema, maximumCount: 1000),
                doc: "The numbers kept per run: rows of `summary.csv` or named aggregates of a metric."),
        ])
    }

    static var design: ObjectSchema<SweepDesignSpec> {
        ObjectSchema(fields: [
            .required("method", \.method, .choice, doc: "The sampling design (MODEL section 5)."),
            .required(
                "samples", \.samples, .integer(minimum: 1, maximum: 100_000_000),
                doc: "Runs for `random`, `lhs`, `sobol`; the base sample N for `saltelli` (N·(d+2) runs, N a power of 2); "
                    + "trajectories for `morris` (r·(d+1) runs); levels per parameter for `grid` "
                    + "(a `discrete` parameter takes each of its own levels once)."),
            .field("seed", \.seed, .integer(minimum: 0), default: 1, doc: "Seed of the sample and of the bootstrap."),
            .field(
                "levels", \.levels, .integer(minimum: 2, maximum: SamplingDesign.maximumMorrisLevels), default: 4,
                doc: "Grid levels p of the `morris` design (even)."),
            .field(
                "second_order", \.secondOrder, .boolean, default: false,
                doc: "`saltelli` only: also sample and estimate second-order indices (N·(2d+2) runs)."),
            .field(
                "bootstrap_resamples", \.bootstrapResamples, .integer(minimum: 1, maximum: 100_000), default: 100,
                doc: "Bootstrap resamples for the confidence intervals of Sobol' and Morris indices."),
            .field(
                "confidence_level", \.confidenceLevel, .number(NumberRange(minimum: 0, minimumIsExclusive: true, maximum: 1, maximumIsExclusive: true)),
                default: 0.95, doc: "Level of the bootstrap confidence intervals."),
        ])
    }

    static var parameter: VariantSchema<SweepParameterSpec, SweepDistributionKind> {
        let any = NumberRange()
        let lower = FieldSchema<SweepParameterSpec>.required("lower", \.lower, .number(any), doc: "Lowest value.")
        let upper = FieldSchema<SweepParameterSpec>.required("upper", \.upper, .number(any), doc: "Highest value.")
        let mean = FieldSchema<SweepParameterSpec>.required("mean", \.mean, .number(any), doc: "Mean of the normal.")
        let deviation = FieldSchema<SweepParameterSpec>.required(
            "sd", \.standardDeviation, .number(.above(0)), doc: "Standard deviation of the normal.")
        return VariantSchema(
            discriminator: "distribution", keyPath: \.distribution, noun: "distribution",
            common: [
                .required(
                    "path", \.target, .text,
                    doc: "Where the value goes in the scenario: `investment.eta`, `shocks.<id>.magnitude`, "
                        + "`substitution.<product>.theta` or `substitution[0].theta`, `priorities[2].tilt`."),
                .optional(
                    "name", \.name, .identifier, doc: "Column name in `samples.csv` and `sensitivity.csv`.",
                    whenAbsent: "the path"),
                .optional(
                    "group", \.group, .identifier,
                    doc: "`saltelli` only: parameters of one group move together and get one Sobol' index (SALib's groups).",
                    whenAbsent: "a group of its own"),
            ],
            cases: [
                VariantCase(kind: .uniform, doc: "Uniform on [lower, upper].", fields: [lower, upper]),
                VariantCase(kind: .log_uniform, doc: "log X uniform on [log lower, log upper]; lower > 0.", fields: [lower, upper]),
                VariantCase(kind: .normal, doc: "Normal(mean, sd), unbounded.", fields: [mean, deviation]),
                VariantCase(
                    kind: .truncated_normal, doc: "Normal(mean, sd) restricted to [lower, upper].",
                    fields: [lower, upper, mean, deviation]),
                VariantCase(
                    kind: .triangular, doc: "Triangular on [lower, upper] with its peak at `mode`.",
                    fields: [lower, upper, .required("mode", \.mode, .number(any), doc: "The peak.")]),
                VariantCase(
                    kind: .discrete, doc: "Equally likely values, in the order given: a unit sample u takes level ⌊u·k⌋.",
                    fields: [
                        .required(
                            "levels", \.levels, .list(of: .sweepLevel, maximumCount: 10_000),
                            doc: "The values: numbers, or text, true or false and lists (written into the scenario as they are).")
                    ]),
            ])
    }

    static var output: ObjectSchema<SweepOutputSpec> {
        ObjectSchema(
            fields: [
                .optional(
                    "summary", \.summary, .identifier, doc: "A metric row of the run's `summary.csv` "
                        + "(e.g. `cumulative_value_added_loss`).", whenAbsent: "give `metric`"),
                .optional(
                    "metric", \.metric, .identifier, doc: "A metric of `cells.csv` aggregated over the selected cells.",
                    whenAbsent: "give `summary`"),
                .optional(
                    "name", \.name, .identifier, doc: "Column name in `outputs.csv`.",
                    whenAbsent: "the summary row, or `<metric>_<statistic>`"),
                .field("regions", \.regions, .selector(of: "regions"), default: .everything, doc: "Regions summed (`metric`)."),
                .field("sectors", \.sectors, .selector(of: "sectors"), default: .everything, doc: "Sectors summed (`metric`)."),
                .field(
                    "statistic", \.statistic, .choice, default: .cumulative_difference,
                    doc: "How periods are combined: scenario − baseline summed over periods, the loss (baseline − scenario), "
                        + "the loss in % of the baseline, the scenario's or the difference's last period."),
            ],
            exactlyOneOf: ["summary", "metric"])
    }
}

extension ValueSchema where Value == ScenarioReference {
    /// A path (text) or a mapping (an inline scenario).
    static var scenarioReference: ValueSchema<ScenarioReference> {
        ValueSchema(
            json: .object([("type", .array([.string("string"), .string("object")]))]),
            summary: "path or mapping",
            encode: { _ in nil },
            decode: { node, path, diagnostics in
                switch node {
                case .mapping: return .inline(node)
                case .scalar(let scalar):
                    if case .text(let text) = PlainScalar(scalar), !text.isEmpty { return .file(text) }
                default: break
                }
                diagnostics.reportType(expected: "a scenario file path or an inline scenario mapping", found: node, at: path)
                return nil
            })
    }
}
