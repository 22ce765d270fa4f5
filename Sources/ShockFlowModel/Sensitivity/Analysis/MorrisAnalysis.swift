import ShockFlowLinearAlgebra

/// Elementary-effect statistics of one output (Morris 1991; μ* from Campolongo et al. 2007).
public struct MorrisIndices: Equatable, Sendable {
    /// Mean elementary effect μ per parameter.
    public var mean: [Double]
    /// Mean absolute elementary effect μ*.
    public var meanAbsolute: [Double]
    /// Standard deviation σ of the elementary effects (ddof 1).
    public var standardDeviation: [Double]
    /// Half-width of the bootstrap interval of μ* (SALib's `mu_star_conf`).
    public var meanAbsoluteConfidence: [Double]
}

/// Morris screening from trajectories laid out as `SamplingDesign.morris` samples, as SALib 1.6's
/// `morris.analyze` computes it: an elementary effect is the output change across the step that
/// moves one parameter, from its lower to its higher value, divided by the unit step Δ = p/(2(p−1)).
public enum MorrisAnalysis {
    /// Statistics for every column of `outputs` (runs × outputs); `samples` (runs × parameters)
    /// tell which parameter moves at each step and in which direction.
    public static func analyze(
        samples: Matrix, outputs: Matrix, parameterNames: [String], levels: Int = 4,
        bootstrap: BootstrapSettings = BootstrapSettings()
    ) throws -> [MorrisIndices] {
        let d = parameterNames.count
        guard d >= 1 else { throw SensitivityError.noParameters }
        guard samples.columns == d else {
            throw SensitivityError.columnCountMismatch(parameters: d, sampleColumns: samples.columns)
        }
        guard samples.rows == outputs.rows else {
            throw SensitivityError.rowCountMismatch(sampleRows: samples.rows, outputRows: outputs.rows)
        }
        guard samples.rows % (d + 1) == 0 else {
            throw SensitivityError.outputRowsDoNotFitDesign(
                rows: samples.rows, design: "Morris",
                requirement: "\(d) parameters need r·(d+1) = a multiple of \(d + 1) rows")
        }
        let trajectoryCount = samples.rows / (d + 1)
        guard trajectoryCount >= 2 else {
            throw SensitivityError.sampleSizeTooSmall(design: "Morris analysis", size: trajectoryCount, minimum: 2)
        }
        try bootstrap.validate(pointsPerResample: trajectoryCount)
        if let requirement = SamplingDesign.morrisLevelsProblem(levels) {
            throw SensitivityError.invalidLevelCount(design: "Morris", levels: levels, requirement: requirement)
        }
        for column in 0..<outputs.columns {
            for row in 0..<outputs.rows where !outputs[row, column].isFinite {
                throw SensitivityError.nonFiniteOutput(run: row, output: column)
            }
        }
        let steps = try trajectorySteps(samples: samples, parameterNames: parameterNames)
        let delta = MorrisDesign.step(levels: levels)
        let z = bootstrap.normalQuantile
        return (0..<outputs.columns).map { column in
            let y = outputs.column(column)
            // effects[j][t]: the elementary effect of parameter j in trajectory t (0 if it never moves).
            var effects = [[Double]](repeating: [Double](repeating: 0, count: trajectoryCount), count: d)
            for step in steps {
                let change = y[step.higherRow] - y[step.lowerRow]
                effects[step.parameter][step.trajectory] += change / delta
            }
            // SALib draws each parameter's resamples from one generator in turn: integers(r, size=(B, r)).
            var generator = PCG64(seed: bootstrap.seed)
            var indices = MorrisIndices(mean: [], meanAbsolute: [], standardDeviation: [], meanAbsoluteConfidence: [])
            for j in 0..<d {
                let effect = effects[j]
                let absolute = effect.map(abs)
                indices.mean.append(SampleStatistics.mean(effect))
                indices.meanAbsolute.append(SampleStatistics.mean(absolute))
                indices.standardDeviation.append(SampleStatistics.standardDeviation(effect, degreesOfFreedomLost: 1))
                let resampled = (0..<bootstrap.resamples).map { _ in
                    SampleStatistics.mean((0..<trajectoryCount).map { _ in
                        absolute[generator.nextInteger(below: trajectoryCount)]
                    })
                }
                indices.meanAbsoluteConfidence.append(
                    z * SampleStatistics.standardDeviation(resampled, degreesOfFreedomLost: 1))
            }
            return indices
        }
    }

    /// One step of a trajectory: the parameter it moves and the rows at its lower and higher value.
    private struct Step {
        var trajectory: Int
        var parameter: Int
        var lowerRow: Int
        var higherRow: Int
    }

    /// Reads the steps from the samples; refuses a step that moves several parameters at once.
    private static func trajectorySteps(samples: Matrix, parameterNames: [String]) throws -> [Step] {
        let d = parameterNames.count
        var steps: [Step] = []
        for trajectory in 0..<(samples.rows / (d + 1)) {
            for step in 0..<d {
                let before = trajectory * (d + 1) + step, after = before + 1
                let moved = (0..<d).filter { samples[after, $0] != samples[before, $0] }
                guard moved.count <= 1 else {
                    throw SensitivityError.notMorrisTrajectory(
                        trajectory: trajectory, step: step, changedParameters: moved.map { parameterNames[$0] })
                }
                guard let parameter = moved.first else { continue }
                let increased = samples[after, parameter] > samples[before, parameter]
                steps.append(
                    Step(
                        trajectory: trajectory, parameter: parameter, lowerRow: increased ? before : after,
                        higherRow: increased ? after : before))
            }
        }
        return steps
    }
}
