import ShockFlowLinearAlgebra
import Testing
@testable import ShockFlowModel

/// The designs of MODEL section 5 reproduce SALib 1.6 / numpy / scipy draws from the same seeds
/// (fixtures from scripts/fixtures/salib_reference.py), and have the documented shapes.
@Suite struct SensitivitySamplerTests {
    let fixtures: SALibFixtures

    init() throws { fixtures = try SALibFixtures() }

    /// SALib `sobol.sample(problem, 512, calc_second_order=False, seed=11)`, bit for bit.
    @Test func saltelliFirstOrderMatchesSALib() throws {
        let problem = try SALibFixtures.ishigamiProblem()
        let base = try fixtures.integer("saltelli", "base_samples")
        let seed = UInt64(try fixtures.integer("saltelli", "sample_seed"))
        let sample = try problem.sample(.saltelli(baseSamples: base, secondOrder: false), seed: seed)
        #expect(sample.rows == base * (problem.dimension + 2))
        expectIdentical(sample, try fixtures.matrix(try fixtures.string("saltelli", "samples")), "Saltelli sample")
    }

    /// SALib `sobol.sample(problem, 256, calc_second_order=True, seed=12)`: N·(2d+2) rows with the BA blocks.
    @Test func saltelliSecondOrderMatchesSALib() throws {
        let problem = try SALibFixtures.ishigamiProblem()
        let base = try fixtures.integer("saltelli_second_order", "base_samples")
        let seed = UInt64(try fixtures.integer("saltelli_second_order", "sample_seed"))
        let sample = try problem.sample(.saltelli(baseSamples: base, secondOrder: true), seed: seed)
        #expect(sample.rows == base * (2 * problem.dimension + 2))
        expectIdentical(
            sample, try fixtures.matrix(try fixtures.string("saltelli_second_order", "samples")), "second-order sample")
    }

    /// SALib `morris.sample(problem, 40, num_levels=4, seed=21)` on [0, 1]^6.
    @Test func morrisMatchesSALib() throws {
        let problem = try SensitivityProblem(parameters: (1...6).map {
            SensitivityParameter(name: "x\($0)", distribution: .uniform(lower: 0, upper: 1))
        })
        let trajectories = try fixtures.integer("morris", "trajectories")
        let sample = try problem.sample(
            .morris(trajectories: trajectories, levels: try fixtures.integer("morris", "levels")),
            seed: UInt64(try fixtures.integer("morris", "sample_seed")))
        #expect(sample.rows == trajectories * 7)
        expectIdentical(sample, try fixtures.matrix(try fixtures.string("morris", "samples")), "Morris sample")
    }

    /// SALib `latin.sample(problem, 100, seed=31)`.
    @Test func latinHypercubeMatchesSALib() throws {
        let sample = try SALibFixtures.ishigamiProblem().sample(
            .latinHypercube(runs: try fixtures.integer("latin", "runs")),
            seed: UInt64(try fixtures.integer("latin", "sample_seed")))
        expectIdentical(sample, try fixtures.matrix(try fixtures.string("latin", "samples")), "Latin hypercube")
    }

    /// numpy `default_rng(32).random((50, 3))` scaled: checks PCG64 and SeedSequence against numpy.
    @Test func randomMatchesNumpy() throws {
        let sample = try SALibFixtures.ishigamiProblem().sample(
            .random(runs: try fixtures.integer("random", "runs")),
            seed: UInt64(try fixtures.integer("random", "sample_seed")))
        expectIdentical(sample, try fixtures.matrix(try fixtures.string("random", "samples")), "random sample")
    }

    /// scipy `qmc.Sobol(5, scramble=True, seed=33).random(64)`: LMS+shift scrambling as scipy's.
    @Test func scrambledSobolMatchesScipy() throws {
        let unit = try SamplingDesign.sobolSequence(runs: try fixtures.integer("sobol_sequence", "runs"))
            .unitSample(
                dimension: try fixtures.integer("sobol_sequence", "dimension"),
                seed: UInt64(try fixtures.integer("sobol_sequence", "sample_seed")))
        expectIdentical(unit, try fixtures.matrix(try fixtures.string("sobol_sequence", "samples")), "Sobol' points")
    }

    /// scipy `qmc.Sobol(40, scramble=False).random(256)`: the Joe–Kuo table over 40 dimensions.
    @Test func plainSobolMatchesScipy() throws {
        let dimension = try fixtures.integer("sobol_sequence_plain", "dimension")
        let points = try SobolSequence(dimension: dimension)
            .points(count: try fixtures.integer("sobol_sequence_plain", "runs"))
        expectIdentical(
            points, try fixtures.matrix(try fixtures.string("sobol_sequence_plain", "samples")), "plain Sobol' points")
    }

    /// Every one of the 2¹⁰ first points of a 1,024-dimensional sequence lies in [0, 1) and each
    /// coordinate takes each value k/1024 exactly once (the (0, m, 1) property of every dimension).
    @Test func everyTableDimensionIsBalanced() throws {
        let points = try SobolSequence(dimension: SobolSequence.maximumDimension).points(count: 1024)
        for d in 0..<points.columns {
            let cells = Set((0..<points.rows).map { Int(points[$0, d] * 1024) })
            #expect(cells.count == 1024, "dimension \(d + 1) is not balanced")
        }
    }

    /// The full factorial has L^d rows, every combination once, ends of the range included.
    @Test func gridIsFullFactorial() throws {
        let problem = try SensitivityProblem(parameters: [
            SensitivityParameter(name: "a", distribution: .uniform(lower: 0, upper: 1)),
            SensitivityParameter(name: "b", distribution: .uniform(lower: 10, upper: 20)),
            SensitivityParameter(name: "c", distribution: .discrete(levels: [1, 2, 5])),
        ])
        let sample = try problem.sample(.grid(levels: 3), seed: 0)
        #expect(sample.rows == 27)
        let combinations = Set((0..<27).map { [sample[$0, 0], sample[$0, 1], sample[$0, 2]] })
        #expect(combinations.count == 27)
        #expect(Set((0..<27).map { sample[$0, 1] }) == [10, 15, 20])
        #expect(Set((0..<27).map { sample[$0, 2] }) == [1, 2, 5])
        #expect([sample[0, 0], sample[0, 1], sample[0, 2]] == [0, 10, 1])
        #expect([sample[1, 0], sample[1, 1], sample[1, 2]] == [0, 10, 2])
    }

    /// On a grid a discrete parameter takes each of its own levels once, whatever the grid's level count:
    /// 5 seeds × 2 continuous levels × 3 thresholds = 30 runs, every combination once, in the order of
    /// `itertools.product`.
    @Test func discreteParametersTakeTheirOwnLevelsOnAGrid() throws {
        let problem = try SensitivityProblem(parameters: [
            SensitivityParameter(name: "seed", distribution: .discrete(levels: [0, 1, 2, 3, 4])),
            SensitivityParameter(name: "cut", distribution: .uniform(lower: 0.2, upper: 0.8)),
            SensitivityParameter(name: "threshold", distribution: .discrete(levels: [0.01, 0.05, 0.1])),
        ])
        #expect(problem.gridLevels(2) == [5, 2, 3])
        #expect(problem.runCount(.grid(levels: 2)) == 30)
        let sample = try problem.sample(.grid(levels: 2), seed: 0)
        #expect(sample.rows == 30)
        let rows = (0..<30).map { [sample[$0, 0], sample[$0, 1], sample[$0, 2]] }
        var expected: [[Double]] = []
        for seed in [0.0, 1, 2, 3, 4] {
            for cut in [0.2, 0.8] {
                for threshold in [0.01, 0.05, 0.1] { expected.append([seed, cut, threshold]) }
            }
        }
        #expect(rows.count == expected.count)
        for (row, want) in zip(rows, expected) {
            #expect(row[0] == want[0] && row[2] == want[2] && abs(row[1] - want[1]) < 1e-15)
        }
        // 50 levels on a grid of 1: each once (the unit level i/49 picks level i).
        let seeds = try SensitivityProblem(parameters: [
            SensitivityParameter(name: "seed", distribution: .discrete(levels: (0..<50).map(Double.init)))
        ])
        #expect(try seeds.sample(.grid(levels: 1), seed: 0).elements == (0..<50).map(Double.init))
    }

    /// Same seed, same sample; another seed, another sample.
    @Test func samplesAreDeterministic() throws {
        let problem = try SALibFixtures.ishigamiProblem()
        for design in [SamplingDesign.latinHypercube(runs: 20), .random(runs: 20), .saltelli(baseSamples: 8, secondOrder: true)] {
            #expect(try problem.sample(design, seed: 5) == problem.sample(design, seed: 5))
            #expect(try problem.sample(design, seed: 5) != problem.sample(design, seed: 6))
        }
    }

    @Test func unsuitableSizesAreRefused() throws {
        let problem = try SALibFixtures.ishigamiProblem()
        #expect(throws: SensitivityError.sampleSizeNotPowerOfTwo(design: "Saltelli", size: 1000)) {
            try problem.sample(.saltelli(baseSamples: 1000, secondOrder: false), seed: 1)
        }
        #expect(throws: SensitivityError.sampleSizeNotPowerOfTwo(design: "Sobol' sequence", size: 100)) {
            try problem.sample(.sobolSequence(runs: 100), seed: 1)
        }
        #expect(throws: SensitivityError.invalidLevelCount(
            design: "Morris", levels: 5, requirement: "an even number of at least 2 is needed (SALib's default is 4)")
        ) {
            try problem.sample(.morris(trajectories: 10, levels: 5), seed: 1)
        }
        #expect(throws: SensitivityError.sampleSizeTooSmall(design: "Morris", size: 1, minimum: 2)) {
            try problem.sample(.morris(trajectories: 1, levels: 4), seed: 1)
        }
        #expect(throws: SensitivityError.designTooLarge(design: "grid", runs: 1_000_000_000, maximumRuns: 33_333_333)) {
            try problem.sample(.grid(levels: 1000), seed: 1)
        }
        let many = try SensitivityProblem(parameters: (0..<513).map {
            SensitivityParameter(name: "p\($0)", distribution: .uniform(lower: 0, upper: 1))
        })
        #expect(throws: SensitivityError.tooManyParameters(design: "Saltelli", parameters: 513, maximum: 512)) {
            try many.sample(.saltelli(baseSamples: 2, secondOrder: false), seed: 1)
        }
        #expect(SensitivityError.sampleSizeNotPowerOfTwo(design: "Saltelli", size: 1000).description.contains("512 or 1024"))
    }

    /// Grid and Morris points sit on the ends of the range, where a normal distribution is infinite.
    @Test func unboundedDistributionsAreRefusedOnGrids() throws {
        let problem = try SensitivityProblem(parameters: [
            SensitivityParameter(name: "shock", distribution: .normal(mean: 0, standardDeviation: 1))
        ])
        #expect(throws: SensitivityError.unboundedDistribution(parameter: "shock", distribution: "norm", design: "Morris")) {
            try problem.sample(.morris(trajectories: 4, levels: 4), seed: 1)
        }
        #expect(throws: SensitivityError.unboundedDistribution(parameter: "shock", distribution: "norm", design: "grid")) {
            try problem.sample(.grid(levels: 3), seed: 1)
        }
    }
}
