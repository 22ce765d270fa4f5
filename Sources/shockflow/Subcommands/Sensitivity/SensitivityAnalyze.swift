import ArgumentParser
import ShockFlowFormats
import ShockFlowModel

/// `shockflow sensitivity analyze METHOD -p PROBLEM -X SAMPLES -Y OUTPUTS …`: prints indices as CSV.
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
    var problem: String

    @Option(
        name: [.customShort("X"), .customLong("samples")],
        help: "The sample the model ran, one run per line, or a sweep's samples.csv (header run,<parameters>).")
    var samples: String

    @Option(
        name: [.customShort("Y"), .customLong("outputs")],
        help: "The model outputs, one value per line, or a sweep's outputs.csv (header run,<outputs>).")
    var outputs: String

    @Option(help: "The column of a sweep's outputs.csv to analyse (needed when it has several).")
    var output: String?

    @Option(help: "Seed of the bootstrap resampling (numpy's default_rng(seed), as in SALib).")
    var seed: UInt64 = 1

    @Option(help: "Bootstrap resamples for the confidence intervals.")
    var resamples = 100

    @Option(help: "Confidence level of the intervals.")
    var confidence = 0.95

    @Flag(help: "sobol: the sample has the second-order layout; also print S2 for each pair.")
    var secondOrder = false

    @Option(help: "morris: the grid levels p the sample was made with.")
    var levels = 4

    func run() throws {
        let bootstrap = BootstrapSettings(resamples: resamples, confidenceLevel: confidence, seed: seed)
        let text: String
        do {
            switch method {
            case .sobol, .saltelli:
                text = try SensitivityStudyFiles.analyzeSobol(
                    problemPath: problem, samplesPath: samples, outputsPath: outputs, output: output,
                    secondOrder: secondOrder, bootstrap: bootstrap)
            case .morris:
                text = try SensitivityStudyFiles.analyzeMorris(
                    problemPath: problem, samplesPath: samples, outputsPath: outputs, output: output, levels: levels,
                    bootstrap: bootstrap)
            case .latin, .random, .grid, .sobolSequence:
                text = try SensitivityStudyFiles.analyzeRegression(
                    problemPath: problem, samplesPath: samples, outputsPath: outputs, output: output)
            }
        } catch let error as OutputSelectionError {
            // The command line must change: a usage error (status 64), as a missing flag is.
            CommandFailure.printError(error)
            throw ExitCode.validationFailure
        }
        print(text, terminator: "")
    }
}
