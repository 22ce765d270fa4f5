import ShockFlowLinearAlgebra
import ShockFlowTestSupport
import Testing
@testable import ShockFlowModel

/// MODEL section 3 identities and invariants on seeded random economies.
@Suite struct RationingIdentityTests {
    static let seeds: [UInt64] = [1, 2, 3, 4]

    /// A batch of six columns: slack, capacity cuts, import cuts, substitution of product 0 by sector 1.
    static func batch(_ economy: RandomEconomy, seed: UInt64) throws -> (RationingInput, Matrix) {
        var random = PCG64(seed: seed)
        let (n, productCount, columns) = (economy.n, economy.structure.importProductCount, 6)
        let y = repeatedColumns(try economy.finalDemand.rowSums(), count: columns)
        let plan = try LUFactorization(economy.structure.technicalCoefficients.identityMinus()).solve(y)
        var capacity = plan, availability = Matrix(rows: productCount, columns: columns, repeating: 1)
        var substitutability = Matrix(rows: productCount, columns: columns)
        for column in 0..<columns {
            for i in 0..<n { capacity[i, column] *= 1 + Double.random(in: 0..<0.2, using: &random) }
            if column % 2 == 1 {
                for _ in 0..<3 { capacity[Int.random(in: 0..<n, using: &random), column] *= Double.random(in: 0.3..<0.9, using: &random) }
            }
            if column >= 2 {
                for p in 0..<productCount { availability[p, column] = Double.random(in: 0.3..<0.95, using: &random) }
            }
            if column >= 4 { substitutability[0, column] = column == 4 ? 0.5 : 1 }
        }
        return (
            RationingInput(
                capacity: capacity, finalDemand: y, importAvailability: availability, substitutability: substitutability,
                importProductCount: productCount),
            plan
        )
    }

    static func economy(_ seed: UInt64) throws -> RandomEconomy {
        try RandomEconomy(regions: 3, sectors: 4, products: 2, seed: seed)
    }

    /// x = ρ ∘ d; 0 ≤ ρ ≤ 1 so every buyer gets at most what it ordered; x ≤ c; import use and
    /// shortfall add up to the orders; delivered and unmet final demand add up to y.
    @Test(arguments: seeds) func identitiesHold(seed: UInt64) throws {
        let economy = try Self.economy(seed)
        let (input, _) = try Self.batch(economy, seed: seed)
        let result = try economy.rationingModel(substitutes: [ImportSubstitute(product: 0, sector: 1)]).solve(input)
        for index in result.output.elements.indices {
            let (x, d, rho) = (result.output.elements[index], result.ordered.elements[index], result.rationing.elements[index])
            #expect(abs(x - rho * d) <= 1e-12 * d)
            #expect(rho >= 0 && rho <= 1)
            #expect(x <= input.capacity.elements[index] * (1 + 1e-14))
            let y = input.finalDemand.elements[index]
            #expect(result.deliveredFinal.elements[index] <= y)
            #expect(abs(result.deliveredFinal.elements[index] + result.unmetFinal.elements[index] - y) <= 1e-12 * y)
        }
        for index in result.importOrders.elements.indices {
            let orders = result.importOrders.elements[index]
            #expect(result.importUse.elements[index] <= orders * (1 + 1e-14))
            #expect(abs(result.importUse.elements[index] + result.importShortfall.elements[index] - orders) <= 1e-12 * orders)
        }
    }

    /// With c ≥ d and φ = 1, x = d = L·y exactly (L formed explicitly with dgetri, MODEL (5)).
    @Test(arguments: seeds) func leontiefWhenNothingBinds(seed: UInt64) throws {
        let economy = try Self.economy(seed)
        let (input, plan) = try Self.batch(economy, seed: seed)
        var slack = input
        slack.capacity = plan
        try slack.capacity.add(plan, scaledBy: 0.5)
        slack.importAvailability = Matrix(rows: 2, columns: 6, repeating: 1)
        let result = try economy.rationingModel(substitutes: [ImportSubstitute(product: 0, sector: 1)]).solve(slack)
        let leontief = try LUFactorization(economy.structure.technicalCoefficients.identityMinus()).inverse()
        let expected = try Matrix.product(leontief, slack.finalDemand)
        expectClose(result.output, expected, relative: 1e-12, "x")
        expectClose(result.ordered, expected, relative: 1e-12, "d")
        #expect(result.rationing.elements.allSatisfy { $0 == 1 })
        #expect(result.iterations.allSatisfy { $0 == 1 })
    }

    /// The iteration ends at the greatest fixed point. In ρ terms (17) reads
    /// ρ_j = min(c_j/d_j, bound_j, min over critical i of ρ_i), whose greatest solution is the
    /// bottleneck over every critical chain: ρ*_j = min over the cells i that reach j through
    /// critical links (j included) of min(1, c_i/d_i, bound_i). Computed here by a transitive
    /// closure of the dense mask, independent of the sweep.
    @Test(arguments: seeds) func greatestFixedPointIsTheBottleneckClosure(seed: UInt64) throws {
        let economy = try Self.economy(seed)
        let (input, _) = try Self.batch(economy, seed: seed)
        let model = try economy.rationingModel(substitutes: [ImportSubstitute(product: 0, sector: 1)])
        let result = try model.solve(input)
        let n = economy.n
        // reaches[i][j]: i is j itself or a critical input of a critical input … of j.
        var reaches = (0..<n).map { i in (0..<n).map { $0 == i } }
        for j in 0..<n { for i in model.criticalInputs.domesticInputs(of: j) { reaches[i][j] = true } }
        for middle in 0..<n {
            for i in 0..<n where reaches[i][middle] { for j in 0..<n where reaches[middle][j] { reaches[i][j] = true } }
        }
        for column in 0..<input.columnCount {
            let own = (0..<n).map { i in
                var bound = min(1, input.capacity[i, column] / result.ordered[i, column])
                for p in model.criticalInputs.importInputs(of: i) { bound = min(bound, result.importRationing[p, column]) }
                return bound
            }
            for j in 0..<n {
                let expected = (0..<n).filter { reaches[$0][j] }.map { own[$0] }.min() ?? 1
                #expect(abs(result.rationing[j, column] - expected) <= 1e-9 * expected, "cell \(j), column \(column)")
            }
        }
    }

    /// The Woodbury orders equal a fresh solve with A′ formed from the converged θ̂, and θ̂ respects
    /// its cap: θ̂ ≤ θ·(1 − φ) and the extra orders on the substitute sector fit its spare capacity.
    @Test(arguments: seeds) func substitutionOrdersAndCap(seed: UInt64) throws {
        let economy = try Self.economy(seed)
        let (input, plan) = try Self.batch(economy, seed: seed)
        let model = try economy.rationingModel(substitutes: [ImportSubstitute(product: 0, sector: 1)])
        #expect(model.substitutionRank == 3)
        let result = try model.solve(input)
        let (a, imports, regions, sectors) = (
            economy.structure.technicalCoefficients, economy.structure.importCoefficients, 3, 4
        )
        for column in 4..<6 {
            let share = result.substitutionShare[0, column]
            let target = input.substitutability[0, column] * (1 - input.importAvailability[0, column])
            #expect(share > 0 && share <= target + 1e-15)
            // w: j's sourcing shares of sector 1 across regions, national output shares where it buys none.
            var substituted = a
            let rows = (0..<regions).map { $0 * sectors + 1 }
            let national = rows.reduce(0) { $0 + economy.structure.grossOutput[$1] }
            for j in 0..<economy.n {
                let home = rows.reduce(0) { $0 + a[$1, j] }
                for row in rows {
                    let w = home > 0 ? a[row, j] / home : economy.structure.grossOutput[row] / national
                    substituted[row, j] += share * imports[0, j] * w
                }
            }
            let orders = try LUFactorization(substituted.identityMinus()).solve(input.finalDemand.column(column))
            expectClose(Array(result.ordered.elements[(column * economy.n)..<((column + 1) * economy.n)]), orders, relative: 1e-11, "d(θ̂)")
            // Default cap: every substitute cell's extra orders fit its own spare capacity.
            var tightest = Double.infinity
            for cell in (0..<regions).map({ $0 * sectors + 1 }) {
                let extra = result.ordered[cell, column] - plan[cell, column]
                let spare = max(0, input.capacity[cell, column] - plan[cell, column])
                // θ̂ stops within 1e-10 of the cap, so a cell without spare capacity may keep ~1e-10 of output.
                #expect(extra <= spare + 1e-8 * plan[cell, column])
                if extra > 0 { tightest = min(tightest, spare - extra) }
            }
            // Either the cap binds in some cell or θ̂ reached its target.
            #expect(tightest <= 1e-6 * (economy.structure.grossOutput.max() ?? 0) || abs(share - target) <= 1e-9)
        }
    }

    /// More substitutability never raises a loss: with capacity cuts and import cuts, stepping θ
    /// from 0 to 1 never lowers GDP (Σ a_v ∘ x) under the default cap, and with slack capacity it
    /// never lowers any cell's output (ρᵐ = φ/(1 − θ̂) rises with θ̂ while orders only grow).
    @Test(arguments: Array(0..<24) as [UInt64]) func moreSubstitutabilityNeverRaisesALoss(seed: UInt64) throws {
        let economy = try Self.economy(100 + seed)
        let (input, plan) = try Self.batch(economy, seed: seed)
        let model = try economy.rationingModel(substitutes: [ImportSubstitute(product: 0, sector: 1)])
        var slack = input
        slack.capacity = plan
        try slack.capacity.add(plan, scaledBy: 1)
        for (setting, batch) in [("capacity cuts", input), ("slack", slack)] {
            var previous: RationingResult?
            for theta in stride(from: 0.0, through: 1.0, by: 0.2) {
                var shocked = batch
                for column in 0..<6 { shocked.substitutability[0, column] = theta }
                let result = try model.solve(shocked)
                if let previous {
                    let gdp = try result.valueAdded.columnSums(), before = try previous.valueAdded.columnSums()
                    // Up to the θ̂ loop's tolerance (1e-10).
                    for column in 0..<6 { #expect(gdp[column] >= before[column] * (1 - 1e-9), "\(setting), θ = \(theta)") }
                    if setting == "slack" {
                        for index in result.output.elements.indices {
                            #expect(result.output.elements[index] >= previous.output.elements[index] * (1 - 1e-9))
                        }
                    }
                }
                previous = result
            }
        }
    }

    /// The flaw of MODEL's cap as written (docs/model-dynamics.md): capping the sector's total extra
    /// orders lets one region's substitute cell run past its capacity, which rations that cell's
    /// other buyers; on these seeded economies some increase of θ then lowers GDP.
    @Test func sectorTotalCapCanRaiseALoss() throws {
        var lowered = 0
        for seed in 0..<24 as Range<UInt64> {
            let economy = try Self.economy(100 + seed)
            let (input, _) = try Self.batch(economy, seed: seed)
            var options = RationingOptions()
            options.substitutionCap = .sectorTotal
            let model = try economy.rationingModel(substitutes: [ImportSubstitute(product: 0, sector: 1)], options: options)
            var previous: [Double]?
            for theta in stride(from: 0.0, through: 1.0, by: 0.2) {
                var shocked = input
                for column in 0..<6 { shocked.substitutability[0, column] = theta }
                let gdp = try model.solve(shocked).valueAdded.columnSums()
                if let previous { lowered += zip(gdp, previous).filter { $0 < $1 * (1 - 1e-9) }.count }
                previous = gdp
            }
        }
        #expect(lowered > 0)
    }

    /// Solving six columns together equals solving each on its own.
    @Test func lockstepEqualsOneByOne() throws {
        let economy = try Self.economy(5)
        let (input, _) = try Self.batch(economy, seed: 5)
        let model = try economy.rationingModel(substitutes: [ImportSubstitute(product: 0, sector: 1)])
        let together = try model.solve(input)
        for column in 0..<input.columnCount {
            let single = try model.solve(
                RationingInput(
                    capacity: Matrix(column: input.capacity.column(column)),
                    finalDemand: Matrix(column: input.finalDemand.column(column)),
                    importAvailability: Matrix(column: input.importAvailability.column(column)),
                    substitutability: Matrix(column: input.substitutability.column(column)), importProductCount: 2))
            expectClose(single.output.elements, together.output.column(column), relative: 1e-12, "x, column \(column)")
            #expect(single.iterations[0] == together.iterations[column])
        }
    }
}
