import ShockFlowLinearAlgebra
import ShockFlowModel
import ShockFlowTestSupport
import Testing

/// The scarcity mark-up of prices (docs/prices.md, (P7)) on Miller & Blair's example (section 2.6).
@Suite struct PriceScarcityTests {
    /// Agriculture delivers 80 % of its orders, manufacturing all (ρ = [0.8, 1]); with ε = 0.5 agriculture's
    /// mark-up is μ = [0.1, 0] and prices move by Lᵀ·μ: 0.1 × the first row of L = (1/0.7575)·[[0.95, 0.25],
    /// [0.20, 0.85]]. A period where every order is delivered has no mark-up.
    @Test func markupPassesThroughTheLeontiefPrices() throws {
        let economy = try HandMadeEconomies.millerBlair()
        let model = try PriceModelTests.model(economy)
        let markups = try ScarcityMarkup.markups(rationing: [[0.8, 1], [1, 1]], elasticity: 0.5)
        expectClose(markups.column(0), [0.1, 0], relative: 1e-15, floor: .none, "μ")
        #expect(markups.column(1) == [0, 0])
        let responses = try model.markupResponses(markups)
        let change = try model.priceChange(
            responses: Matrix(rows: 2, columns: 0), drivers: [], factors: [], markupResponse: responses.column(0))
        expectClose(change, [0.95 * 0.1 / 0.7575, 0.25 * 0.1 / 0.7575], relative: 1e-13, floor: .none, "Δp")
        #expect(responses.column(1) == [0, 0])
    }

    @Test func markupsOfTheWrongShapeAreRefused() throws {
        #expect(throws: PriceModelError.self) { try ScarcityMarkup.markups(rationing: [[0.8, 1], [1]], elasticity: 0.5) }
        let model = try PriceModelTests.model(try HandMadeEconomies.millerBlair())
        #expect(throws: PriceModelError.self) { try model.markupResponses(Matrix(rows: 3, columns: 1)) }
    }
}
