import ShockFlowModel
import Yams

/// A sweep file as written, after the schema check and with defaults filled in (docs/sweep-format.md).
struct SweepSpec: SchemaRecord {
    var path = FieldPath.root
    var schemaVersion = 0
    var name = ""
    var description: String?
    var scenario = ScenarioReference.file("")
    var design = SweepDesignSpec()
    var parameters: [SweepParameterSpec] = []
    var outputs: [SweepOutputSpec] = []
}

/// The base scenario: a file relative to the sweep file, or a scenario written inline.
enum ScenarioReference {
    case file(String)
    case inline(Node)
}

/// The sampling designs a sweep file names (MODEL section 5).
enum SweepMethod: String, CaseIterable, Sendable {
    case grid, random, lhs, sobol, saltelli, morris
}

struct SweepDesignSpec: SchemaRecord {
    var path = FieldPath.root
    var method = SweepMethod.random
    var samples = 0
    var seed = 1
    var levels = 4
    var secondOrder = false
    var bootstrapResamples = 100
    var confidenceLevel = 0.95
}

/// The distributions a sweep parameter can take (SALib's names in `ParameterDistribution.name`).
enum SweepDistributionKind: String, CaseIterable, Sendable {
    case uniform, normal, truncated_normal, triangular, log_uniform, discrete
}

struct SweepParameterSpec: SchemaRecord {
    var path = FieldPath.root
    var target = ""
    var name: String?
    var group: String?
    var distribution = SweepDistributionKind.uniform
    var lower = 0.0
    var upper = 0.0
    var mean = 0.0
    var standardDeviation = 0.0
    var mode = 0.0
    var levels: [Double] = []
}

/// How a named aggregate turns a metric's periods and cells into one number per run.
enum SweepStatistic: String, CaseIterable, Sendable {
    case cumulative_difference, cumulative_loss, cumulative_loss_percent, final_scenario, final_difference
}

struct SweepOutputSpec: SchemaRecord {
    var path = FieldPath.root
    var summary: String?
    var metric: String?
    var name: String?
    var regions = Selector.everything
    var sectors = Selector.everything
    var statistic = SweepStatistic.cumulative_difference
}

extension SweepMethod {
    /// The design this method draws with `samples` (its meaning depends on the method, docs/sweep-format.md).
    func design(samples: Int, levels: Int, secondOrder: Bool) -> SamplingDesign {
        switch self {
        case .grid: return .grid(levels: samples)
        case .random: return .random(runs: samples)
        case .lhs: return .latinHypercube(runs: samples)
        case .sobol: return .sobolSequence(runs: samples)
        case .saltelli: return .saltelli(baseSamples: samples, secondOrder: secondOrder)
        case .morris: return .morris(trajectories: samples, levels: levels)
        }
    }
}
