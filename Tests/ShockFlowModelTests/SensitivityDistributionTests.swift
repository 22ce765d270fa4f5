import ShockFlowLinearAlgebra
import Testing
@testable import ShockFlowModel

/// Unit samples map through the same inverse CDFs as SALib's `scale_samples` (scipy `ppf`), and
/// AS 241 agrees with scipy's `ndtri` (fixtures from scripts/fixtures/salib_reference.py).
@Suite struct SensitivityDistributionTests {
    let fixtures: SALibFixtures

    init() throws { fixtures = try SALibFixtures() }

    @Test func normalQuantileMatchesScipy() throws {
        let table = try fixtures.matrix("normal_quantiles.txt")
        for i in 0..<table.rows {
            let p = table[i, 0], expected = table[i, 1]
            let actual = StandardNormal.quantile(p)
            #expect(abs(actual - expected) <= 1e-15 * max(1, abs(expected)), "Φ⁻¹(\(p)) = \(actual), scipy \(expected)")
        }
        #expect(StandardNormal.quantile(0) == -.infinity)
        #expect(StandardNormal.quantile(1) == .infinity)
        #expect(StandardNormal.quantile(1.5).isNaN)
    }

    /// Φ(Φ⁻¹(p)) = p across the range, tails included.
    @Test func normalQuantileInvertsTheCDF() {
        for p in [1e-15, 1e-8, 0.003, 0.2, 0.5, 0.77, 0.9999] {
            let roundTrip = StandardNormal.cumulativeProbability(StandardNormal.quantile(p))
            #expect(abs(roundTrip - p) <= 1e-13 * p)
        }
    }

    /// unif, logunif, norm, lognorm, truncnorm (body and far tail) and triang against SALib.
    @Test func distributionsMatchSALib() throws {
        let unit = try fixtures.matrix("distribution_unit.txt").elements
        let expected = try fixtures.matrix("distribution_values.txt")
        let distributions: [ParameterDistribution] = [
            .uniform(lower: -2, upper: 5),
            .logUniform(lower: 0.01, upper: 100),
            .normal(mean: 1.5, standardDeviation: 0.3),
            .logNormal(logMean: 0.2, logStandardDeviation: 0.5),
            .truncatedNormal(lower: 0, upper: 1, mean: 0.3, standardDeviation: 0.2),
            .truncatedNormal(lower: 2, upper: 3, mean: 0, standardDeviation: 1),
            .triangular(lower: 1, upper: 4, mode: 1 + 0.25 * 3),
        ]
        #expect(expected.columns == distributions.count)
        for (j, distribution) in distributions.enumerated() {
            // scipy's truncnorm.ppf takes another route through the tails; both agree to ~1e-12.
            let tolerance = distribution.name == "truncnorm" ? 1e-11 : 1e-14
            for (i, u) in unit.enumerated() {
                let actual = distribution.quantile(u)
                #expect(
                    abs(actual - expected[i, j]) <= tolerance * max(1, abs(expected[i, j])),
                    "\(distribution.name) at \(u): \(actual), SALib \(expected[i, j])")
            }
        }
    }

    @Test func discreteLevelsSplitTheUnitIntervalEvenly() {
        let levels = ParameterDistribution.discrete(levels: [0.1, 0.25, 0.5])
        #expect([0, 0.3, 1.0 / 3, 0.5, 0.7, 0.999, 1].map(levels.quantile) == [0.1, 0.1, 0.25, 0.25, 0.5, 0.5, 0.5])
    }

    @Test func impossibleDistributionsAreRefused() {
        #expect(throws: SensitivityError.invalidDistribution(
            parameter: "eta", reason: "the lower bound 2.0 is not below the upper bound 1.0")
        ) {
            try SensitivityProblem(parameters: [SensitivityParameter(name: "eta", distribution: .uniform(lower: 2, upper: 1))])
        }
        let problems: [ParameterDistribution] = [
            .logUniform(lower: 0, upper: 1), .normal(mean: 0, standardDeviation: 0),
            .truncatedNormal(lower: 1, upper: 0, mean: 0, standardDeviation: 1),
            .triangular(lower: 0, upper: 1, mode: 2), .discrete(levels: []), .uniform(lower: 0, upper: .infinity),
        ]
        for distribution in problems { #expect(distribution.problem != nil, "\(distribution) accepted") }
        #expect(throws: SensitivityError.repeatedParameter(name: "a")) {
            try SensitivityProblem(parameters: [
                SensitivityParameter(name: "a", distribution: .uniform(lower: 0, upper: 1)),
                SensitivityParameter(name: "a", distribution: .uniform(lower: 0, upper: 1)),
            ])
        }
    }
}
