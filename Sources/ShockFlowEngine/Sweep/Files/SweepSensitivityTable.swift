import ShockFlowFormats
import ShockFlowLinearAlgebra
import ShockFlowModel

/// `sensitivity.csv`: method,output,parameter,index,estimate,ci_low,ci_high — the indices the design
/// supports (MODEL section 5): Sobol' S1 and ST (and S2) for `saltelli`, Morris μ, μ*, σ for `morris`,
/// standardised regression coefficients and Spearman rank correlations for the other designs.
/// Intervals are estimate ± the bootstrap half-width; empty where the method gives none. Computed on one
/// OpenBLAS thread (`ReproducibleLinearAlgebra`): the regression's least squares (`dgels`) changes its
/// last bits with the thread count on large samples, as `sensitivity analyze latin` showed.
enum SweepSensitivityTable {
    static let header = ["method", "output", "parameter", "index", "estimate", "ci_low", "ci_high"]

    static func build(_ analysis: SweepAnalysis, samples: Matrix, outputs: Matrix) throws -> [UInt8] {
        try ReproducibleLinearAlgebra.run { try table(analysis, samples: samples, outputs: outputs) }
    }

    private static func table(_ analysis: SweepAnalysis, samples: Matrix, outputs: Matrix) throws -> [UInt8] {
        var table = CSVTableWriter(header: header)
        let names = analysis.factorNames
        func row(_ method: String, _ output: String, _ parameter: String, _ index: String, _ estimate: Double, _ halfWidth: Double?) {
            table.appendText(row: [method, output, parameter, index])
            table.appendNumbers([estimate] + (halfWidth.map { [estimate - $0, estimate + $0] } ?? []), emptyAfter: halfWidth == nil ? 2 : 0)
        }
        switch analysis.design {
        case .saltelli(_, let secondOrder):
            let indices = try SobolAnalysis.analyze(
                outputs: outputs, parameterCount: names.count, secondOrder: secondOrder, bootstrap: analysis.bootstrap)
            for (output, sobol) in zip(analysis.outputNames, indices) {
                for (j, name) in names.enumerated() {
                    row("sobol", output, name, "S1", sobol.firstOrder[j], sobol.firstOrderConfidence[j])
                    row("sobol", output, name, "ST", sobol.total[j], sobol.totalConfidence[j])
                }
                for pair in sobol.secondOrder {
                    row("sobol", output, "\(names[pair.first]):\(names[pair.second])", "S2", pair.estimate, pair.confidence)
                }
            }
        case .morris(_, let levels):
            let indices = try MorrisAnalysis.analyze(
                samples: samples, outputs: outputs, parameterNames: names, levels: levels, bootstrap: analysis.bootstrap)
            for (output, morris) in zip(analysis.outputNames, indices) {
                for (j, name) in names.enumerated() {
                    row("morris", output, name, "mu", morris.mean[j], nil)
                    row("morris", output, name, "mu_star", morris.meanAbsolute[j], morris.meanAbsoluteConfidence[j])
                    row("morris", output, name, "sigma", morris.standardDeviation[j], nil)
                }
            }
        case .grid, .random, .latinHypercube, .sobolSequence:
            let indices = try RegressionAnalysis.analyze(samples: samples, outputs: outputs, parameterNames: names)
            for (output, regression) in zip(analysis.outputNames, indices) {
                for (j, name) in names.enumerated() {
                    row("regression", output, name, "src", regression.standardizedCoefficients[j], nil)
                    row("regression", output, name, "spearman", regression.rankCorrelations[j], nil)
                }
            }
        }
        return table.bytes
    }
}
