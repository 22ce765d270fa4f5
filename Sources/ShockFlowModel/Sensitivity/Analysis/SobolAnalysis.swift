import ShockFlowLinearAlgebra

/// Variance-based indices of one output (MODEL section 5), with bootstrap half-widths.
public struct SobolIndices: Equatable, Sendable {
    /// First-order indices S1 (Saltelli et al. 2010), one per parameter.
    public var firstOrder: [Double]
    /// Half-width of the bootstrap interval of each S1 (SALib's `S1_conf`).
    public var firstOrderConfidence: [Double]
    /// Total indices ST (Jansen's estimator), one per parameter.
    public var total: [Double]
    public var totalConfidence: [Double]
    /// Second-order indices S2 for each pair (Saltelli 2002); empty unless asked for.
    public var secondOrder: [SecondOrderIndex]
}

/// S2 of the pair (first, second), first < second, zero-based parameter positions.
public struct SecondOrderIndex: Equatable, Sendable {
    public var first: Int
    public var second: Int
    public var estimate: Double
    public var confidence: Double
}

/// Sobol' indices from outputs laid out as `SamplingDesign.saltelli` samples, computed as SALib
/// 1.6's `sobol.analyze` does: outputs standardised by the mean and standard deviation of all
/// runs, each estimator divided by the variance of the A and B runs, one shared set of bootstrap
/// resamples of the N base points for every parameter and output.
public enum SobolAnalysis {
    /// Indices for every column of `outputs` (runs × outputs).
    public static func analyze(
        outputs: Matrix, parameterCount d: Int, secondOrder: Bool = false,
        bootstrap: BootstrapSettings = BootstrapSettings()
    ) throws -> [SobolIndices] {
        guard d >= 1 else { throw SensitivityError.noParameters }
        let blockSize = secondOrder ? 2 * d + 2 : d + 2
        let rows = outputs.rows
        guard rows % blockSize == 0, rows / blockSize >= 2 else {
            var requirement = "\(d) parameters need N·\(secondOrder ? "(2d+2)" : "(d+2)") = a multiple of "
                + "\(blockSize) rows with N ≥ 2"
            let otherBlock = secondOrder ? d + 2 : 2 * d + 2
            if rows % otherBlock == 0, rows / otherBlock >= 2 {
                requirement += secondOrder
                    ? "; the rows fit the first-order layout N·(d+2): drop the second-order option"
                    : "; the rows fit the second-order layout N·(2d+2): was the sample made with second order?"
            }
            throw SensitivityError.outputRowsDoNotFitDesign(rows: rows, design: "Saltelli", requirement: requirement)
        }
        try requireFinite(outputs)
        let baseCount = rows / blockSize
        try bootstrap.validate(pointsPerResample: baseCount)
        var generator = PCG64(seed: bootstrap.seed)
        // numpy `integers(N, size=(N, B))`, row-major: resample b takes base points r[i·B + b].
        let resampleIndices = (0..<(baseCount * bootstrap.resamples)).map { _ in
            generator.nextInteger(below: baseCount)
        }
        return (0..<outputs.columns).map { column in
            let runs = SaltelliRuns(outputs: outputs.column(column), parameterCount: d, secondOrder: secondOrder)
            return indices(of: runs, resampleIndices: resampleIndices, bootstrap: bootstrap)
        }
    }

    private static func indices(of runs: SaltelliRuns, resampleIndices: [Int], bootstrap: BootstrapSettings)
        -> SobolIndices
    {
        let d = runs.crossed.count
        let resampleCount = bootstrap.resamples
        let z = bootstrap.normalQuantile
        var result = SobolIndices(
            firstOrder: [], firstOrderConfidence: [], total: [], totalConfidence: [], secondOrder: [])
        let resamples = (0..<resampleCount).map { b in
            runs.resampled { i in resampleIndices[i * resampleCount + b] }
        }
        for j in 0..<d {
            result.firstOrder.append(firstOrder(runs, j))
            result.total.append(total(runs, j))
            result.firstOrderConfidence.append(
                z * SampleStatistics.standardDeviation(resamples.map { firstOrder($0, j) }, degreesOfFreedomLost: 1))
            result.totalConfidence.append(
                z * SampleStatistics.standardDeviation(resamples.map { total($0, j) }, degreesOfFreedomLost: 1))
        }
        if !runs.reverseCrossed.isEmpty {
            for j in 0..<d {
                for k in (j + 1)..<d {
                    let spread = SampleStatistics.standardDeviation(
                        resamples.map { secondOrder($0, j, k) }, degreesOfFreedomLost: 1)
                    result.secondOrder.append(
                        SecondOrderIndex(first: j, second: k, estimate: secondOrder(runs, j, k), confidence: z * spread))
                }
            }
        }
        return result
    }

    // Saltelli et al. (2010), eq. (b) of Table 2: S1_j = mean(f(B)·(f(AB^j) − f(A))) / V.
    private static func firstOrder(_ runs: SaltelliRuns, _ j: Int) -> Double {
        guard let variance = runs.variance else { return 0 }
        let a = runs.a, b = runs.b, ab = runs.crossed[j]
        return SampleStatistics.mean((0..<a.count).map { b[$0] * (ab[$0] - a[$0]) }) / variance
    }

    // Jansen (1999), Saltelli et al. (2010) Table 2 (f): ST_j = mean((f(A) − f(AB^j))²) / (2V).
    private static func total(_ runs: SaltelliRuns, _ j: Int) -> Double {
        guard let variance = runs.variance else { return 0 }
        let a = runs.a, ab = runs.crossed[j]
        return 0.5 * SampleStatistics.mean((0..<a.count).map { (a[$0] - ab[$0]) * (a[$0] - ab[$0]) }) / variance
    }

    // Saltelli (2002): S2_jk = mean(f(BA^j)·f(AB^k) − f(A)·f(B)) / V − S1_j − S1_k.
    private static func secondOrder(_ runs: SaltelliRuns, _ j: Int, _ k: Int) -> Double {
        guard let variance = runs.variance else { return 0 }
        let a = runs.a, b = runs.b, baj = runs.reverseCrossed[j], abk = runs.crossed[k]
        let closed = SampleStatistics.mean((0..<a.count).map { baj[$0] * abk[$0] - a[$0] * b[$0] }) / variance
        return closed - firstOrder(runs, j) - firstOrder(runs, k)
    }

    private static func requireFinite(_ outputs: Matrix) throws {
        for column in 0..<outputs.columns {
            for row in 0..<outputs.rows where !outputs[row, column].isFinite {
                throw SensitivityError.nonFiniteOutput(run: row, output: column)
            }
        }
    }
}

/// One output's standardised values split into the A, B, AB^j and BA^j runs of each base point.
private struct SaltelliRuns {
    var a: [Double]
    var b: [Double]
    var crossed: [[Double]]
    var reverseCrossed: [[Double]]
    /// Var of the A and B runs together, or nil when they are constant (SALib then reports 0).
    var variance: Double?

    init(outputs: [Double], parameterCount d: Int, secondOrder: Bool) {
        let blockSize = secondOrder ? 2 * d + 2 : d + 2
        let baseCount = outputs.count / blockSize
        // SALib centres and scales by all runs: Y ← (Y − mean)/std, a constant output becomes all zeros.
        let center = SampleStatistics.mean(outputs)
        let spread = SampleStatistics.standardDeviation(outputs)
        let standardised = spread > 0 ? outputs.map { ($0 - center) / spread } : outputs.map { _ in 0 }
        func runs(_ offset: Int) -> [Double] { (0..<baseCount).map { standardised[$0 * blockSize + offset] } }
        self.init(
            a: runs(0), b: runs(blockSize - 1), crossed: (0..<d).map { runs(1 + $0) },
            reverseCrossed: secondOrder ? (0..<d).map { runs(1 + d + $0) } : [])
    }

    init(a: [Double], b: [Double], crossed: [[Double]], reverseCrossed: [[Double]]) {
        self.a = a
        self.b = b
        self.crossed = crossed
        self.reverseCrossed = reverseCrossed
        let pooled = a + b
        let epsilon = Double.ulpOfOne
        let variance = SampleStatistics.variance(pooled)
        self.variance = SampleStatistics.range(pooled) <= epsilon || variance <= epsilon ? nil : variance
    }

    /// The runs of the base points `index(0)`, `index(1)`, … (a bootstrap resample).
    func resampled(_ index: (Int) -> Int) -> SaltelliRuns {
        let positions = (0..<a.count).map(index)
        return SaltelliRuns(
            a: positions.map { a[$0] }, b: positions.map { b[$0] },
            crossed: crossed.map { values in positions.map { values[$0] } },
            reverseCrossed: reverseCrossed.map { values in positions.map { values[$0] } })
    }
}

extension SobolAnalysis {
    /// Checks that `samples` (runs × parameters) have the Saltelli layout the analysis assumes:
    /// within each block, AB^k equals A except in column k, where it equals B (and BA^k the reverse).
    /// Catches samples from another design, or first- and second-order layouts mixed up.
    public static func validateSamples(_ samples: Matrix, parameterNames: [String], secondOrder: Bool) throws {
        let d = parameterNames.count
        guard samples.columns == d else {
            throw SensitivityError.columnCountMismatch(parameters: d, sampleColumns: samples.columns)
        }
        let blockSize = secondOrder ? 2 * d + 2 : d + 2
        guard samples.rows % blockSize == 0 else {
            throw SensitivityError.outputRowsDoNotFitDesign(
                rows: samples.rows, design: "Saltelli",
                requirement: "\(d) parameters need a multiple of \(blockSize) sample rows")
        }
        for block in 0..<(samples.rows / blockSize) {
            let a = block * blockSize, b = a + blockSize - 1
            for k in 0..<d {
                for j in 0..<d {
                    let crossed = samples[a + 1 + k, j], expected = samples[j == k ? b : a, j]
                    var matches = crossed == expected
                    if secondOrder {
                        matches = matches && samples[a + 1 + d + k, j] == samples[j == k ? a : b, j]
                    }
                    guard matches else {
                        throw SensitivityError.notSaltelliLayout(
                            row: a + 1 + k, secondOrder: secondOrder, parameterCount: d)
                    }
                }
            }
        }
    }
}
