import ArgumentParser
import ShockFlowFormats
import ShockFlowLinearAlgebra
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

    @Option(name: [.customShort("X"), .customLong("samples")], help: "The sample the model ran, one run per line.")
    var samples: String

    @Option(name: [.customShort("Y"), .customLong("outputs")], help: "The model outputs, one value per line.")
    var outputs: String

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
        // The regression's least squares (`dgels`) and products change their last bits with the OpenBLAS
        // thread count on large samples: one thread for the whole process, so the indices printed do not
        // depend on OPENBLAS_NUM_THREADS (the other work here has no BLAS calls worth a second thread).
        BLASRuntime.setThreadCount(1)
        let bootstrap = BootstrapSettings(resamples: resamples, confidenceLevel: confidence, seed: seed)
        let text: String
        switch method {
        case .sobol, .saltelli:
            text = try SensitivityStudyFiles.analyzeSobol(
                problemPath: problem, samplesPath: samples, outputsPath: outputs, secondOrder: secondOrder,
                bootstrap: bootstrap)
        case .morris:
            text = try SensitivityStudyFiles.analyzeMorris(
                problemPath: problem, samplesPath: samples, outputsPath: outputs, levels: levels, bootstrap: bootstrap)
        case .latin, .random, .grid, .sobolSequence:
            text = try SensitivityStudyFiles.analyzeRegression(
                problemPath: problem, samplesPath: samples, outputsPath: outputs)
        }
        print(text, terminator: "")
    }
}
