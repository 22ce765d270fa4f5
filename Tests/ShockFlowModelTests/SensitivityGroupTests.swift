import ShockFlowLinearAlgebra
import ShockFlowModel
import Testing

/// Grouped Sobol' indices (SALib's `groups`) against SALib 1.6 on the same seeds:
/// scripts/fixtures/salib_groups_reference.py wrote the sample, the outputs and SALib's indices.
@Suite struct SensitivityGroupTests {
    let fixtures: SALibFixtures
    /// a, c in g1; b in g2; d, e in g3; bounds as in the script.
    let problem: SensitivityProblem

    init() throws {
        fixtures = try SALibFixtures()
        problem = try SensitivityProblem(parameters: [
        SensitivityParameter(name: "a", distribution: .uniform(lower: 0, upper: 1), group: "g1"),
        SensitivityParameter(name: "b", distribution: .uniform(lower: 0, upper: 1), group: "g2"),
        SensitivityParameter(name: "c", distribution: .uniform(lower: -1, upper: 1), group: "g1"),
        SensitivityParameter(name: "d", distribution: .uniform(lower: 0, upper: 2), group: "g3"),
        SensitivityParameter(name: "e", distribution: .uniform(lower: 0, upper: 1), group: "g3"),
        ])
    }

    @Test func groupsAreTheFactorsInOrderOfFirstAppearance() {
        #expect(problem.isGrouped)
        #expect(problem.factorNames == ["g1", "g2", "g3"])
    }

    @Test(arguments: [("groups_X.txt", 256, false, UInt64(21)), ("groups_X2.txt", 64, true, UInt64(22))])
    func groupedSaltelliSampleIsSALibs(file: String, base: Int, secondOrder: Bool, seed: UInt64) throws {
        let expected = try fixtures.matrix(file)
        let sample = try problem.sample(.saltelli(baseSamples: base, secondOrder: secondOrder), seed: seed)
        #expect(sample.rows == base * (secondOrder ? 2 * 3 + 2 : 3 + 2))
        #expect(sample.rows == expected.rows && sample.columns == expected.columns)
        let largest = zip(sample.elements, expected.elements).map { abs($0 - $1) }.max() ?? .infinity
        #expect(largest <= 1e-15, "largest difference from SALib's sample: \(largest)")
    }

    @Test func groupedIndicesAreSALibs() throws {
        let outputs = try fixtures.matrix("groups_Y.txt")
        let indices = try SobolAnalysis.analyze(
            outputs: outputs, parameterCount: problem.factorNames.count, bootstrap: try fixtures.bootstrap())[0]
        let expected = try fixtures.table("groups_indices.csv")
        for (actual, name) in [
            (indices.firstOrder, "S1"), (indices.total, "ST"), (indices.firstOrderConfidence, "S1_conf"),
            (indices.totalConfidence, "ST_conf"),
        ] {
            let reference = expected[name] ?? []
            #expect(reference.count == 3)
            for (value, target) in zip(actual, reference) {
                #expect(abs(value - target) <= 1e-10 * abs(target), "\(name): \(value) vs SALib \(target)")
            }
        }
    }

    @Test func groupsWithAnotherDesignAreRefused() {
        #expect(throws: SensitivityError.groupsNeedSaltelli(design: "Latin hypercube")) {
            try problem.sample(.latinHypercube(runs: 8), seed: 1)
        }
    }
}
