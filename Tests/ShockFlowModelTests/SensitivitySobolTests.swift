import Foundation
import ShockFlowLinearAlgebra
import ShockFlowTestSupport
import Testing
@testable import ShockFlowModel

/// Sobol' indices (MODEL section 5): SALib 1.6's `sobol.analyze` on the same X and Y, and
/// known answers (Ishigami, a linear model, Sobol's G function).
@Suite struct SensitivitySobolTests {
    let fixtures: SALibFixtures

    init() throws { fixtures = try SALibFixtures() }

    /// Point estimates and bootstrap half-widths equal SALib's for SALib's sample (the bootstrap
    /// draws the same resamples from the same seed); also for a ShockFlow-made sample analysed by SALib.
    @Test(arguments: ["saltelli", "shockflow_saltelli", "saltelli_second_order"])
    func indicesMatchSALib(caseName: String) throws {
        let secondOrder = try fixtures.case(caseName)["second_order"] as? Bool ?? false
        let outputs = try fixtures.matrix(try fixtures.string(caseName, "outputs"))
        let samples = try fixtures.matrix(try fixtures.string(caseName, "samples"))
        try SobolAnalysis.validateSamples(samples, parameterNames: ["x1", "x2", "x3"], secondOrder: secondOrder)
        let indices = try SobolAnalysis.analyze(
            outputs: outputs, parameterCount: 3, secondOrder: secondOrder, bootstrap: try fixtures.bootstrap())[0]
        let expected = try fixtures.table(try fixtures.string(caseName, "indices"))
        expectClose(indices.firstOrder, expected["S1"] ?? [], relative: 1e-10, "S1")
        expectClose(indices.total, expected["ST"] ?? [], relative: 1e-10, "ST")
        expectClose(indices.firstOrderConfidence, expected["S1_conf"] ?? [], relative: 1e-10, "S1_conf")
        expectClose(indices.totalConfidence, expected["ST_conf"] ?? [], relative: 1e-10, "ST_conf")
        if secondOrder {
            let pairs = try fixtures.table(try fixtures.string(caseName, "pairs"))
            #expect(indices.secondOrder.map { [$0.first, $0.second] } == [[0, 1], [0, 2], [1, 2]])
            expectClose(indices.secondOrder.map(\.estimate), pairs["S2"] ?? [], relative: 1e-10, "S2")
            expectClose(indices.secondOrder.map(\.confidence), pairs["S2_conf"] ?? [], relative: 1e-10, "S2_conf")
        } else {
            #expect(indices.secondOrder.isEmpty)
        }
    }

    /// Ishigami (a = 7, b = 0.1) at N = 4096: every analytic index lies within the bootstrap interval.
    /// Analytic: V1 = ½(1 + bπ⁴/5)², V2 = a²/8, V13 = 8b²π⁸/225, V = V1 + V2 + V13
    /// (S1 ≈ 0.3139, 0.4424, 0; ST ≈ 0.5576, 0.4424, 0.2437).
    @Test func ishigamiKnownAnswer() throws {
        let a = 7.0, b = 0.1, pi = Double.pi
        let v1 = 0.5 * pow(1 + b * pow(pi, 4) / 5, 2), v2 = a * a / 8, v13 = 8 * b * b * pow(pi, 8) / 225
        let variance = v1 + v2 + v13
        let firstOrder = [v1 / variance, v2 / variance, 0]
        let total = [(v1 + v13) / variance, v2 / variance, v13 / variance]
        #expect(abs(firstOrder[0] - 0.3139) < 1e-4 && abs(total[2] - 0.2437) < 1e-4)

        let sample = try SALibFixtures.ishigamiProblem().sample(.saltelli(baseSamples: 4096, secondOrder: false), seed: 2024)
        let indices = try SobolAnalysis.analyze(outputs: ishigami(sample), parameterCount: 3)[0]
        for j in 0..<3 {
            #expect(abs(indices.firstOrder[j] - firstOrder[j]) <= indices.firstOrderConfidence[j], "S1 of x\(j + 1)")
            #expect(abs(indices.total[j] - total[j]) <= indices.totalConfidence[j], "ST of x\(j + 1)")
        }
    }

    /// y = Σ c_j x_j with independent uniform x_j: S1_j = ST_j = c_j²σ_j² / Σ c_k²σ_k²
    /// (the squared normalised coefficients), and all second-order indices vanish.
    @Test func linearModelIndicesAreSquaredNormalisedCoefficients() throws {
        let coefficients = [4.0, -2.0, 1.0, 0.5]
        let problem = try SensitivityProblem(parameters: [
            SensitivityParameter(name: "a", distribution: .uniform(lower: 0, upper: 1)),
            SensitivityParameter(name: "b", distribution: .uniform(lower: -1, upper: 1)),
            SensitivityParameter(name: "c", distribution: .uniform(lower: 2, upper: 5)),
            SensitivityParameter(name: "d", distribution: .uniform(lower: 0, upper: 2)),
        ])
        let widths = [1.0, 2.0, 3.0, 2.0]
        let parts = zip(coefficients, widths).map { c, w in c * c * w * w / 12 }
        let expected = parts.map { $0 / parts.reduce(0, +) }
        let sample = try problem.sample(.saltelli(baseSamples: 4096, secondOrder: true), seed: 9)
        let outputs = Matrix(column: (0..<sample.rows).map { i in (0..<4).reduce(0) { $0 + coefficients[$1] * sample[i, $1] } })
        let indices = try SobolAnalysis.analyze(outputs: outputs, parameterCount: 4, secondOrder: true)[0]
        for j in 0..<4 {
            #expect(abs(indices.firstOrder[j] - expected[j]) <= max(indices.firstOrderConfidence[j], 1e-3), "S1[\(j)]")
            #expect(abs(indices.total[j] - expected[j]) <= max(indices.totalConfidence[j], 1e-3), "ST[\(j)]")
        }
        for pair in indices.secondOrder { #expect(abs(pair.estimate) <= max(pair.confidence, 1e-3)) }
    }

    /// Sobol's G function Π (|4x_i − 2| + a_i)/(1 + a_i) on [0, 1]^8, a = (0, 1, 4.5, 9, 99, 99, 99, 99):
    /// V_i = 1/(3(1 + a_i)²), V = Π(1 + V_i) − 1, S1_i = V_i/V, ST_i = V_i Π_{j≠i}(1 + V_j)/V.
    @Test func sobolGFunctionKnownAnswer() throws {
        let a = [0.0, 1, 4.5, 9, 99, 99, 99, 99]
        let partial = a.map { 1 / (3 * (1 + $0) * (1 + $0)) }
        let product = partial.reduce(1) { $0 * (1 + $1) }
        let variance = product - 1
        let firstOrder = partial.map { $0 / variance }
        let total = partial.map { $0 * product / (1 + $0) / variance }
        let problem = try SensitivityProblem(parameters: a.indices.map {
            SensitivityParameter(name: "x\($0 + 1)", distribution: .uniform(lower: 0, upper: 1))
        })
        let sample = try problem.sample(.saltelli(baseSamples: 4096, secondOrder: false), seed: 77)
        let outputs = Matrix(column: (0..<sample.rows).map { i in
            a.indices.reduce(1.0) { $0 * (abs(4 * sample[i, $1] - 2) + a[$1]) / (1 + a[$1]) }
        })
        let indices = try SobolAnalysis.analyze(outputs: outputs, parameterCount: 8)[0]
        for j in a.indices {
            #expect(abs(indices.firstOrder[j] - firstOrder[j]) <= indices.firstOrderConfidence[j], "S1 of x\(j + 1)")
            #expect(abs(indices.total[j] - total[j]) <= indices.totalConfidence[j], "ST of x\(j + 1)")
        }
    }

    /// Many outputs at once give what each output gives alone (same resamples for all).
    @Test func outputsAreAnalysedAsColumns() throws {
        let outputs = try fixtures.matrix("ishigami_saltelli_Y.txt")
        var both = Matrix(rows: outputs.rows, columns: 2)
        both.setColumn(0, to: outputs.elements)
        both.setColumn(1, to: outputs.elements.map { 3 - 2 * $0 })
        let batch = try SobolAnalysis.analyze(outputs: both, parameterCount: 3)
        let single = try SobolAnalysis.analyze(outputs: outputs, parameterCount: 3)[0]
        #expect(batch[0] == single)
        // Indices do not change under an affine change of the output.
        expectClose(batch[1].firstOrder, single.firstOrder, relative: 1e-12, "S1 of 3 − 2y")
    }

    /// A constant output has no variance to apportion: SALib reports zeros, and so does ShockFlow.
    @Test func constantOutputGivesZeros() throws {
        let indices = try SobolAnalysis.analyze(outputs: Matrix(rows: 20, columns: 1, repeating: 5), parameterCount: 3)[0]
        #expect(indices.firstOrder == [0, 0, 0] && indices.total == [0, 0, 0] && indices.totalConfidence == [0, 0, 0])
    }

    @Test func outputsThatDoNotFitTheLayoutAreRefused() throws {
        // 3 parameters: blocks of 5 rows (8 with second order).
        #expect(throws: SensitivityError.self) {
            try SobolAnalysis.analyze(outputs: Matrix(rows: 21, columns: 1), parameterCount: 3)
        }
        do {
            _ = try SobolAnalysis.analyze(outputs: Matrix(rows: 16, columns: 1), parameterCount: 3)
            Issue.record("16 rows accepted for 3 parameters without second order")
        } catch let error as SensitivityError {
            #expect(error.description.contains("second-order layout"))
        }
        var outputs = Matrix(rows: 10, columns: 1, repeating: 1)
        outputs[3, 0] = .nan
        #expect(throws: SensitivityError.nonFiniteOutput(run: 3, output: 0)) {
            try SobolAnalysis.analyze(outputs: outputs, parameterCount: 3)
        }
        #expect(throws: SensitivityError.invalidConfidenceLevel(1.5)) {
            try SobolAnalysis.analyze(
                outputs: Matrix(rows: 10, columns: 1), parameterCount: 3, bootstrap: BootstrapSettings(confidenceLevel: 1.5))
        }
    }

    /// A second-order sample read as first order (or a sample of another design) breaks the layout.
    @Test func samplesOfAnotherLayoutAreRefused() throws {
        let samples = try fixtures.matrix("ishigami_saltelli2_X.txt")
        let names = ["x1", "x2", "x3"]
        try SobolAnalysis.validateSamples(samples, parameterNames: names, secondOrder: true)
        #expect(throws: SensitivityError.notSaltelliLayout(row: 1, secondOrder: false, parameterCount: 3)) {
            try SobolAnalysis.validateSamples(
                Matrix(rowMajor: (0..<10).map { samples.row($0) }), parameterNames: names, secondOrder: false)
        }
        #expect(throws: SensitivityError.self) {
            try SobolAnalysis.validateSamples(try fixtures.matrix("ishigami_latin_X.txt"), parameterNames: names, secondOrder: false)
        }
    }
}

extension Matrix {
    /// Row `i` as an array (test convenience).
    func row(_ i: Int) -> [Double] { (0..<columns).map { self[i, $0] } }
}
