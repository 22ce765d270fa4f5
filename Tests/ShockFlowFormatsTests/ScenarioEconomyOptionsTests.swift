import Foundation
import ShockFlowFormats
import ShockFlowModel
import Testing

/// A scenario's `economy` as a built table with construction options:
/// `economy: {build: china-2017, options: {…}}` (docs/scenario-format.md).
@Suite struct ScenarioEconomyOptionsTests {
    typealias Support = ScenarioTestSupport

    static func scenario(economy: String, seed: Int = 0) -> String {
        """
        schema_version: 1
        name: options
        economy: \(economy)
        horizon: {periods: 4, seed: \(seed)}
        """
    }

    /// The mapping without options, or with the default options (a seed without a coefficient of
    /// variation perturbs nothing), is the cached table: no variant, the same reference as `china-2017`.
    @Test func defaultOptionsNameTheCachedTable() {
        for economy in [
            "china-2017", "{build: china-2017}", "{build: china-2017, options: {distance_exponent: 1, perturbation_seed: 4}}",
            "{build: china-2017, options: {under_reporting_threshold: 0.5, trade_totals_rule: mean}}",
        ] {
            let document = Support.document(Self.scenario(economy: economy))
            #expect(document.problems.isEmpty, "\(economy): \(document.problems)")
            #expect(document.economyReference == "china-2017")
            #expect(document.economyVariant == nil, "\(economy)")
            let resolved = Support.resolve(Self.scenario(economy: economy))
            #expect(resolved?.economy == "china-2017" && resolved?.economyVariant == nil)
        }
    }

    /// Options other than the defaults make a variant built in memory; the perturbation's seed is the
    /// horizon's unless written.
    @Test func optionsMakeAVariant() throws {
        let written = Support.document(Self.scenario(
            economy: "{build: china-2017, options: {distance_exponent: 1.2, perturbation_cv: 0.15, perturbation_seed: 7}}", seed: 3))
        let variant = try #require(written.economyVariant)
        #expect(variant.recipe == "china-2017")
        #expect(variant.construction == ConstructionOptions(
            distanceExponent: 1.2, perturbationCoefficientOfVariation: 0.15, perturbationSeed: 7))
        #expect(variant.description == "china-2017 (distance_exponent 1.2, perturbation_cv 0.15, perturbation_seed 7)")
        let defaulted = Support.document(Self.scenario(economy: "{build: china-2017, options: {perturbation_cv: 0.5}}", seed: 3))
        #expect(defaulted.economyVariant?.construction.perturbationSeed == 3)
        let off = Support.document(Self.scenario(
            economy: "{build: china-2017, options: {under_reporting_threshold: 0, trade_totals_rule: smaller}}"))
        #expect(off.economyVariant?.construction.underReportingThreshold == nil)
        #expect(off.economyVariant?.construction.tradeTotalsRule == .smaller)
        #expect(off.economyVariant?.options.map(\.name) == ConstructionOptionName.allCases.map(\.rawValue))
        #expect(Support.resolve(Self.scenario(economy: "{build: china-2017, options: {perturbation_cv: 0.5}}", seed: 3))?
            .economyVariant == defaulted.economyVariant)
    }

    /// Unknown options, values out of range, a table ShockFlow does not build and a mapping without
    /// `build` are told at their field.
    @Test func badMappingsAreToldAtTheirField() {
        let cases: [(economy: String, field: String, message: String)] = [
            ("{build: china-2017, options: {distance_exponet: 2}}", "economy.options.distance_exponet",
             "unknown field `distance_exponet` — did you mean `distance_exponent`?"),
            ("{build: china-2017, options: {perturbation_cv: 3}}", "economy.options.perturbation_cv",
             "expected a number in [0, 2], found the number 3"),
            ("{build: china-2017, options: {perturbation_seed: 1.5}}", "economy.options.perturbation_seed",
             "expected a whole number at least 0, found the number 1.5"),
            ("{build: china-2017, options: {trade_totals_rule: max}}", "economy.options.trade_totals_rule",
             "unknown value \"max\" — did you mean `mean`? (expected one of `mean` or `smaller`)"),
            ("{build: world-2011}", "economy.build",
             "'world-2011' is not a table ShockFlow builds (the name of a table ShockFlow builds: `china-2017`); other "
                + "economies are named with `economy: NAME` and take no options"),
            ("{options: {distance_exponent: 2}}", "economy.build", "missing required field `build` (`china-2017`)"),
            ("[china-2017]", "economy",
             "expected an economy name or path, or a mapping `{build: china-2017, options: {…}}`, found a list"),
        ]
        for (economy, field, message) in cases {
            let problems = Support.document(Self.scenario(economy: economy)).problems
            #expect(problems.map(\.fieldPath) == [field], "\(economy)")
            #expect(problems.first?.message == message, "\(economy)")
        }
    }
}
