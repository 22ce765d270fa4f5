import Foundation
import ShockFlowLinearAlgebra
import ShockFlowTestSupport
import Testing
@testable import ShockFlowModel

/// Standardised regression coefficients and Spearman rank correlations for grid, random and
/// Latin-hypercube designs: numpy's `lstsq` / scipy's `spearmanr` on the same X and Y, and the
/// linear-model identity SRC_j² = S1_j.
@Suite struct SensitivityRegressionTests {
    let fixtures: SALibFixtures

    init() throws { fixtures = try SALibFixtures() }

    @Test func indicesMatchNumpyAndScipy() throws {
        let indices = try RegressionAnalysis.analyze(
            samples: try fixtures.matrix("regression_X.txt"), outputs: try fixtures.matrix("regression_Y.txt"),
            parameterNames: ["a", "b", "c"])[0]
        let expected = try fixtures.table("regression_indices.csv")
        expectClose(indices.standardizedCoefficients, expected["SRC"] ?? [], relative: 1e-10, "SRC")
        expectClose(indices.rankCorrelations, expected["spearman"] ?? [], relative: 1e-10, "Spearman")
        let rSquared = try fixtures.case("regression")["r_squared"] as? Double ?? .nan
        #expect(abs(indices.coefficientOfDetermination - rSquared) < 1e-10)
    }

    /// For y = Σ c_j x_j the fit is exact (R² = 1) and SRC_j = c_j σ(x_j) / σ(y) with the sample's
    /// own deviations; their squares approach the linear model's Sobol' indices c_j²σ_j² / Σ c_k²σ_k²
    /// up to the sampling error of the covariances (≈ 1/√N).
    @Test func linearModelCoefficientsSquareToIndices() throws {
        let coefficients = [4.0, -2.0, 1.0]
        let widths = [1.0, 2.0, 3.0]
        let problem = try SensitivityProblem(parameters: widths.enumerated().map { j, width in
            SensitivityParameter(name: "p\(j)", distribution: .uniform(lower: -width / 2, upper: width / 2))
        })
        let sample = try problem.sample(.latinHypercube(runs: 2000), seed: 4)
        let y = (0..<sample.rows).map { i in (0..<3).reduce(0) { $0 + coefficients[$1] * sample[i, $1] } }
        let indices = try RegressionAnalysis.analyze(samples: sample, outputs: Matrix(column: y), parameterNames: problem.names)[0]
        let parts = zip(coefficients, widths).map { c, w in c * c * w * w / 12 }
        #expect(abs(indices.coefficientOfDetermination - 1) < 1e-12)
        for j in 0..<3 {
            let exact = coefficients[j] * standardDeviation(sample.column(j)) / standardDeviation(y)
            #expect(abs(indices.standardizedCoefficients[j] - exact) < 1e-12)
            let squared = indices.standardizedCoefficients[j] * indices.standardizedCoefficients[j]
            #expect(abs(squared - parts[j] / parts.reduce(0, +)) < 0.02)
        }
    }

    private func standardDeviation(_ values: [Double]) -> Double {
        let mean = values.reduce(0, +) / Double(values.count)
        return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)).squareRoot()
    }

    /// Ranks are invariant under monotone maps: ρ(x, eˣ) = 1 exactly, ties get average ranks.
    @Test func rankCorrelationOfAMonotoneFunctionIsOne() throws {
        let sample = try SensitivityProblem(parameters: [
            SensitivityParameter(name: "x", distribution: .uniform(lower: 0, upper: 3)),
            SensitivityParameter(name: "level", distribution: .discrete(levels: [1, 2])),
        ]).sample(.random(runs: 50), seed: 8)
        let outputs = Matrix(column: (0..<50).map { exp(sample[$0, 0]) })
        let indices = try RegressionAnalysis.analyze(samples: sample, outputs: outputs, parameterNames: ["x", "level"])[0]
        #expect(abs(indices.rankCorrelations[0] - 1) < 1e-14)
    }

    @Test func constantParameterIsRefused() throws {
        var sample = try SALibFixtures.ishigamiProblem().sample(.random(runs: 10), seed: 1)
        sample.setColumn(2, to: [Double](repeating: 0.5, count: 10))
        #expect(throws: SensitivityError.constantParameter(name: "x3")) {
            try RegressionAnalysis.analyze(samples: sample, outputs: ishigami(sample), parameterNames: ["x1", "x2", "x3"])
        }
    }
}
