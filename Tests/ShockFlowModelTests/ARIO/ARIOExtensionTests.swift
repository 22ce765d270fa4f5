import Foundation
import ShockFlowLinearAlgebra
import ShockFlowModel
import Testing

/// ShockFlow's extensions of BoARIO (docs/ario.md, "Beyond BoARIO"), checked by hand on one
/// industry: inventories of imported inputs under an import cut (A26)–(A31), and final demand
/// changed by a demand shock (A25).
///
/// The economy, per day (annual values are 365 times these): output X⁰ = 100, own use Z⁰ = 20,
/// final demand Y⁰ = 80, imported inputs 10 (Aᵐ = 0.1). The domestic input is an infinite inventory
/// and α_max = α_base = 1, so the imported input alone can constrain production, and capacity stays 100.
@Suite struct ARIOExtensionTests {
    static let economy = Economy(
        metadata: EconomyMetadata(name: "one industry"), regions: [Label(code: "R")], sectors: [Label(code: "S")],
        finalDemandCategories: [Label(code: "households")], intermediateFlows: Matrix(rows: 1, columns: 1, repeating: 365 * 20),
        finalDemand: Matrix(rows: 1, columns: 1, repeating: 365 * 80), finalDemandColumns: [FinalDemandColumn(region: 0, category: 0)],
        valueAdded: [365 * 70], importProducts: [Label(code: "S")],
        intermediateImports: Matrix(rows: 1, columns: 1, repeating: 365 * 10), grossOutput: [365 * 100])

    static func parameters(psi: Double, importDays: Double) -> ARIOParameters {
        ARIOParameters(alphaMax: 1, psi: psi, inventories: [0: .infinite], importInventories: [0: .days(importDays)])
    }

    /// Imports of the product stop from `start` on (φ = 0), until `end`.
    static func cut(start: Int, end: Int? = nil) -> Shock {
        Shock(id: "cut", kind: .imports(products: [0]), magnitude: 1, profile: .step(start: start, end: end))
    }

    static func run(_ scenario: ARIOScenario, days: Int) throws -> [ARIODayRecord] {
        var records: [ARIODayRecord] = []
        try ARIOModel(economy: economy).run([scenario], days: days) { records.append($0) }
        return records
    }

    /// With ψ·s ≤ 1 production runs at 100 until the stock is gone: the stock of s = 10 days, 100,
    /// lasts exactly 10 days after imports stop on day 5 (days 5–14), then production is 0.
    @Test func stockLastsItsInventoryDays() throws {
        let records = try Self.run(
            ARIOScenario(name: "cut", parameters: Self.parameters(psi: 0.1, importDays: 10), shocks: [Self.cut(start: 5)]), days: 20)
        #expect(records.map { $0.production[0, 0] } == [Double](repeating: 100, count: 15) + [0, 0, 0, 0, 0])
        // End-of-day stocks: 100 while imports arrive, then 90, 80, … 0.
        #expect(records.map { $0.importInventory[0, 0] } == [100, 100, 100, 100, 100] + (0...9).reversed().map { Double($0) * 10 } + [0, 0, 0, 0, 0])
        #expect(records[4].importShortfall[0, 0] == 0)
        #expect(records[5].importShortfall[0, 0] == 10)  // the day's order, X⁰·Aᵐ, all missing
        #expect(records.allSatisfy { $0.importUse[0, 0] == $0.production[0, 0] * 0.1 })
    }

    /// With ψ = 0.5, s = 10: production stays at 100 while the stock is at least ψ·s = 5 days of use
    /// (days 5–10, (1 − ψ)·s + 1 days), then x = Iᵐ/(Aᵐ·ψ·s) = 2·Iᵐ and the stock falls by 1/(ψ·s) = 20 %
    /// a day: x = 80, 64, 51.2, … (A28).
    @Test func constrainedProductionDecaysGeometrically() throws {
        let records = try Self.run(
            ARIOScenario(name: "cut", parameters: Self.parameters(psi: 0.5, importDays: 10), shocks: [Self.cut(start: 5)]), days: 20)
        let production = records.map { $0.production[0, 0] }
        #expect(production[0...10].allSatisfy { $0 == 100 })
        #expect(records[10].importInventory[0, 0] == 40)
        for day in 11..<20 {
            let expected = 80 * pow(0.8, Double(day - 11))
            #expect(abs(production[day] - expected) <= 1e-12 * expected, "day \(day)")
            let stock = 40 * pow(0.8, Double(day - 10))
            #expect(abs(records[day].importInventory[0, 0] - stock) <= 1e-12 * stock, "day \(day)")
        }
    }

    /// Imports back on day 10 after a cut from day 5 (ψ·s ≤ 1): the orders rebuild the stock towards
    /// its target with τ_INV = 60 while production stays at 100 (A31): the day's order is the use,
    /// 10, plus a sixtieth of the gap to 100.
    @Test func stockIsRestoredWhenImportsResume() throws {
        let records = try Self.run(
            ARIOScenario(name: "cut", parameters: Self.parameters(psi: 0.1, importDays: 10), shocks: [Self.cut(start: 5, end: 9)]),
            days: 14)
        #expect(records.map { $0.production[0, 0] } == [Double](repeating: 100, count: 14))
        // End of day 9: 50 left. Day 10 receives the order of day 9: 10 + (100 − 50)/60.
        var stock = 50.0
        for day in 10..<14 {
            stock = (stock - 10) + (10 + (100 - stock) / 60)
            #expect(abs(records[day].importInventory[0, 0] - stock) <= 1e-12 * stock, "day \(day)")
        }
    }

    /// Without an import shock nothing is held: no imported stock, no shortfall.
    @Test func noImportShockHoldsNothing() throws {
        let records = try Self.run(ARIOScenario(name: "none", parameters: Self.parameters(psi: 0.1, importDays: 10)), days: 5)
        #expect(records.allSatisfy { $0.importInventory[0, 0] == 0 && $0.importShortfall[0, 0] == 0 && $0.production[0, 0] == 100 })
    }

    /// (A25) Final demand halved from day 3: D = Aᵈ·x(t−1) + 40, so x(3 + k) = 50 + 10·0.2ᵏ (the orders
    /// of a day follow the day before's production).
    @Test func demandShockChangesFinalDemand() throws {
        let halved = Shock(id: "half", kind: .demand(cells: [0], finalDemandColumns: []), magnitude: -0.5, profile: .step(start: 3))
        let records = try Self.run(
            ARIOScenario(name: "demand", parameters: Self.parameters(psi: 0.1, importDays: 10), shocks: [halved]), days: 12)
        #expect(records.map { $0.finalDemand[0, 0] } == [80, 80, 80] + [Double](repeating: 40, count: 9))
        for day in 3..<12 {
            let expected = 50 + 10 * pow(0.2, Double(day - 3))
            #expect(abs(records[day].production[0, 0] - expected) <= 1e-12 * expected, "day \(day)")
        }
    }
}
