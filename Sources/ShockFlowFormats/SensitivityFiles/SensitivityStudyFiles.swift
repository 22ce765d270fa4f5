import ShockFlowLinearAlgebra
import ShockFlowModel

/// The `shockflow sensitivity` operations on files: read SALib's problem, sample and output files,
/// run the model-layer statistics, and return the text to print. Problems in the data come back
/// as `DataFileError`s naming the file they are in; nothing is written anywhere.
public enum SensitivityStudyFiles {
    /// The design's sample for the problem in `problemPath`, one run per line.
    public static func sample(problemPath: String, design: SamplingDesign, seed: UInt64) throws -> String {
        let problem = try ProblemFileReader.read(path: problemPath)
        return SensitivityTables.sampleText(try problem.sample(design, seed: seed))
    }

    /// Sobol' indices (`parameter,S1,S1_conf,ST,ST_conf`) of outputs from a Saltelli sample.
    public static func analyzeSobol(
        problemPath: String, samplesPath: String, outputsPath: String, secondOrder: Bool, bootstrap: BootstrapSettings
    ) throws -> String {
        let study = try Study(problemPath: problemPath, samplesPath: samplesPath, outputsPath: outputsPath)
        try attributing(to: samplesPath) {
            try SobolAnalysis.validateSamples(study.samples, parameterNames: study.names, secondOrder: secondOrder)
        }
        let indices = try attributing(to: outputsPath) {
            try SobolAnalysis.analyze(
                outputs: study.outputs, parameterCount: study.names.count, secondOrder: secondOrder, bootstrap: bootstrap)
        }
        return SensitivityTables.sobolCSV(indices[0], names: study.names)
    }

    /// Morris statistics (`parameter,mu,mu_star,sigma,mu_star_conf`) of outputs from Morris trajectories.
    public static func analyzeMorris(
        problemPath: String, samplesPath: String, outputsPath: String, levels: Int, bootstrap: BootstrapSettings
    ) throws -> String {
        let study = try Study(problemPath: problemPath, samplesPath: samplesPath, outputsPath: outputsPath)
        let indices = try attributing(to: samplesPath) {
            try MorrisGrid.check(samples: study.samples, problem: study.problem, levels: levels)
            return try MorrisAnalysis.analyze(
                samples: study.samples, outputs: study.outputs, parameterNames: study.names, levels: levels,
                bootstrap: bootstrap)
        }
        return SensitivityTables.morrisCSV(indices[0], names: study.names)
    }

    /// Standardised regression coefficients and rank correlations (`parameter,SRC,spearman`).
    public static func analyzeRegression(problemPath: String, samplesPath: String, outputsPath: String) throws -> String {
        let study = try Study(problemPath: problemPath, samplesPath: samplesPath, outputsPath: outputsPath)
        let indices = try attributing(to: samplesPath) {
            try RegressionAnalysis.analyze(samples: study.samples, outputs: study.outputs, parameterNames: study.names)
        }
        return SensitivityTables.regressionCSV(indices[0], names: study.names)
    }

    /// The three files read and checked against each other: one sample column per parameter, one output per run.
    private struct Study {
        var problem: SensitivityProblem
        var names: [String]
        var samples: Matrix
        var outputs: Matrix

        init(problemPath: String, samplesPath: String, outputsPath: String) throws {
            problem = try ProblemFileReader.read(path: problemPath)
            names = problem.names
            samples = try NumberMatrixReader.readSamples(path: samplesPath)
            outputs = try NumberMatrixReader.readOutputs(path: outputsPath)
            guard samples.columns == names.count else {
                throw DataFileError.invalidTable(
                    FileLocation(path: samplesPath),
                    message: SensitivityError.columnCountMismatch(parameters: names.count, sampleColumns: samples.columns)
                        .description + " (\(problemPath))")
            }
            guard outputs.rows == samples.rows else {
                throw DataFileError.invalidTable(
                    FileLocation(path: outputsPath),
                    message: SensitivityError.rowCountMismatch(sampleRows: samples.rows, outputRows: outputs.rows)
                        .description + " (samples: \(samplesPath))")
            }
        }
    }

    /// Runs `body`, turning a `SensitivityError` about the data into a `DataFileError` naming `path`;
    /// errors about the options (levels, resamples, confidence) pass through unchanged.
    private static func attributing<T>(to path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SensitivityError {
            switch error {
            case .invalidConfidenceLevel, .invalidResampleCount, .bootstrapTooLarge, .invalidLevelCount:
                throw error
            default:
                throw DataFileError.invalidTable(FileLocation(path: path), message: error.description)
            }
        }
    }
}
