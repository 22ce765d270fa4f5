import ArgumentParser
import ShockFlowFormats
import ShockFlowModel

/// `shockflow sensitivity sample METHOD -p PROBLEM …`: prints a sample matrix, one run per line.
struct SensitivitySample: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample", abstract: "Print a sample of the problem's parameters, one run per line.")

    enum Method: String, CaseIterable, ExpressibleByArgument {
        case saltelli, sobol, morris, latin, random, grid
        case sobolSequence = "sobol-sequence"
    }

    @Argument(help: "saltelli (sobol is SALib's other name for it), morris, latin, random, grid or sobol-sequence.")
    var method: Method

    @Option(name: [.customShort("p"), .customLong("problem")], help: "SALib parameter file.")
    var problem: String

    @Option(
        name: [.customShort("n"), .customLong("samples")],
        help: "Saltelli's base size N (a power of 2), the rows of latin, random and sobol-sequence, or Morris's trajectories.")
    var samples: Int?

    @Option(help: "Seed of the random generator (numpy's default_rng(seed), as in SALib).")
    var seed: UInt64 = 1

    @Flag(help: "Saltelli: add the BA blocks for second-order indices, N·(2d+2) rows instead of N·(d+2).")
    var secondOrder = false

    @Option(help: "Morris: grid levels p (even, default 4). grid: levels per parameter.")
    var levels: Int?

    @Option(help: "Morris: the number of trajectories r ((d+1)·r rows); same as -n.")
    var trajectories: Int?

    func validate() throws {
        switch method {
        case .morris:
            if let samples, let trajectories, samples != trajectories {
                throw ValidationError("-n and --trajectories both give Morris's trajectory count; give one")
            }
            if samples == nil, trajectories == nil { throw ValidationError("morris needs --trajectories R (or -n R)") }
        case .grid:
            if levels == nil { throw ValidationError("grid needs --levels L (levels per parameter)") }
        default:
            if samples == nil { throw ValidationError("\(method.rawValue) needs -n N") }
        }
    }

    func run() throws {
        let size = samples ?? trajectories ?? 0
        let design: SamplingDesign
        switch method {
        case .saltelli, .sobol: design = .saltelli(baseSamples: size, secondOrder: secondOrder)
        case .morris: design = .morris(trajectories: size, levels: levels ?? 4)
        case .latin: design = .latinHypercube(runs: size)
        case .random: design = .random(runs: size)
        case .grid: design = .grid(levels: levels ?? 0)
        case .sobolSequence: design = .sobolSequence(runs: size)
        }
        let text = try CommandFailure.reporting { try SensitivityStudyFiles.sample(problemPath: problem, design: design, seed: seed) }
        print(text, terminator: "")
    }
}
