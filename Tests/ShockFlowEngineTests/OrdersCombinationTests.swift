import Foundation
import ShockFlowFormats
import ShockFlowLinearAlgebra
import ShockFlowTestSupport
import Testing

@testable import ShockFlowEngine
@testable import ShockFlowModel

/// The orders of MODEL (13) combined from solves made once (`OrdersCombination`: L·y_base, L·Γ and the
/// shocked final-demand patterns) against the reference, one triangular solve of each period's whole
/// final demand y(t) (`LUFactorization.solve`): equal to 1e-12 relative, entry by entry, in every period
/// of every shipped dynamic scenario and of a stress scenario with every shock kind the dynamic model
/// takes. (Here, not with the model's tests, because it loads the built-in china-2017.)
@Suite(.serialized) struct OrdersCombinationTests {
    static let shipped = [
        "five-year-plan-baseline", "chip-export-controls", "rare-earth-export-restrictions", "soybean-import-shock",
        "tech-decoupling",
    ]

    /// Every kind of shock of the dynamic model (docs/scenario-format.md), every profile type, shocks that
    /// overlap on final-demand entries (demand on Beijing's sectors, demand on electronics everywhere,
    /// exports of electronics) and one that removes the flows it targets (magnitude −1), with substitution.
    static let stress = """
        schema_version: 1
        name: every-shock-kind
        economy: china-2017
        horizon: {periods: 8, period: quarter, seed: 1}
        model: dynamic
        shocks:
          - {id: capacity, kind: capacity, regions: [CN-GD, CN-JS], sectors: ["20", "16"], magnitude: 0.3, profile: {type: step, start: 1, end: 5}}
          - {id: imports, kind: import, products: "20", share: 0.78, magnitude: 0.6, profile: {type: recovery, start: 1, half_life: 3}}
          - {id: exports, kind: export, sectors: ["20", "21"], magnitude: 0.4, profile: {type: ramp, start: 0, periods: 3}}
          - {id: beijing, kind: demand, regions: CN-BJ, sectors: "*", magnitude: -0.2, profile: {type: series, values: [0, 0.5, 1, 1, 0.5, 0.2, 0, 0]}}
          - {id: electronics, kind: demand, sectors: "20", magnitude: 0.1, profile: {type: event, occurrence: 2, duration: 2, recovery_tau: 3}}
          - {id: removed, kind: demand, regions: CN-XZ, sectors: "01", magnitude: -1, profile: {type: step, start: 2}}
          - {id: budget, kind: investment, magnitude: -0.3, profile: {type: step, start: 2}}
          - {id: dearer, kind: import_price, products: "20", magnitude: 0.5, profile: step}
          - {id: wages, kind: cost, sectors: "01", magnitude: 0.1, profile: step}
        substitution:
          - {product: "20", sector: "20", theta: 0.5, regions: [CN-JS, CN-SH, CN-GD]}
        critical_inputs:
          threshold: 0.05
          pairs:
            - {input: "20", from: both, for: ["16", "17", "18", "21"]}
        """

    /// The largest entry-wise |combined − solved| / |solved| over every period and column (an entry whose
    /// reference is exactly 0 counts |combined| against the largest order of its column).
    static func largestDeviation(_ resolved: ResolvedScenario, economy: Economy, variants: [Scenario] = []) throws -> Double {
        let (model, scenario) = try ScenarioRun.planHorizonModel(for: resolved, economy: economy)
        let batch = ScenarioBatch([scenario] + variants)
        let setups = try batch.columns.map { try ScenarioColumn(scenario: $0, model: model) }
        var loop = try PeriodLoop(model: model, setups: setups)
        var largest = 0.0
        for period in 0..<model.horizon.periods {
            let prepared = try loop.prepare(period: period)
            let combined = try loop.combination.orders(prepared.orderCoefficients)
            let solved = try model.rationing.factorization.solve(prepared.input.finalDemand)
            for column in 0..<solved.columns {
                let scale = solved.column(column).map(abs).max() ?? 0
                for row in 0..<solved.rows {
                    let (value, reference) = (combined[row, column], solved[row, column])
                    largest = max(largest, abs(value - reference) / (reference == 0 ? scale : abs(reference)))
                }
            }
            let record = try loop.solve(prepared)
            if period + 1 < model.horizon.periods { try loop.advance(after: record) }
        }
        return largest
    }

    @Test(arguments: shipped)
    func combinedOrdersEqualOneSolveOnShippedScenario(name: String) throws {
        let file = Fixtures.repository.appendingPathComponent("scenarios/\(name).yaml")
        let (resolved, loaded) = try ScenarioDocument(contentsOf: file, shownAs: file.path).resolveLoadingEconomy()
        let deviation = try Self.largestDeviation(resolved, economy: loaded.economy)
        #expect(deviation <= 1e-12, "\(deviation)")
    }

    /// The stress scenario alone, and in one batch with two variants whose magnitudes differ (they share
    /// the patterns of their final-demand entries; their factors differ).
    @Test func combinedOrdersEqualOneSolveWithEveryShockKind() throws {
        try withTemporaryDirectory { directory in
            let file = URL(fileURLWithPath: directory).appendingPathComponent("every-shock-kind.yaml")
            try Self.stress.write(to: file, atomically: true, encoding: .utf8)
            let (resolved, loaded) = try ScenarioDocument(contentsOf: file, shownAs: file.path).resolveLoadingEconomy()
            let scenario = resolved.modelScenario
            #expect(Set(scenario.shocks.map(\.id)).count == 9)
            let variants = [0.5, 1.7].enumerated().map { index, scale in
                var variant = scenario
                variant.name += "-\(index)"
                for shock in variant.shocks.indices { variant.shocks[shock].magnitude = min(1, max(-1, variant.shocks[shock].magnitude * scale)) }
                return variant
            }
            let alone = try Self.largestDeviation(resolved, economy: loaded.economy)
            let batched = try Self.largestDeviation(resolved, economy: loaded.economy, variants: variants)
            #expect(alone <= 1e-12 && batched <= 1e-12, "\(alone) \(batched)")
        }
    }
}
