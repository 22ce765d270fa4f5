import Foundation
import ShockFlowLinearAlgebra
import ShockFlowTestSupport
import Testing
@testable import ShockFlowModel

/// Prices under substitution (docs/prices.md, (P5)): the Woodbury correction on the transposed system
/// equals a plain solve of (I − A′)ᵀ·Δp = a′_mᵀ·Δp_m + a_v ∘ Δp_v with A′ and a′_m built explicitly from
/// their definition (MODEL section 3), independently of `SubstitutionCorrection`.
@Suite struct PriceSubstitutionTests {
    static let regions = 3, sectors = 4, products = 3

    /// Product 0 replaced by sector 1 everywhere, product 1 by sector 2 in regions 0 and 2 only; product 2
    /// has no substitute (its import price passes through unscaled).
    static let substitutes = [
        ImportSubstitute(product: 0, sector: 1), ImportSubstitute(product: 1, sector: 2, regions: [0, 2]),
    ]

    @Test(arguments: [(1, 0.3, 0.7), (2, 0.05, 1.0), (3, 1.0, 0.0), (4, 0.5, 0.25)] as [(UInt64, Double, Double)])
    func woodburyEqualsAnExplicitSolve(seed: UInt64, theta0: Double, theta1: Double) throws {
        let economy = try RandomEconomy(regions: Self.regions, sectors: Self.sectors, products: Self.products, seed: seed)
        let structure = economy.structure
        let n = economy.n
        let rationing = try economy.rationingModel(substitutes: Self.substitutes)
        let prices = try PriceStructure(
            regionCount: Self.regions, sectorCount: Self.sectors, importCoefficients: structure.importCoefficients,
            valueAddedCoefficients: structure.valueAddedCoefficients, valueAddedComponents: [:], grossOutput: structure.grossOutput)
        let model = try CostPushPriceModel(structure: prices, rationing: rationing)

        // Import prices of every product +20 % (product 1 only in regions 1 and 2: +35 %); costs of cells 2 and 7 −10 %.
        let costCells = [2, 7]
        let shocks = [
            Shock(id: "all", kind: .importPrice(products: [0, 2], regions: []), magnitude: 0.2, profile: .step(start: 0)),
            Shock(id: "some", kind: .importPrice(products: [1], regions: [1, 2]), magnitude: 0.35, profile: .step(start: 0)),
            Shock(id: "costs", kind: .cost(cells: costCells, components: []), magnitude: -0.1, profile: .step(start: 0)),
        ]
        let schedule = try ShockSchedule(
            shocks, scenario: "test", cellCount: n, productCount: Self.products, finalDemand: economy.finalDemand,
            horizon: PlanHorizon(periods: 1, periodLength: 1))
        let drivers = try schedule.priceDrivers(prices, substituted: model.substitutedProducts)
        let shares = [theta0, theta1, 0]
        let woodbury = try model.priceChange(
            responses: model.responses([drivers])[0], drivers: drivers, factors: schedule.fullStrengthFactors,
            substitutionShares: shares)

        // A′ = A + Σ_p θ̂_p·(rows of p's substitute cells += a_m[p, j]·w_{r,j}); a′_m[p] = (1 − θ̂_p)·a_m[p].
        let a = structure.technicalCoefficients, imports = structure.importCoefficients
        var substituted = a
        var keptImports = imports
        for substitute in Self.substitutes {
            let theta = shares[substitute.product]
            let rows = (substitute.regions ?? Array(0..<Self.regions)).map { $0 * Self.sectors + substitute.sector }
            let output = rows.reduce(0) { $0 + structure.grossOutput[$1] }
            for j in 0..<n {
                let bought = rows.reduce(0) { $0 + a[$1, j] }
                for row in rows {
                    let w = bought > 0 ? a[row, j] / bought : structure.grossOutput[row] / output
                    substituted[row, j] += theta * imports[substitute.product, j] * w
                }
                keptImports[substitute.product, j] *= 1 - theta
            }
        }
        // The cost push c′_j = Σ_p a′_m[p, j]·Δp_m[p, r(j)] + a_v[j]·Δp_v[j], Δp_m by hand from the shocks.
        var push = [Double](repeating: 0, count: n)
        for j in 0..<n {
            let region = j / Self.sectors
            let importChange = [0.2, region == 0 ? 0 : 0.35, 0.2]
            for p in 0..<Self.products { push[j] += keptImports[p, j] * importChange[p] }
            if costCells.contains(j) { push[j] += structure.valueAddedCoefficients[j] * -0.1 }
        }
        let explicit = try LUFactorization(substituted.identityMinus().transposed).solve(push)
        expectClose(woodbury, explicit, relative: 1e-12, floor: .none, "Δp under θ̂ = \(shares)")
        #expect(explicit.allSatisfy { $0 != 0 }, "every price moves: the check is not vacuous")
    }
}
