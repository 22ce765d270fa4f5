import Foundation
import ShockFlowLinearAlgebra
import ShockFlowModel
import ShockFlowTestSupport
import Testing

/// The cost-push price model (docs/prices.md): Miller & Blair's example, base prices, analytic
/// pass-through, batching, and numpy's solution (scripts/fixtures/price_reference.py).
@Suite struct PriceModelTests {
    static func model(_ economy: Economy) throws -> CostPushPriceModel {
        let analysis = try InputOutputAnalysis(economy: economy)
        let structure = try PriceStructure(
            regionCount: economy.regionCount, sectorCount: economy.sectorCount, importCoefficients: analysis.importCoefficients,
            valueAddedCoefficients: analysis.valueAddedCoefficients, valueAddedComponents: economy.valueAddedComponents,
            grossOutput: economy.grossOutput)
        return CostPushPriceModel(structure: structure, analysis: analysis)
    }

    static func schedule(_ shocks: [Shock], _ economy: Economy) throws -> ShockSchedule {
        try ShockSchedule(
            shocks, scenario: "test", cellCount: economy.cellCount, productCount: economy.importProducts.count,
            finalDemand: economy.finalDemand, horizon: PlanHorizon(periods: 1, periodLength: 1))
    }

    static func priceChange(_ shocks: [Shock], _ economy: Economy) throws -> [Double] {
        let model = try model(economy)
        let schedule = try schedule(shocks, economy)
        let drivers = try schedule.priceDrivers(model.structure)
        return try model.priceChange(
            responses: model.responses([drivers])[0], drivers: drivers, factors: schedule.fullStrengthFactors)
    }

    static func cost(_ id: String, cells: [Int], _ magnitude: Double, components: [Int] = []) -> Shock {
        Shock(id: id, kind: .cost(cells: cells, components: components), magnitude: magnitude, profile: .step(start: 0))
    }

    /// Miller & Blair (2009), section 2.6, example 1: with v_c = v ⊘ x = [0.65, 0.70] the base-year
    /// prices are 1 — a 100 % rise of every primary-input cost raises every price by exactly 1 — and a
    /// cost push Δv_c = [0.065, 0] (sector 1's value added 10 % dearer) moves prices by Lᵀ·Δv_c, the first
    /// row of L = (1/0.7575)·[[0.95, 0.25], [0.20, 0.85]]: [0.95, 0.25]·0.065/0.7575, i.e. 0.065 × the
    /// printed [1.2541, 0.3300].
    @Test func millerBlairBasePricesAndCostPush() throws {
        let economy = try HandMadeEconomies.millerBlair()
        let doubled = try Self.priceChange([Self.cost("all", cells: [0, 1], 1)], economy)
        expectClose(doubled, [1, 1], relative: 1e-14, "base prices")
        let pushed = try Self.priceChange([Self.cost("agriculture", cells: [0], 0.1)], economy)
        expectClose(pushed, [0.95 * 0.065 / 0.7575, 0.25 * 0.065 / 0.7575], relative: 1e-13, "Δp")
        for (value, printed) in zip(pushed, [1.2541, 0.3300]) { #expect(abs(value - 0.065 * printed) < 0.065 * 5e-5) }
    }

    /// No price shock: Δp is exactly 0 (p = 1 to the last bit), whatever other shocks the scenario has.
    @Test func noPriceShockLeavesPricesAtOne() throws {
        let folder = try ReferenceFolder("mrio-5x6")
        let economy = try folder.economy()
        let change = try Self.priceChange(
            [Shock(id: "cut", kind: .imports(products: [0]), magnitude: 0.5, profile: .step(start: 0))], economy)
        #expect(change.allSatisfy { $0 == 0 })
        #expect(change.map { 1 + $0 }.allSatisfy { $0 == 1 })
    }

    /// A uniform change r of every import price and every primary-input cost raises every price by r
    /// (column sums of A, a_m and a_v are 1); on one sector with a = 0.25 and a_m = 0.15, an import price
    /// change r alone passes through as r·a_m/(1 − a) = 0.2 r.
    @Test func uniformChangesPassThroughAnalytically() throws {
        let folder = try ReferenceFolder("mrio-3x4")
        let economy = try folder.economy()
        let products = Array(0..<economy.importProducts.count), cells = Array(0..<economy.cellCount)
        let change = try Self.priceChange(
            [
                Shock(id: "imports", kind: .importPrice(products: products, regions: []), magnitude: 0.3, profile: .step(start: 0)),
                Self.cost("costs", cells: cells, 0.3),
            ], economy)
        expectClose(change, [Double](repeating: 0.3, count: cells.count), relative: 1e-12, "uniform")

        let single = Economy(
            metadata: EconomyMetadata(name: "one sector"), regions: [Label(code: "r")], sectors: [Label(code: "s")],
            finalDemandCategories: [Label(code: "households")], intermediateFlows: try Matrix(rowMajor: [[25]]),
            finalDemand: try Matrix(rowMajor: [[75]]), finalDemandColumns: [FinalDemandColumn(region: 0, category: 0)],
            valueAdded: [60], importProducts: [Label(code: "p")], intermediateImports: try Matrix(rowMajor: [[15]]),
            grossOutput: [100])
        let passed = try Self.priceChange(
            [Shock(id: "p", kind: .importPrice(products: [0], regions: []), magnitude: 0.4, share: 0.5, profile: .step(start: 0))],
            single)
        expectClose(passed, [0.2 * 0.2], relative: 1e-15, "pass-through")
    }

    /// Scenarios solved together (one `dgetrs` with every driver) and one at a time agree to 1e-12.
    @Test func lockstepEqualsOneAtATime() throws {
        let folder = try ReferenceFolder("mrio-5x6")
        let economy = try folder.economy()
        let model = try Self.model(economy)
        let scenarios: [ShockSchedule] = try (0..<4).map { (index: Int) -> ShockSchedule in
            let regions: [Int] = index == 2 ? [1] : []
            let magnitude = 0.1 * Double(index + 1)
            let prices = Shock(
                id: "i", kind: .importPrice(products: [index % 2, 2], regions: regions), magnitude: magnitude,
                profile: .step(start: 0))
            let costs = Self.cost("c", cells: Array(index * 5..<index * 5 + 7), -0.05 * Double(index))
            return try Self.schedule([prices, costs], economy)
        }
        let drivers = try scenarios.map { try $0.priceDrivers(model.structure) }
        let together = try model.responses(drivers)
        for (index, schedule) in scenarios.enumerated() {
            let alone = try model.responses([drivers[index]])[0]
            let factors = schedule.fullStrengthFactors
            expectClose(
                try model.priceChange(responses: together[index], drivers: drivers[index], factors: factors),
                try model.priceChange(responses: alone, drivers: drivers[index], factors: factors), relative: 1e-12,
                "scenario \(index)")
        }
    }

    /// numpy's Δp and Δp_m for overlapping import price and cost shocks (scripts/fixtures/price_reference.py).
    @Test(arguments: ["mrio-3x4", "mrio-5x6"])
    func matchesNumpy(name: String) throws {
        let economy = try ReferenceFolder(name).economy()
        let prices = try ReferenceFolder(name, kind: "prices")
        let lines = try String(contentsOf: prices.url.appendingPathComponent("shocks.csv"), encoding: .utf8)
            .split(separator: "\n")
        let shocks = try lines.enumerated().map { index, line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let targets = fields[2].split(separator: " ").compactMap { Int($0) }
            let regions = fields[3].split(separator: " ").compactMap { Int($0) }
            let strength = try #require(Double(fields[1]))
            if fields[0] == "import_price" {
                return Shock(
                    id: "s\(index)", kind: .importPrice(products: targets, regions: regions), magnitude: strength,
                    profile: .step(start: 0))
            }
            let cells = (regions.isEmpty ? Array(0..<economy.regionCount) : regions).flatMap { region in
                targets.map { economy.cellIndex(region: region, sector: $0) }
            }
            return Self.cost("s\(index)", cells: cells, strength)
        }
        expectClose(try Self.priceChange(shocks, economy), try prices.vector("price_change"), relative: 1e-9, "Δp")
        let model = try Self.model(economy)
        let schedule = try Self.schedule(shocks, economy)
        let importChange = ShockSchedule.importPriceChange(
            drivers: try schedule.priceDrivers(model.structure), factors: schedule.fullStrengthFactors,
            productCount: economy.importProducts.count, regionCount: economy.regionCount)
        expectClose(importChange, try prices.matrix("import_price_change"), relative: 1e-12, "Δp_m")
    }
}
