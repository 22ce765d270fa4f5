import Foundation
import ShockFlowLinearAlgebra
import ShockFlowModel
import Testing
@testable import ShockFlowFormats

/// Distance decay of the estimated inter-provincial trade, on the real data.
@Suite struct ChinaBuildGravityTests {
    static func capitalDistances(_ inputs: String) throws -> Matrix {
        greatCircleDistances(try ChinaInputReader.readProvinces(path: inputs + "/provinces.csv").map(\.capital))
    }

    /// In the built table, the flows of metals keep the gravity prior's distance term (β = 1) in
    /// every 2×2 cross-ratio: T[o1,d1]·T[o2,d2] / (T[o1,d2]·T[o2,d1]) = d(o1,d2)·d(o2,d1) / (d(o1,d1)·d(o2,d2)).
    @Test func metalsFlowsKeepTheDistanceDecay() throws {
        let built = try ChinaBuildFixture.get()
        let distances = try Self.capitalDistances(built.inputs)
        let flows = ChinaBuildReferenceTests.flows(of: 13, in: built.economy)
        var worst = 0.0
        for (o1, o2, d1, d2) in [(0, 8, 18, 30), (9, 14, 22, 5), (18, 24, 1, 27), (3, 16, 10, 29)] {
            let ratio = flows[o1, d1] * flows[o2, d2] / (flows[o1, d2] * flows[o2, d1])
            let prior = distances[o1, d2] * distances[o2, d1] / (distances[o1, d1] * distances[o2, d2])
            worst = max(worst, abs(ratio / prior - 1))
        }
        #expect(worst < 1e-9)
    }

    /// Rebalancing metals' reconciled targets with β = 0.5, 1, 1.5, 2: the mean trade distance
    /// falls monotonically and the share within 1,000 km rises (docs/china-2017.md, β table).
    @Test func steeperDecayShortensTrade() throws {
        let built = try ChinaBuildFixture.get()
        let distances = try Self.capitalDistances(built.inputs)
        let observed = ChinaBuildReferenceTests.flows(of: 13, in: built.economy)
        let outflows = try observed.rowSums(), inflows = try observed.columnSums()
        var means: [Double] = [], near: [Double] = []
        for beta in [0.5, 1, 1.5, 2] {
            let prior = gravityPrior(supply: outflows, demand: inflows, distances: distances, distanceExponent: beta)
            let flows = try balanceBiproportionally(
                prior, rowTargets: outflows, columnTargets: inflows, tolerance: 1e-10, maximumIterations: 10_000).matrix
            let total = flows.elements.reduce(0, +)
            means.append(flows.elements.indices.reduce(0) { $0 + flows.elements[$1] * distances.elements[$1] } / total)
            near.append(flows.elements.indices.filter { distances.elements[$0] < 1000 }.reduce(0) { $0 + flows.elements[$1] } / total)
        }
        #expect(zip(means, means.dropFirst()).allSatisfy { $0 > $1 })
        #expect(zip(near, near.dropFirst()).allSatisfy { $0 < $1 })
    }
}
