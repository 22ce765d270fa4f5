import ShockFlowLinearAlgebra

/// A sampling design of MODEL section 5 with its size. Every design is deterministic given a
/// seed; with the same seed the Saltelli, Morris, Latin-hypercube, random and Sobol' designs
/// reproduce SALib 1.6 / numpy / scipy bit for bit (docs/sensitivity.md).
public enum SamplingDesign: Equatable, Sendable {
    /// Full factorial: `levels` evenly spaced quantiles per parameter (0, 1/(L−1), …, 1), levels^d runs;
    /// in a problem's sample a discrete parameter takes its own levels instead (`SensitivityProblem.gridLevels`).
    case grid(levels: Int)
    /// Independent uniform draws (numpy `Generator.random`), `runs` rows.
    case random(runs: Int)
    /// Latin hypercube (SALib `latin.sample`), `runs` rows.
    case latinHypercube(runs: Int)
    /// Scrambled Sobol' points (scipy `qmc.Sobol`), `runs` rows, a power of 2.
    case sobolSequence(runs: Int)
    /// Saltelli's cross-sampled matrices for Sobol' indices (SALib `sobol.sample`): N·(d+2) rows,
    /// N·(2d+2) with second-order indices; N a power of 2.
    case saltelli(baseSamples: Int, secondOrder: Bool)
    /// Morris elementary-effect trajectories on a p-level grid (SALib `morris.sample`): r·(d+1) rows.
    case morris(trajectories: Int, levels: Int)

    /// The most values (runs × parameters) a design may hold, to refuse sizes that cannot fit in memory.
    public static let maximumValues = 100_000_000
    /// The most grid levels p of a Morris design (SALib's examples use 4 to 10).
    public static let maximumMorrisLevels = 1_000

    /// Why `levels` cannot be a Morris grid (even, from 2 to `maximumMorrisLevels`), or nil when it can.
    public static func morrisLevelsProblem(_ levels: Int) -> String? {
        if levels < 2 || levels % 2 != 0 { return "an even number of at least 2 is needed (SALib's default is 4)" }
        if levels > maximumMorrisLevels { return "at most \(maximumMorrisLevels) are supported" }
        return nil
    }

    public var name: String {
        switch self {
        case .grid: return "grid"
        case .random: return "random"
        case .latinHypercube: return "Latin hypercube"
        case .sobolSequence: return "Sobol' sequence"
        case .saltelli: return "Saltelli"
        case .morris: return "Morris"
        }
    }

    /// The number of runs (rows) the design has for `parameters` parameters (`Int.max` when that overflows).
    public func runCount(parameters: Int) -> Int {
        func product(_ factors: [Int]) -> Int {
            factors.reduce(1) { result, factor in
                let (value, overflow) = result.multipliedReportingOverflow(by: factor)
                return overflow ? Int.max : value
            }
        }
        switch self {
        case .grid(let levels): return product([Int](repeating: levels, count: parameters))
        case .random(let runs), .latinHypercube(let runs), .sobolSequence(let runs): return runs
        case .saltelli(let base, let secondOrder): return product([base, secondOrder ? 2 * parameters + 2 : parameters + 2])
        case .morris(let trajectories, _): return product([trajectories, parameters + 1])
        }
    }

    /// The design's points in the unit cube (runs × dimension), before distributions are applied.
    public func unitSample(dimension: Int, seed: UInt64) throws -> Matrix {
        try unitSample(dimension: dimension, seed: seed, validateOnly: false)
    }

    /// With `validateOnly`, checks the size and returns an empty matrix.
    func unitSample(dimension: Int, seed: UInt64, validateOnly: Bool) throws -> Matrix {
        try validate(dimension: dimension)
        if validateOnly { return Matrix(rows: 0, columns: dimension) }
        var generator = PCG64(seed: seed)
        switch self {
        case .grid(let levels):
            return FactorialDesign.unitSample(levels: levels, dimension: dimension)
        case .random(let runs):
            var sample = Matrix(rows: runs, columns: dimension)
            for i in 0..<runs {
                for j in 0..<dimension { sample[i, j] = generator.nextUnitDouble() }
            }
            return sample
        case .latinHypercube(let runs):
            return LatinHypercubeDesign.unitSample(runs: runs, dimension: dimension, generator: &generator)
        case .sobolSequence(let runs):
            return try SobolSequence(dimension: dimension, scrambledWith: &generator).points(count: runs)
        case .saltelli(let base, let secondOrder):
            return try SaltelliDesign.unitSample(
                baseSamples: base, dimension: dimension, secondOrder: secondOrder, generator: &generator)
        case .morris(let trajectories, let levels):
            return MorrisDesign.unitSample(
                trajectories: trajectories, levels: levels, dimension: dimension, generator: &generator)
        }
    }

    /// Refuses sizes the design cannot use, before anything is drawn.
    private func validate(dimension: Int) throws {
        guard dimension >= 1 else { throw SensitivityError.noParameters }
        let runs = runCount(parameters: dimension)
        if runs > Self.maximumValues / dimension {
            throw SensitivityError.designTooLarge(design: name, runs: runs, maximumRuns: Self.maximumValues / dimension)
        }
        switch self {
        case .grid(let levels):
            if levels < 1 {
                throw SensitivityError.invalidLevelCount(design: name, levels: levels, requirement: "at least 1 is needed")
            }
        case .random(let runs), .latinHypercube(let runs):
            if runs < 1 { throw SensitivityError.sampleSizeTooSmall(design: name, size: runs, minimum: 1) }
        case .sobolSequence(let runs), .saltelli(let runs, _):
            if runs < 2 { throw SensitivityError.sampleSizeTooSmall(design: name, size: runs, minimum: 2) }
            if runs & (runs - 1) != 0 { throw SensitivityError.sampleSizeNotPowerOfTwo(design: name, size: runs) }
            if runs > 1 << SobolSequence.bits {
                throw SensitivityError.sampleSizeTooLarge(design: name, size: runs, maximum: 1 << SobolSequence.bits)
            }
            let sequenceDimension = self == .sobolSequence(runs: runs) ? dimension : 2 * dimension
            if sequenceDimension > SobolSequence.maximumDimension {
                let maximum = self == .sobolSequence(runs: runs)
                    ? SobolSequence.maximumDimension : SobolSequence.maximumDimension / 2
                throw SensitivityError.tooManyParameters(design: name, parameters: dimension, maximum: maximum)
            }
        case .morris(let trajectories, let levels):
            if trajectories < 2 { throw SensitivityError.sampleSizeTooSmall(design: name, size: trajectories, minimum: 2) }
            if let requirement = Self.morrisLevelsProblem(levels) {
                throw SensitivityError.invalidLevelCount(design: name, levels: levels, requirement: requirement)
            }
        }
    }
}

extension SensitivityProblem {
    /// The design's sample in parameter values (runs × parameters). Groups need the Saltelli design,
    /// whose AB matrices then switch a whole group at a time (N·(G+2) runs for G groups). On a grid a
    /// discrete parameter takes each of its levels once (`gridLevels`).
    public func sample(_ design: SamplingDesign, seed: UInt64) throws -> Matrix {
        if isGrouped {
            guard case .saltelli(let base, let secondOrder) = design else {
                throw SensitivityError.groupsNeedSaltelli(design: design.name)
            }
            _ = try design.unitSample(dimension: dimension, seed: seed, validateOnly: true)
            var generator = PCG64(seed: seed)
            return scale(unitSample: try SaltelliDesign.unitSample(
                baseSamples: base, dimension: dimension, secondOrder: secondOrder, groups: factorIndices, generator: &generator))
        }
        switch design {
        case .grid, .morris:
            if let unbounded = parameters.first(where: { !$0.distribution.isBounded }) {
                throw SensitivityError.unboundedDistribution(
                    parameter: unbounded.name, distribution: unbounded.distribution.name, design: design.name)
            }
        default: break
        }
        if case .grid(let levels) = design { return scale(unitSample: try gridUnitSample(levels: levels)) }
        return scale(unitSample: try design.unitSample(dimension: dimension, seed: seed))
    }
}
