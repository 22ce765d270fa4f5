import Foundation
import ShockFlowLinearAlgebra
import Testing
@testable import ShockFlowModel

/// Bi-proportional balancing (RAS), the gravity prior and great-circle distances.
@Suite struct ConstructionBalancingTests {
    /// RAS keeps the cross-product ratio of a 2×2 prior (p11·p22)/(p12·p21) = θ, so with margins
    /// r, c the balanced x11 = a solves a·(r2 − c1 + a) = θ·(r1 − a)·(c1 − a). Prior [[1, 2], [3, 4]]
    /// (θ = 2/3), rows (4, 6), columns (5, 5): a² + 21a − 40 = 0, a = (√601 − 21)/2.
    @Test func twoByTwoMatchesTheAnalyticSolution() throws {
        let prior = try Matrix(rowMajor: [[1, 2], [3, 4]])
        let result = try balanceBiproportionally(
            prior, rowTargets: [4, 6], columnTargets: [5, 5], tolerance: 1e-13, maximumIterations: 1000)
        let a = (601.0.squareRoot() - 21) / 2
        let expected = [[a, 4 - a], [5 - a, 1 + a]]
        #expect(result.converged)
        for i in 0..<2 {
            for j in 0..<2 { #expect(abs(result.matrix[i, j] - expected[i][j]) <= 1e-12 * expected[i][j]) }
        }
    }

    /// An all-ones prior balances to the independence table r_i·c_j / total after one sweep.
    @Test func uniformPriorGivesTheIndependenceTable() throws {
        let rows = [2.0, 4, 6], columns = [1.0, 5, 3, 3]
        let result = try balanceBiproportionally(
            Matrix(rows: 3, columns: 4, repeating: 1), rowTargets: rows, columnTargets: columns, tolerance: 1e-12,
            maximumIterations: 10)
        #expect(result.iterations == 1)
        for i in 0..<3 {
            for j in 0..<4 { #expect(abs(result.matrix[i, j] - rows[i] * columns[j] / 12) <= 1e-14) }
        }
    }

    /// A larger prior with a zero diagonal (no own-region trade) reaches every margin to 1e-9
    /// relative, and zero targets give zero rows and columns.
    @Test func zeroDiagonalPriorMeetsItsTargets() throws {
        let size = 7
        var prior = Matrix(rows: size, columns: size)
        for i in 0..<size {
            for j in 0..<size where i != j { prior[i, j] = 1 + Double((i * 5 + j * 3) % 7) }
        }
        let rows = [3.0, 8, 1, 0, 5, 2, 6], columns = [4.0, 2, 6, 5, 0, 7, 1]
        let result = try balanceBiproportionally(
            prior, rowTargets: rows, columnTargets: columns, tolerance: 1e-10, maximumIterations: 10_000)
        #expect(result.converged)
        let rowSums = try result.matrix.rowSums(), columnSums = try result.matrix.columnSums()
        for i in 0..<size {
            #expect(abs(rowSums[i] - rows[i]) <= 1e-9 * max(rows[i], 1e-300) || (rows[i] == 0 && rowSums[i] == 0))
            #expect(abs(columnSums[i] - columns[i]) <= 1e-9 * max(columns[i], 1e-300) || (columns[i] == 0 && columnSums[i] == 0))
            #expect(result.matrix[i, i] == 0)
        }
    }

    @Test func inconsistentOrUnreachableTargetsAreErrors() throws {
        let prior = try Matrix(rowMajor: [[0, 1], [0, 1]])
        #expect(throws: ConstructionError.inconsistentTargets(rowTotal: 3, columnTotal: 2)) {
            try balanceBiproportionally(prior, rowTargets: [1, 2], columnTargets: [1, 1], tolerance: 1e-10, maximumIterations: 10)
        }
        #expect(throws: ConstructionError.unreachableTarget(side: .inflows, index: 0, target: 1)) {
            try balanceBiproportionally(prior, rowTargets: [1, 1], columnTargets: [1, 1], tolerance: 1e-10, maximumIterations: 10)
        }
    }

    /// A quarter of the equator is π/2 × the mean radius; the sphere's poles are half a circumference apart.
    @Test func greatCircleDistancesOnKnownArcs() {
        let quarter = greatCircleDistance(
            GeographicPoint(longitude: 0, latitude: 0), GeographicPoint(longitude: 90, latitude: 0))
        #expect(abs(quarter - Double.pi / 2 * meanEarthRadiusKilometres) < 1e-9)
        let poles = greatCircleDistance(
            GeographicPoint(longitude: 10, latitude: 90), GeographicPoint(longitude: -30, latitude: -90))
        #expect(abs(poles - Double.pi * meanEarthRadiusKilometres) < 1e-6)
        let matrix = greatCircleDistances([
            GeographicPoint(longitude: 0, latitude: 0), GeographicPoint(longitude: 0, latitude: 60),
        ])
        #expect(matrix[0, 0] == 0 && matrix[0, 1] == matrix[1, 0])
        #expect(abs(matrix[0, 1] - Double.pi / 3 * meanEarthRadiusKilometres) < 1e-9)
    }

    /// Four regions on a line at 0, 100, 300 and 600 km, each shipping and receiving 10. (With three
    /// regions and no own-region cells the margins alone fix the flows; four leave room for distance.)
    /// Balanced gravity flows keep the prior's distance term in every 2×2 cross-ratio:
    /// T[A,C]·T[B,D] / (T[A,D]·T[B,C]) = (d_AD·d_BC / (d_AC·d_BD))^β; A ships most to its neighbour B;
    /// the mean trade distance falls as β rises, and with β = 0 it does not depend on distance at all.
    @Test func gravityFlowsFallWithDistance() throws {
        let positions = [0.0, 100, 300, 600]
        var distances = Matrix(rows: 4, columns: 4)
        for i in 0..<4 { for j in 0..<4 { distances[i, j] = abs(positions[i] - positions[j]) } }
        let targets = [Double](repeating: 10, count: 4)
        func balanced(beta: Double) throws -> Matrix {
            let prior = gravityPrior(supply: targets, demand: targets, distances: distances, distanceExponent: beta)
            return try balanceBiproportionally(
                prior, rowTargets: targets, columnTargets: targets, tolerance: 1e-13, maximumIterations: 100_000
            ).matrix
        }
        func meanDistance(_ flows: Matrix) -> Double {
            flows.elements.indices.reduce(0) { $0 + flows.elements[$1] * distances.elements[$1] } / 40
        }
        for beta in [0.5, 1, 2] {
            let flows = try balanced(beta: beta)
            let crossRatio = flows[0, 2] * flows[1, 3] / (flows[0, 3] * flows[1, 2])
            #expect(abs(crossRatio - pow(600.0 * 200 / (300 * 500), beta)) < 1e-10)
            #expect(flows[0, 1] > flows[0, 2] && flows[0, 1] > flows[0, 3])
            #expect((0..<4).allSatisfy { flows[$0, $0] == 0 })
        }
        let means = try [0, 0.5, 1, 2].map { try meanDistance(balanced(beta: $0)) }
        #expect(means[0] > means[1] && means[1] > means[2] && means[2] > means[3])
        let flat = try balanced(beta: 0)
        #expect(abs(flat[0, 1] - 10.0 / 3) < 1e-10 && abs(flat[0, 3] - 10.0 / 3) < 1e-10)
    }
}
