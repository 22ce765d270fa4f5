import Foundation
import ShockFlowLinearAlgebra
import ShockFlowModel
import ShockFlowTestSupport
import Testing

/// The plan-horizon loop (MODEL section 4) against the independent numpy implementation of
/// `scripts/fixtures/rationing_reference.py`, which runs every scenario and its baseline on
/// its own and projects the weights by bisection: 8 quarters, capacity, import, demand,
/// export and budget shocks, plan priorities, strategic cells, bounds on groups of regions,
/// substitution (one limited to some regions), a budget override and capital stocks K = D/δ.
@Suite struct DynamicsReferenceTests {
    /// `scenarios.json` as the reference script writes it.
    struct ReferenceFile: Decodable {
        struct Parameters: Decodable {
            var headroom, annual_depreciation, annual_growth, eta, alpha, beta, lambda, cap_multiple: Double
            var strategic_weight: Double
            var gestation_lag: Int
            var regional_bounds: [Bound]
            var priorities: [Double]
            var strategic_cells: [String: Double]
            var substitutability: [String: Double]
            var annual_budget: Double?
            var capital_stocks: String
        }
        struct Bound: Decodable {
            var regions: [Int]
            var range: [Double]
        }
        struct Profile: Decodable {
            var type: String
            var start: Int?
            var end: Int?
            var periods: Int?
            var half_life: Double?
            var values: [Double]?
        }
        struct ReferenceShock: Decodable {
            var id, kind: String
            var cells, products, columns: [Int]?
            var magnitude, share: Double
            var profile: Profile
        }
        struct ReferenceScenario: Decodable {
            var name: String
            var parameters: Parameters
            var shocks: [ReferenceShock]
        }
        var periods: Int
        var period_length: Double
        var scenarios: [ReferenceScenario]
    }

    static func scenario(_ reference: ReferenceFile.ReferenceScenario) throws -> Scenario {
        let p = reference.parameters
        var parameters = ScenarioParameters()
        parameters.headroom = .uniform(p.headroom)
        parameters.annualDepreciation = p.annual_depreciation
        parameters.annualGrowth = p.annual_growth
        parameters.gestationLag = p.gestation_lag
        parameters.learningRate = p.eta
        parameters.shortageWeight = p.alpha
        parameters.idlenessWeight = p.beta
        parameters.anchor = p.lambda
        parameters.weightCaps = .multipleOfBaseWeight(p.cap_multiple)
        parameters.regionalWeightBounds = p.regional_bounds.map { RegionalWeightBound(regions: $0.regions, range: $0.range[0]...$0.range[1]) }
        if !p.priorities.isEmpty { parameters.priorities = .perCell(p.priorities) }
        parameters.strategicCells = Dictionary(uniqueKeysWithValues: p.strategic_cells.map { (Int($0.key) ?? -1, $0.value) })
        parameters.annualBudget = p.annual_budget
        parameters.capitalStocks = p.capital_stocks == "calibrated" ? .calibrated : .depreciationOverRate
        parameters.strategicWeight = p.strategic_weight
        parameters.substitutability = Dictionary(uniqueKeysWithValues: p.substitutability.map { (Int($0.key) ?? -1, $0.value) })
        let shocks = try reference.shocks.map { shock -> Shock in
            let profile: ShockProfile
            switch shock.profile.type {
            case "step": profile = .step(start: shock.profile.start ?? 0, end: shock.profile.end)
            case "ramp": profile = .ramp(start: shock.profile.start ?? 0, periods: shock.profile.periods ?? 1, end: shock.profile.end)
            case "recovery": profile = .recovery(start: shock.profile.start ?? 0, halfLife: shock.profile.half_life ?? 1)
            default: profile = .series(shock.profile.values ?? [])
            }
            let kind: Shock.Kind
            switch shock.kind {
            case "capacity": kind = .capacity(cells: shock.cells ?? [])
            case "import": kind = .imports(products: shock.products ?? [])
            case "export": kind = .exports(cells: shock.cells ?? [], finalDemandColumns: shock.columns ?? [])
            case "demand": kind = .demand(cells: shock.cells ?? [], finalDemandColumns: shock.columns ?? [])
            case "investment": kind = .investmentBudget
            default: throw ReferenceFolder.ReadError.missingResources
            }
            return Shock(id: shock.id, kind: kind, magnitude: shock.magnitude, share: shock.share, profile: profile)
        }
        return Scenario(name: reference.name, parameters: parameters, shocks: shocks)
    }

    @Test func eightQuartersMatchNumpyReference() throws {
        let folder = try ReferenceFolder(rationing: "loop-2x4")
        let file = try JSONDecoder().decode(
            ReferenceFile.self, from: Data(contentsOf: folder.url.appendingPathComponent("scenarios.json")))
        let model = try PlanHorizonModel(
            rationing: folder.rationingModel(options: RationingOptions(tolerance: 1e-13)),
            finalDemand: folder.matrix("Y"), capitalFormation: folder.matrix("gfcf"),
            depreciation: folder.vector("depreciation"),
            horizon: PlanHorizon(periods: file.periods, periodLength: file.period_length))
        let scenarios = try file.scenarios.map(Self.scenario)
        let result = try model.run(scenarios)
        let metrics: [(String, (PeriodRecord) -> Matrix)] = [
            ("x", { $0.rationing.output }), ("capacity", { $0.rationing.capacity }), ("d", { $0.rationing.ordered }),
            ("rho", { $0.rationing.rationing }), ("value_added", { $0.rationing.valueAdded }),
            ("delivered_final", { $0.rationing.deliveredFinal }), ("unmet_final", { $0.rationing.unmetFinal }),
            ("investment_weight", { $0.investmentWeight }), ("investment", { $0.investment }), ("capital", { $0.capital }),
            ("import_use", { $0.rationing.importUse }), ("import_shortfall", { $0.rationing.importShortfall }),
            ("substituted", { $0.rationing.substituted }), ("thetahat", { $0.rationing.substitutionShare }),
        ]
        for (name, metric) in metrics {
            for (prefix, columns) in [("expected_", result.batch.scenarioColumns), ("baseline_", result.batch.baselineColumns)] {
                let expected = try folder.matrix(prefix + name)
                let rows = metric(result.periods[0]).rows
                var actual = Matrix(rows: rows * result.periods.count, columns: columns.count)
                for record in result.periods {
                    let values = metric(record)
                    for (target, column) in columns.enumerated() {
                        for row in 0..<rows { actual[record.period * rows + row, target] = values[row, column] }
                    }
                }
                expectClose(actual, expected, relative: 1e-9, prefix + name)
            }
        }
    }
}
