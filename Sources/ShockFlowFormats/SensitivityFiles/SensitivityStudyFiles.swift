import ShockFlowLinearAlgebra
import ShockFlowModel

/// The `shockflow sensitivity` operations on files: read SALib's problem, sample and output files (or a
/// sweep's samples.csv and outputs.csv, told by their `run` header), run the model-layer statistics, and
/// return the text to print. Problems in the data come back as `DataFileError`s naming the file they are
/// in, an `--output` that does not fit as `OutputSelectionError`; nothing is written anywhere.
public enum SensitivityStudyFiles {
    /// The design's sample for the problem in `problemPath`, one run per line.
    public static func sample(problemPath: String, design: SamplingDesign, seed: UInt64) throws -> String {
        let problem = try ProblemFileReader.read(path: problemPath)
        return SensitivityTables.sampleText(try problem.sample(design, seed: seed))
    }

    /// Sobol' indices (`parameter,S1,S1_conf,ST,ST_conf`) of outputs from a Saltelli sample.
    public static func analyzeSobol(
        problemPath: String, samplesPath: String, outputsPath: String, output: String? = nil, secondOrder: Bool,
        bootstrap: BootstrapSettings
    ) throws -> String {
        let study = try Study(problemPath: problemPath, samplesPath: samplesPath, outputsPath: outputsPath, output: output)
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
        problemPath: String, samplesPath: String, outputsPath: String, output: String? = nil, levels: Int,
        bootstrap: BootstrapSettings
    ) throws -> String {
        let study = try Study(problemPath: problemPath, samplesPath: samplesPath, outputsPath: outputsPath, output: output)
        let indices = try attributing(to: samplesPath) {
            try MorrisGrid.check(samples: study.samples, problem: study.problem, levels: levels)
            return try MorrisAnalysis.analyze(
                samples: study.samples, outputs: study.outputs, parameterNames: study.names, levels: levels,
                bootstrap: bootstrap)
        }
        return SensitivityTables.morrisCSV(indices[0], names: study.names)
    }

    /// Standardised regression coefficients and rank correlations (`parameter,SRC,spearman`).
    public static func analyzeRegression(
        problemPath: String, samplesPath: String, outputsPath: String, output: String? = nil
    ) throws -> String {
        let study = try Study(problemPath: problemPath, samplesPath: samplesPath, outputsPath: outputsPath, output: output)
        let indices = try attributing(to: samplesPath) {
            try RegressionAnalysis.analyze(samples: study.samples, outputs: study.outputs, parameterNames: study.names)
        }
        return SensitivityTables.regressionCSV(indices[0], names: study.names)
    }

    /// The three files read and checked against each other: one sample column per parameter, one output per run.
    /// Samples and outputs are both SALib's bare matrices or both a sweep's tables (`RunTablePair`).
    private struct Study {
        var problem: SensitivityProblem
        var names: [String]
        var samples: Matrix
        var outputs: Matrix

        init(problemPath: String, samplesPath: String, outputsPath: String, output: String?) throws {
            problem = try ProblemFileReader.read(path: problemPath)
            names = problem.names
            switch (RunTable.isRunTable(path: samplesPath), RunTable.isRunTable(path: outputsPath)) {
            case (true, true):
                let pair = try RunTablePair(
                    samples: try RunTable(path: samplesPath), outputs: try RunTable(path: outputsPath), output: output,
                    parameters: names)
                // The problem's parameters in the columns' order, which the design's layout follows.
                let byName = Dictionary(uniqueKeysWithValues: problem.parameters.map { ($0.name, $0) })
                problem = try SensitivityProblem(parameters: pair.parameterNames.compactMap { byName[$0] })
                names = problem.names
                (samples, outputs) = (pair.samples, pair.outputs)
                return
            case (false, false):
                if output != nil { throw OutputSelectionError.notATable(path: outputsPath) }
            case (let samplesAreTable, _):
                let (table, matrix) = samplesAreTable ? (samplesPath, outputsPath) : (outputsPath, samplesPath)
                _ = try FileContents(path: matrix)
                throw DataFileError.invalidTable(
                    FileLocation(path: matrix),
                    message: "a bare matrix, but \(table) is a sweep's table (a header starting with run): give the samples "
                        + "and the outputs both as a sweep's samples.csv and outputs.csv or both as SALib's matrices")
            }
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
