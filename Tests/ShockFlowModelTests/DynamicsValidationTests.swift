import ShockFlowLinearAlgebra
import ShockFlowModel
import Testing

/// Parameters and shocks outside their documented ranges are typed errors naming the scenario,
/// the shock and the field, never a clamp or a crash.
@Suite struct DynamicsValidationTests {
    static func run(_ parameters: ScenarioParameters = ScenarioParameters(), shocks: [Shock] = []) throws {
        let economy = try RandomEconomy(regions: 2, sectors: 3, products: 1, seed: 3)
        let model = try economy.planHorizonModel(
            substitutes: [ImportSubstitute(product: 0, sector: 1)], horizon: PlanHorizon(periods: 4))
        _ = try model.run([Scenario(name: "bad", parameters: parameters, shocks: shocks)])
    }

    static func expectParameterError(_ field: String, _ change: (inout ScenarioParameters) -> Void) {
        var parameters = ScenarioParameters()
        change(&parameters)
        #expect {
            try run(parameters)
        } throws: { error in
            guard case .invalidParameter(let scenario, let name, _, _) = error as? PlanHorizonError else { return false }
            return scenario == "bad" && name.hasPrefix(field)
        }
    }

    static func expectShockError(_ field: String, _ shock: Shock) {
        #expect {
            try run(shocks: [shock])
        } throws: { error in
            guard let error = error as? ShockError else { return false }
            return error.scenario == "bad" && error.shock == shock.id && error.field == field
        }
    }

    @Test func parametersOutOfRange() {
        Self.expectParameterError("anchor λ") {
            $0.anchor = 0.01
            $0.weightCaps = .none
        }
        Self.expectParameterError("anchor λ") { $0.anchor = 1.5 }
        Self.expectParameterError("gestation lag") { $0.gestationLag = 0 }
        Self.expectParameterError("annual depreciation") { $0.annualDepreciation = 1 }
        Self.expectParameterError("learning rate") { $0.learningRate = .nan }
        Self.expectParameterError("headroom") { $0.headroom = .uniform(-0.1) }
        Self.expectParameterError("priorities") { $0.priorities = .perCell([1, 2]) }
        Self.expectParameterError("weight cap multiple") { $0.weightCaps = .multipleOfBaseWeight(0.5) }
        Self.expectParameterError("strategic cells") { $0.strategicCells = [99: 1] }
        Self.expectParameterError("substitutability θ") { $0.substitutability = [0: 1.2] }
        Self.expectParameterError("regional weight bounds") { $0.regionalWeightBounds = [RegionalWeightBound(regions: [7], range: 0.1...0.2)] }
        Self.expectParameterError("regional weight bounds") {
            $0.regionalWeightBounds = [
                RegionalWeightBound(regions: [0], range: 0.1...0.2), RegionalWeightBound(regions: [0, 1], range: 0...1),
            ]
        }
        Self.expectParameterError("investment budget") { $0.annualBudget = -1 }
        Self.expectParameterError("strategic weight of cell") { $0.strategicCells = [0: -1] }
    }

    /// λ below 0.05 is allowed when the caps hold the weights.
    @Test func smallAnchorWithCapsIsAllowed() throws {
        var parameters = ScenarioParameters()
        parameters.anchor = 0.01
        try Self.run(parameters)
    }

    @Test func infeasibleRegionalBounds() {
        var parameters = ScenarioParameters()
        parameters.regionalWeightBounds = [
            RegionalWeightBound(regions: [0], range: 0.7...0.8), RegionalWeightBound(regions: [1], range: 0.5...0.6),
        ]
        #expect {
            try Self.run(parameters)
        } throws: { error in
            guard case .infeasibleWeightBounds(let scenario, _) = error as? PlanHorizonError else { return false }
            return scenario == "bad"
        }
    }

    @Test func shocksOutOfRange() {
        Self.expectShockError("magnitude", Shock(id: "a", kind: .capacity(cells: [0]), magnitude: 1.5, profile: .step(start: 0)))
        Self.expectShockError("magnitude", Shock(id: "b", kind: .demand(cells: [0], finalDemandColumns: []), magnitude: -2, profile: .step(start: 0)))
        Self.expectShockError("share", Shock(id: "c", kind: .imports(products: [0]), magnitude: 0.5, share: 1.1, profile: .step(start: 0)))
        Self.expectShockError("cells", Shock(id: "d", kind: .capacity(cells: [6]), magnitude: 0.5, profile: .step(start: 0)))
        Self.expectShockError("cells", Shock(id: "e", kind: .capacity(cells: []), magnitude: 0.5, profile: .step(start: 0)))
        Self.expectShockError("products", Shock(id: "f", kind: .imports(products: [1]), magnitude: 0.5, profile: .step(start: 0)))
        Self.expectShockError("final-demand columns", Shock(id: "g", kind: .exports(cells: [0], finalDemandColumns: []), magnitude: 0.5, profile: .step(start: 0)))
        Self.expectShockError("profile.series", Shock(id: "h", kind: .investmentBudget, magnitude: 0.5, profile: .series([1, 1])))
        Self.expectShockError("profile.series", Shock(id: "i", kind: .investmentBudget, magnitude: 0.5, profile: .series([0, 2, 0, 0])))
        Self.expectShockError("profile.half_life", Shock(id: "j", kind: .investmentBudget, magnitude: 0.5, profile: .recovery(start: 0, halfLife: 0)))
        Self.expectShockError("profile.end", Shock(id: "k", kind: .investmentBudget, magnitude: 0.5, profile: .step(start: 3, end: 1)))
        Self.expectShockError("profile.periods", Shock(id: "l", kind: .investmentBudget, magnitude: 0.5, profile: .ramp(start: 0, periods: 0)))
    }

    @Test func duplicateShockIDs() {
        let shock = Shock(id: "same", kind: .investmentBudget, magnitude: 0.1, profile: .step(start: 0))
        #expect(throws: ShockError.self) { try Self.run(shocks: [shock, shock]) }
    }

    /// The rationing step refuses inputs outside their ranges, naming the field.
    @Test func rationingInputsOutOfRange() throws {
        let economy = try RandomEconomy(regions: 2, sectors: 3, products: 1, seed: 3)
        let model = try economy.rationingModel()
        let y = Matrix(column: try economy.finalDemand.rowSums())
        #expect(throws: RationingError.valueOutOfRange(field: "import availability φ", index: 0, column: 0, value: 1.5, expected: "a share in [0, 1]")) {
            try model.solve(RationingInput(capacity: y, finalDemand: y, importAvailability: Matrix(column: [1.5]), importProductCount: 1))
        }
        #expect(throws: RationingError.substitutabilityWithoutSubstitute(product: 0, column: 0)) {
            try model.solve(RationingInput(capacity: y, finalDemand: y, substitutability: Matrix(column: [0.5]), importProductCount: 1))
        }
        #expect(throws: RationingError.self) {
            try model.solve(RationingInput(capacity: Matrix(column: [1, 2]), finalDemand: y, importProductCount: 1))
        }
    }
}
