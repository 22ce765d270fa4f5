import ShockFlowModel
import Yams

/// A sweep file as written, after the schema check and with defaults filled in (docs/sweep-format.md).
package struct SweepSpec: SchemaRecord {
    var path = FieldPath.root
    var schemaVersion = 0
    package var name = ""
    package var description: String?
    var scenario = ScenarioReference.file("")
    package var design = SweepDesignSpec()
    package var parameters: [SweepParameterSpec] = []
    package var outputs: [SweepOutputSpec] = []
}

/// The base scenario: a file relative to the sweep file, or a scenario written inline.
enum ScenarioReference {
    case file(String)
    case inline(Node)
}

/// The sampling designs a sweep file names (MODEL section 5).
package enum SweepMethod: String, CaseIterable, Sendable {
    case grid, random, lhs, sobol, saltelli, morris
}

package struct SweepDesignSpec: SchemaRecord {
    var path = FieldPath.root
    package var method = SweepMethod.random
    package var samples = 0
    package var seed = 1
    package var levels = 4
    package var secondOrder = false
    package var bootstrapResamples = 100
    package var confidenceLevel = 0.95
}

/// The distributions a sweep parameter can take (SALib's names in `ParameterDistribution.name`).
package enum SweepDistributionKind: String, CaseIterable, Sendable {
    case uniform, normal, truncated_normal, triangular, log_uniform, discrete
}

package struct SweepParameterSpec: SchemaRecord {
    var path = FieldPath.root
    package var target = ""
    package var name: String?
    package var group: String?
    package var distribution = SweepDistributionKind.uniform
    package var lower = 0.0
    package var upper = 0.0
    package var mean = 0.0
    package var standardDeviation = 0.0
    package var mode = 0.0
    package var levels: [SweepLevel] = []
}

/// How a named aggregate turns a metric's periods and cells into one number per run.
package enum SweepStatistic: String, CaseIterable, Sendable {
    case cumulative_difference, cumulative_loss, cumulative_loss_percent, final_scenario, final_difference
}

package struct SweepOutputSpec: SchemaRecord {
    var path = FieldPath.root
    package var summary: String?
    package var metric: String?
    package var name: String?
    package var regions = Selector.everything
    package var sectors = Selector.everything
    package var statistic = SweepStatistic.cumulative_difference
}

extension SweepMethod {
    /// The design this method draws with `samples` (its meaning depends on the method, docs/sweep-format.md).
    package func design(samples: Int, levels: Int, secondOrder: Bool) -> SamplingDesign {
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
