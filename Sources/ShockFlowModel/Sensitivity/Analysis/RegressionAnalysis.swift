import ShockFlowLinearAlgebra

/// Sample-based indices of one output for grid, random, Latin-hypercube and Sobol'-sequence designs.
public struct RegressionIndices: Equatable, Sendable {
    /// Standardised regression coefficients β_j·σ(x_j)/σ(y) of the least-squares linear fit.
    public var standardizedCoefficients: [Double]
    /// Spearman's rank correlation of each parameter with the output (average ranks for ties).
    public var rankCorrelations: [Double]
    /// R² of the linear fit: how much of the variance the coefficients explain.
    public var coefficientOfDetermination: Double
}

/// Standardised regression coefficients (one `dgels` for all outputs) and Spearman rank
/// correlations (one `dgemm` for all outputs). A constant output gets zeros.
public enum RegressionAnalysis {
    public static func analyze(samples: Matrix, outputs: Matrix, parameterNames: [String]) throws
        -> [RegressionIndices]
    {
        let d = parameterNames.count, n = samples.rows
        guard d >= 1 else { throw SensitivityError.noParameters }
        guard samples.columns == d else {
            throw SensitivityError.columnCountMismatch(parameters: d, sampleColumns: samples.columns)
        }
        guard outputs.rows == n else { throw SensitivityError.rowCountMismatch(sampleRows: n, outputRows: outputs.rows) }
        guard n >= d + 2 else {
            throw SensitivityError.sampleSizeTooSmall(design: "regression analysis", size: n, minimum: d + 2)
        }
        for column in 0..<outputs.columns {
            for row in 0..<n where !outputs[row, column].isFinite {
                throw SensitivityError.nonFiniteOutput(run: row, output: column)
            }
        }
        for j in 0..<d where SampleStatistics.range(samples.column(j)) == 0 {
            throw SensitivityError.constantParameter(name: parameterNames[j])
        }
        let centeredSamples = centered(samples)
        let centeredOutputs = centered(outputs)
        let coefficients: Matrix
        do {
            coefficients = try Matrix.leastSquares(centeredSamples, centeredOutputs)
        } catch LinearAlgebraError.singular {
            throw SensitivityError.collinearParameters
        }
        let fitted = try Matrix.product(centeredSamples, coefficients)
        let sampleSpread = (0..<d).map { SampleStatistics.standardDeviation(samples.column($0)) }
        let rankCorrelations = try spearman(samples, outputs)
        return (0..<outputs.columns).map { column in
            let y = centeredOutputs.column(column)
            let totalSquares = y.reduce(0) { $0 + $1 * $1 }
            guard totalSquares > 0 else {
                let zeros = [Double](repeating: 0, count: d)
                return RegressionIndices(standardizedCoefficients: zeros, rankCorrelations: zeros, coefficientOfDetermination: 0)
            }
            let outputSpread = SampleStatistics.standardDeviation(y)
            let residualSquares = (0..<n).reduce(0.0) { sum, i in
                let residual = y[i] - fitted[i, column]
                return sum + residual * residual
            }
            return RegressionIndices(
                standardizedCoefficients: (0..<d).map { coefficients[$0, column] * sampleSpread[$0] / outputSpread },
                rankCorrelations: (0..<d).map { rankCorrelations[$0, column] },
                coefficientOfDetermination: 1 - residualSquares / totalSquares)
        }
    }

    /// Spearman's ρ for every (parameter, output) pair: Pearson correlation of average ranks.
    private static func spearman(_ samples: Matrix, _ outputs: Matrix) throws -> Matrix {
        let sampleRanks = centered(ranks(samples)), outputRanks = centered(ranks(outputs))
        let products = try Matrix.product(sampleRanks, outputRanks, transposeA: .transposed)
        let sampleNorms = (0..<samples.columns).map { norm(sampleRanks.column($0)) }
        let outputNorms = (0..<outputs.columns).map { norm(outputRanks.column($0)) }
        var correlations = products
        for j in 0..<samples.columns {
            for k in 0..<outputs.columns {
                let scale = sampleNorms[j] * outputNorms[k]
                correlations[j, k] = scale > 0 ? products[j, k] / scale : 0
            }
        }
        return correlations
    }

    private static func norm(_ values: [Double]) -> Double { values.reduce(0) { $0 + $1 * $1 }.squareRoot() }

    /// Each column minus its mean.
    private static func centered(_ matrix: Matrix) -> Matrix {
        var result = matrix
        for j in 0..<matrix.columns {
            let center = SampleStatistics.mean(matrix.column(j))
            result.setColumn(j, to: matrix.column(j).map { $0 - center })
        }
        return result
    }

    /// Each column replaced by its ranks 1…n, tied values sharing their average rank.
    private static func ranks(_ matrix: Matrix) -> Matrix {
        var result = matrix
        for j in 0..<matrix.columns {
            let values = matrix.column(j)
            let order = values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
            var columnRanks = [Double](repeating: 0, count: values.count)
            var start = 0
            while start < order.count {
                var end = start
                while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
                let averageRank = Double(start + end) / 2 + 1
                for position in start...end { columnRanks[order[position]] = averageRank }
                start = end + 1
            }
            result.setColumn(j, to: columnRanks)
        }
        return result
    }
}
