/// Errors of the sensitivity statistics: designs that cannot be built and outputs that do not
/// fit the design. Descriptions speak of runs, parameters and rows as a modeler sees them.
public enum SensitivityError: Error, Equatable, Sendable {
    case noParameters
    case repeatedParameter(name: String)
    case invalidDistribution(parameter: String, reason: String)
    /// Saltelli and Sobol' designs need N = 2^k for the balance of the Sobol' sequence.
    case sampleSizeNotPowerOfTwo(design: String, size: Int)
    case sampleSizeTooSmall(design: String, size: Int, minimum: Int)
    case sampleSizeTooLarge(design: String, size: Int, maximum: Int)
    case tooManyParameters(design: String, parameters: Int, maximum: Int)
    /// Grid and Morris designs put points on the ends of the range, where this distribution is infinite.
    case unboundedDistribution(parameter: String, distribution: String, design: String)
    case invalidLevelCount(design: String, levels: Int, requirement: String)
    case designTooLarge(design: String, runs: Int, maximumRuns: Int)
    case bootstrapTooLarge(baseSamples: Int, resamples: Int, maximum: Int)
    /// The number of output rows does not fit the design's layout.
    case outputRowsDoNotFitDesign(rows: Int, design: String, requirement: String)
    case rowCountMismatch(sampleRows: Int, outputRows: Int)
    /// Sample row `row` (0-based) breaks the A, AB^j, (BA^j,) B block structure of a Saltelli sample.
    case notSaltelliLayout(row: Int, secondOrder: Bool, parameterCount: Int)
    case columnCountMismatch(parameters: Int, sampleColumns: Int)
    /// A Morris sample whose values or steps are not those of the `levels`-level grid; `revealedLevels`
    /// is the level count they fit, when one does.
    case notOnMorrisGrid(levels: Int, revealedLevels: Int?, detail: String)
    /// Two consecutive rows of a Morris trajectory change more than one parameter.
    case notMorrisTrajectory(trajectory: Int, step: Int, changedParameters: [String])
    case nonFiniteOutput(run: Int, output: Int)
    /// A regression needs every parameter to vary across the runs.
    case constantParameter(name: String)
    case groupsNeedSaltelli(design: String)
    case collinearParameters
    case invalidConfidenceLevel(Double)
    case invalidResampleCount(Int)
}

extension SensitivityError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .noParameters:
            return "the problem has no parameters"
        case .repeatedParameter(let name):
            return "parameter '\(name)' is defined twice"
        case .invalidDistribution(let parameter, let reason):
            return "parameter '\(parameter)': \(reason)"
        case .sampleSizeNotPowerOfTwo(let design, let size):
            let below = 1 << (Int.bitWidth - 1 - max(size, 1).leadingZeroBitCount)
            return "\(design) needs N to be a power of 2 (the Sobol' sequence is balanced only then); "
                + "N = \(size), use \(below) or \(below * 2)"
        case .sampleSizeTooSmall(let design, let size, let minimum):
            return "\(design) needs N ≥ \(minimum), got \(size)"
        case .sampleSizeTooLarge(let design, let size, let maximum):
            return "\(design) supports N ≤ \(maximum), got \(size)"
        case .tooManyParameters(let design, let parameters, let maximum):
            return "\(design) supports at most \(maximum) parameters, the problem has \(parameters)"
        case .unboundedDistribution(let parameter, let distribution, let design):
            return "parameter '\(parameter)' has a \(distribution) distribution, which is infinite at the ends of "
                + "its range; the \(design) design places points there, so use a bounded distribution "
                + "(e.g. truncnorm)"
        case .invalidLevelCount(let design, let levels, let requirement):
            return "\(design): \(levels) levels given, \(requirement)"
        case .designTooLarge(let design, let runs, let maximumRuns):
            let count = runs == Int.max ? "too many" : "\(runs)"
            return "the \(design) design would have \(count) runs; at most \(maximumRuns) fit for this many parameters"
        case .bootstrapTooLarge(let baseSamples, let resamples, let maximum):
            return "\(resamples) bootstrap resamples of \(baseSamples) points exceed \(maximum) draws; use fewer resamples"
        case .outputRowsDoNotFitDesign(let rows, let design, let requirement):
            return "\(rows) output rows do not fit the \(design) layout: \(requirement)"
        case .rowCountMismatch(let sampleRows, let outputRows):
            return "the samples have \(sampleRows) rows but the outputs have \(outputRows); "
                + "each run needs one output row"
        case .notSaltelliLayout(let row, let secondOrder, let d):
            let layout = secondOrder
                ? "second-order layout (blocks of 2d+2 = \(2 * d + 2) rows: A, AB¹…ABᵈ, BA¹…BAᵈ, B)"
                : "first-order layout (blocks of d+2 = \(d + 2) rows: A, AB¹…ABᵈ, B)"
            return "sample row \(row + 1) does not follow the Saltelli \(layout); was the sample made by "
                + "`sample saltelli` for this problem, with the same --second-order setting?"
        case .columnCountMismatch(let parameters, let sampleColumns):
            return "the problem has \(parameters) parameters but the samples have \(sampleColumns) columns"
        case .notOnMorrisGrid(let levels, let revealed?, _):
            return "the sample's values lie on a Morris grid of \(revealed) levels, not of the \(levels) levels given: analyse it "
                + "with \(revealed) levels (Δ = \(revealed)/(2·\(revealed - 1)), where \(levels) levels would divide by "
                + "Δ = \(levels)/(2·\(levels - 1)))"
        case .notOnMorrisGrid(let levels, nil, let detail):
            return "\(detail); was the sample made by `sample morris` with \(levels) levels for this problem?"
        case .notMorrisTrajectory(let trajectory, let step, let changed):
            return "trajectory \(trajectory + 1), step \(step + 1) changes \(changed.joined(separator: ", ")) at "
                + "once; a Morris trajectory changes one parameter per step (was the sample made by "
                + "`sample morris` for this problem?)"
        case .nonFiniteOutput(let run, let output):
            return "output \(output + 1) of run \(run + 1) is not a finite number"
        case .constantParameter(let name):
            return "parameter '\(name)' has the same value in every run, so no regression coefficient can be estimated"
        case .groupsNeedSaltelli(let design):
            return "parameter groups need the Saltelli design (Sobol' indices per group); the \(design) design gives "
                + "indices per parameter: remove the groups or use saltelli"
        case .collinearParameters:
            return "the sampled parameters are linearly dependent, so the regression coefficients are not determined"
        case .invalidConfidenceLevel(let level):
            return "the confidence level must lie strictly between 0 and 1, got \(level)"
        case .invalidResampleCount(let count):
            return "the number of bootstrap resamples must be at least 2, got \(count)"
        }
    }
}
