import ShockFlowModel
import Yams

/// A scenario's `economy` as written: a built-in name or a folder path (`economy: china-2017`), or a
/// built-in table with construction options (`economy: {build: china-2017, options: {…}}`).
package struct EconomySpec: SchemaRecord {
    var path = FieldPath.root
    /// The name or path; for the mapping form, the table built.
    var name = ScenarioSchema.defaultEconomy
    /// Whether the mapping form was written (then `options` applies).
    var isBuild = false
    var options = BuildOptionsSpec()
}

/// `economy.options`: `ConstructionOptions` in snake case (docs/china-2017.md); `perturbation_seed`
/// defaults to the scenario's `horizon.seed`.
struct BuildOptionsSpec: SchemaRecord {
    var path = FieldPath.root
    var distanceExponent = 0.0
    var tradeTotalsRule = TradeTotalsRule.mean
    var underReportingThreshold = 0.0
    var localSupplyShareCap = 0.0
    var balancingTolerance = 0.0
    var maximumBalancingIterations = 0
    var localSupplyRoundOff = 0.0
    var outputRoundOff = 0.0
    var perturbationCV = 0.0
    var perturbationSeed: Int?
}

extension ScenarioSpec {
    /// The table the scenario's `economy` builds in memory, nil when it names an economy (a name,
    /// a path, or a built table with the default options, which is the cached one).
    var economyVariant: EconomyVariant? {
        guard economy.isBuild else { return nil }
        let options = economy.options
        let construction = ConstructionOptions(
            distanceExponent: options.distanceExponent, tradeTotalsRule: options.tradeTotalsRule,
            underReportingThreshold: options.underReportingThreshold == 0 ? nil : options.underReportingThreshold,
            localSupplyShareCap: options.localSupplyShareCap, balancingTolerance: options.balancingTolerance,
            maximumBalancingIterations: options.maximumBalancingIterations, localSupplyRoundOff: options.localSupplyRoundOff,
            outputRoundOff: options.outputRoundOff, perturbationCoefficientOfVariation: options.perturbationCV,
            perturbationSeed: UInt64(max(0, options.perturbationSeed ?? horizon.seed)))
        let variant = EconomyVariant(recipe: economy.name, construction: construction)
        return variant.isDefault ? nil : variant
    }
}

extension ScenarioSchema {
    static var builtEconomy: ObjectSchema<EconomySpec> {
        ObjectSchema(fields: [
            .required(
                "build", \.name, .builtTable,
                doc: "The built-in table to build: `china-2017` (docs/china-2017.md)."),
            .field(
                "options", \.options, buildOptions.valueSchema, default: buildOptions.defaults,
                doc: "Construction choices; a table with other options than the defaults is built in memory, not cached."),
        ])
    }

    static var buildOptions: ObjectSchema<BuildOptionsSpec> {
        let defaults = ConstructionOptions()
        func number(_ name: ConstructionOptionName, _ keyPath: WritableKeyPath<BuildOptionsSpec, Double>, _ value: Double)
            -> FieldSchema<BuildOptionsSpec>
        {
            .field(name.rawValue, keyPath, .number(name.range ?? NumberRange()), default: value, doc: name.doc)
        }
        let iterations = ConstructionOptionName.maximumBalancingIterations
        return ObjectSchema(fields: [
            number(.distanceExponent, \.distanceExponent, defaults.distanceExponent),
            .field(
                ConstructionOptionName.tradeTotalsRule.rawValue, \.tradeTotalsRule, .choice, default: defaults.tradeTotalsRule,
                doc: ConstructionOptionName.tradeTotalsRule.doc),
            number(.underReportingThreshold, \.underReportingThreshold, defaults.underReportingThreshold ?? 0),
            number(.localSupplyShareCap, \.localSupplyShareCap, defaults.localSupplyShareCap),
            number(.balancingTolerance, \.balancingTolerance, defaults.balancingTolerance),
            .field(
                iterations.rawValue, \.maximumBalancingIterations,
                .integer(minimum: Int(iterations.range?.minimum ?? 1), maximum: Int(iterations.range?.maximum ?? 1)),
                default: defaults.maximumBalancingIterations, doc: iterations.doc),
            number(.localSupplyRoundOff, \.localSupplyRoundOff, defaults.localSupplyRoundOff),
            number(.outputRoundOff, \.outputRoundOff, defaults.outputRoundOff),
            number(.perturbationCV, \.perturbationCV, defaults.perturbationCoefficientOfVariation),
            .optional(
                ConstructionOptionName.perturbationSeed.rawValue, \.perturbationSeed, .integer(minimum: 0),
                doc: ConstructionOptionName.perturbationSeed.doc, whenAbsent: "the scenario's `horizon.seed`"),
        ])
    }
}

extension ValueSchema where Value == EconomySpec {
    /// `economy`: text (a built-in name or a folder path), or a mapping `{build, options}`.
    static var economy: ValueSchema<EconomySpec> {
        let mapping = ScenarioSchema.builtEconomy.valueSchema
        return ValueSchema(
            json: .object([("oneOf", .array([.object([("type", .string("string"))]), mapping.json]))]),
            summary: "name or path, or mapping `{build, options}`",
            outline: mapping.outline,
            encode: { .string($0.name) },
            decode: { node, path, diagnostics in
                if case .mapping = node {
                    guard var spec = mapping.decode(node, path, &diagnostics) else { return nil }
                    spec.isBuild = true
                    return spec
                }
                guard case .scalar(let scalar) = node, case .text(let name) = PlainScalar(scalar) else {
                    diagnostics.reportType(
                        expected: "an economy name or path, or a mapping `{build: china-2017, options: {…}}`", found: node, at: path)
                    return nil
                }
                var spec = EconomySpec()
                spec.path = path
                spec.name = name
                return spec
            })
    }
}

extension ValueSchema where Value == String {
    /// The name of a built-in table ShockFlow builds from raw inputs (`BuiltEconomyCache.names`).
    static var builtTable: ValueSchema<String> {
        let names = BuiltEconomyCache.names
        let expected = "the name of a table ShockFlow builds: " + names.map { "`\($0)`" }.joinedAsAlternatives()
        return ValueSchema(
            json: .object([("type", .string("string")), ("enum", .array(names.map { .string($0) }))]),
            summary: names.map { "`\($0)`" }.joined(separator: " \\| "),
            encode: { .string($0) },
            decode: { node, path, diagnostics in
                guard case .scalar(let scalar) = node, case .text(let name) = PlainScalar(scalar) else {
                    diagnostics.reportType(expected: expected, found: node, at: path)
                    return nil
                }
                guard names.contains(name) else {
                    diagnostics.report(
                        "'\(name)' is not a table ShockFlow builds (\(expected)); other economies are named with "
                            + "`economy: NAME` and take no options", at: path, location: node.location)
                    return nil
                }
                return name
            })
    }
}
