import ArgumentParser
import ShockFlowEngine
import ShockFlowFormats
import ShockFlowLinearAlgebra
import ShockFlowModel

/// `shockflow sensitivity analyze METHOD -p PROBLEM -X SAMPLES -Y OUTPUTS …` (or `--sweep DIR`): prints
/// indices as CSV.
struct SensitivityAnalyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze", abstract: "Print sensitivity indices of model outputs as CSV.")

    enum Method: String, CaseIterable, ExpressibleByArgument {
        case sobol, saltelli, morris, latin, random, grid
        case sobolSequence = "sobol-sequence"
    }

    @Argument(help: """
        sobol (for saltelli samples: S1, ST), morris (mu, mu_star, sigma), or the design of a \
        latin, random, grid or sobol-sequence sample (standardised regression coefficients and Spearman's rho).
        """)
    var method: Method

    @Option(name: [.customShort("p"), .customLong("problem")], help: "SALib parameter file.")
    var problem: String?

    @Option(
        name: [.customShort("X"), .customLong("samples")],
        help: "The sample the model ran, one run per line, or a sweep's samples.csv (header run,<parameters>).")
    var samples: String?

    @Option(
        name: [.customShort("Y"), .customLong("outputs")],
        help: "The model outputs, one value per line, or a sweep's outputs.csv (header run,<outputs>).")
    var outputs: String?

    @Option(help: "A sweep's output folder, instead of -p, -X and -Y: its tables, design and bootstrap settings.")
    var sweep: String?

    @Option(help: "The column of a sweep's outputs.csv to analyse (needed when it has several).")
    var output: String?

    @Option(help: "Seed of the bootstrap resampling (numpy's default_rng(seed), as in SALib; default 1, or the sweep's).")
    var seed: UInt64?

    @Option(help: "Bootstrap resamples for the confidence intervals (default 100, or the sweep's).")
    var resamples: Int?

    @Option(help: "Confidence level of the intervals (default 0.95, or the sweep's).")
    var confidence: Double?

    @Flag(help: "sobol: the sample has the second-order layout; also print S2 for each pair.")
    var secondOrder = false

    @Option(help: "morris: the grid levels p the sample was made with (default 4, or the sweep's).")
    var levels: Int?

    func validate() throws {
        let files = [("-p PROBLEM", problem), ("-X SAMPLES", samples), ("-Y OUTPUTS", outputs)]
        if sweep != nil {
            let given = files.filter { $0.1 != nil }.map(\.0)
            if !given.isEmpty {
                throw ValidationError(
                    "--sweep reads the folder's samples.csv, outputs.csv and manifest.json; leave out \(given.joined(separator: ", "))")
            }
        } else {
            let missing = files.filter { $0.1 == nil }.map(\.0)
            if !missing.isEmpty { throw ValidationError("analyze needs \(missing.joined(separator: ", ")) (or --sweep DIR)") }
        }
    }

    func run() throws {
        // The regression's least squares (`dgels`) and products change their last bits with the OpenBLAS
        // thread count on large samples: one thread for the whole process, so the indices printed do not
        // depend on OPENBLAS_NUM_THREADS (the other work here has no BLAS calls worth a second thread).
        BLASRuntime.setThreadCount(1)
        let text: String
        do {
            text = try analyze()
        } catch let error as OutputSelectionError {
            // The command line must change: a usage error, as a missing flag is.
            CommandFailure.printError(error)
            throw ExitCode(CommandLineEntry.usageErrorStatus)
        } catch {
            CommandFailure.printError(error)
            throw ExitCode(1)
        }
        print(text, terminator: "")
    }

    private func analyze() throws -> String {
        if let sweep {
            let analysis: SweepFolderAnalysis.Analysis = switch method {
            case .sobol, .saltelli: .sobol
            case .morris: .morris
            case .latin, .random, .grid, .sobolSequence: .regression
            }
            let settings = SweepFolderAnalysis.Settings(
                seed: seed, resamples: resamples, confidenceLevel: confidence, levels: levels, secondOrder: secondOrder)
            return try SweepFolderAnalysis.analyze(folder: sweep, analysis: analysis, output: output, settings: settings)
        }
        let (problem, samples, outputs) = (problem ?? "", samples ?? "", outputs ?? "")  // validate() saw them
        let bootstrap = BootstrapSettings(resamples: resamples ?? 100, confidenceLevel: confidence ?? 0.95, seed: seed ?? 1)
        switch method {
        case .sobol, .saltelli:
            return try SensitivityStudyFiles.analyzeSobol(
                problemPath: problem, samplesPath: samples, outputsPath: outputs, output: output, secondOrder: secondOrder,
                bootstrap: bootstrap)
        case .morris:
            return try SensitivityStudyFiles.analyzeMorris(
                problemPath: problem, samplesPath: samples, outputsPath: outputs, output: output, levels: levels ?? 4,
                bootstrap: bootstrap)
        case .latin, .random, .grid, .sobolSequence:
            return try SensitivityStudyFiles.analyzeRegression(
                problemPath: problem, samplesPath: samples, outputsPath: outputs, output: output)
        }
    }
}
