import Foundation
import ShockFlowLinearAlgebra
import ShockFlowTestSupport
import Testing
@testable import ShockFlowModel

/// Morris screening (MODEL section 5): SALib 1.6's `morris.analyze` on the same X and Y, and
/// the μ* of a function whose elementary effects are known.
@Suite struct SensitivityMorrisTests {
    let fixtures: SALibFixtures
    let names = (1...6).map { "x\($0)" }

    init() throws { fixtures = try SALibFixtures() }

    /// f = 4·x1 + 2·x2² + x3·x4 + 0·x5 + ½·sin(2π·x6) on [0, 1]^6 (as in salib_reference.py).
    private func testFunction(_ sample: Matrix) -> Matrix {
        Matrix(column: (0..<sample.rows).map { i in
            let x = sample.row(i)
            return 4 * x[0] + 2 * x[1] * x[1] + x[2] * x[3] + 0 * x[4] + 0.5 * sin(2 * Double.pi * x[5])
        })
    }

    @Test func indicesMatchSALib() throws {
        let indices = try MorrisAnalysis.analyze(
            samples: try fixtures.matrix("morris_X.txt"), outputs: try fixtures.matrix("morris_Y.txt"),
            parameterNames: names, levels: try fixtures.integer("morris", "levels"), bootstrap: try fixtures.bootstrap())[0]
        let expected = try fixtures.table("morris_indices.csv")
        expectClose(indices.mean, expected["mu"] ?? [], relative: 1e-10, "mu")
        expectClose(indices.meanAbsolute, expected["mu_star"] ?? [], relative: 1e-10, "mu_star")
        expectClose(indices.standardDeviation, expected["sigma"] ?? [], relative: 1e-10, "sigma")
        expectClose(indices.meanAbsoluteConfidence, expected["mu_star_conf"] ?? [], relative: 1e-10, "mu_star_conf")
    }

    /// With p = 4 levels (Δ = 2/3, base values 0 and 1/3 equally likely) the elementary effects are
    /// x1: 4; x2: 2(2x + Δ), so μ* = 2 on average; x6: ½·(√3/2)/Δ = 0.6495 in magnitude, always
    /// negative; x3, x4: the other's value, mean ½; x5: 0. Ranking: x1 > x2 > x6 > x3, x4 > x5.
    @Test func knownRanking() throws {
        let problem = try SensitivityProblem(parameters: names.map {
            SensitivityParameter(name: $0, distribution: .uniform(lower: 0, upper: 1))
        })
        let sample = try problem.sample(.morris(trajectories: 400, levels: 4), seed: 3)
        let indices = try MorrisAnalysis.analyze(samples: sample, outputs: testFunction(sample), parameterNames: names)[0]
        let muStar = indices.meanAbsolute
        #expect(abs(muStar[0] - 4) < 1e-12 && abs(indices.standardDeviation[0]) < 1e-12)
        #expect(abs(muStar[1] - 2) <= indices.meanAbsoluteConfidence[1])
        #expect(abs(muStar[5] - 0.75 * 3.0.squareRoot() / 2) < 1e-12 && abs(indices.mean[5] + muStar[5]) < 1e-12)
        #expect(abs(muStar[2] - 0.5) <= indices.meanAbsoluteConfidence[2])
        #expect(abs(muStar[3] - 0.5) <= indices.meanAbsoluteConfidence[3])
        #expect(muStar[4] == 0)
        let ranking = muStar.indices.sorted { muStar[$0] > muStar[$1] }
        #expect(Array(ranking.prefix(3)) == [0, 1, 5] && ranking.last == 4)
    }

    /// A Saltelli sample is not a set of trajectories: its steps move several parameters at once.
    @Test func otherDesignsAreRefused() throws {
        let samples = try fixtures.matrix("ishigami_saltelli_X.txt")
        let rows = Array(0..<40)
        let subset = try Matrix(rowMajor: rows.map { samples.row($0) })
        #expect(throws: SensitivityError.notMorrisTrajectory(trajectory: 0, step: 1, changedParameters: ["x1", "x2"])) {
            try MorrisAnalysis.analyze(samples: subset, outputs: Matrix(rows: 40, columns: 1), parameterNames: ["x1", "x2", "x3"])
        }
        #expect(throws: SensitivityError.rowCountMismatch(sampleRows: 40, outputRows: 39)) {
            try MorrisAnalysis.analyze(samples: subset, outputs: Matrix(rows: 39, columns: 1), parameterNames: ["x1", "x2", "x3"])
        }
    }
}
