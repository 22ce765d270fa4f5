import Foundation
import ShockFlowFormats
import ShockFlowLinearAlgebra
import ShockFlowModel
import Yams

/// Every run's scenario, made on demand: the base scenario's YAML tree with the run's values written
/// at the parameters' paths, checked by the scenario schema and resolved against the economy exactly
/// as `shockflow run` resolves a file. The planner makes each once to check it and keeps them for
/// sweeps of up to `keptRuns` runs; larger sweeps make each again when its batch runs, so their
/// memory does not grow with the number of runs (a resolved scenario holds a few n-vectors).
struct SweepVariants: @unchecked Sendable {  // the YAML tree is only read once its tags are resolved (`resolveTags`)
    let base: SweepDocument.BaseScenario
    let paths: [ScenarioValuePath]
    /// How each parameter's sampled numbers become scenario values, in column order.
    let kinds: [SweepValueKind]
    let samples: Matrix
    let economy: Economy
    /// The economy's names, built once for every variant.
    let labels: ScenarioLabels
    /// Every run's scenario when the sweep has at most `keptRuns` runs.
    var kept: [ResolvedScenario]?

    static let keptRuns = 4096

    /// The problems of one variant, as `field: message` lines.
    struct Problems: Error {
        var messages: [String]
    }

    /// Resolves every tag of the base tree now. Yams resolves a node's tag on first use and stores it
    /// in a `Tag` object that every copy of the tree shares; resolved up front, threads that make
    /// variants side by side only read them.
    func resolveTags() { Self.resolveTags(of: base.root) }

    private static func resolveTags(of node: Node) {
        _ = node.tag
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                resolveTags(of: key)
                resolveTags(of: value)
            }
        case .sequence(let sequence):
            for element in sequence { resolveTags(of: element) }
        case .scalar, .alias:
            break
        }
    }

    /// Run `run`'s scenario as its batch runs it (`forBatch`).
    func scenario(run: Int) throws -> ResolvedScenario {
        if let kept, run < kept.count { return kept[run] }
        return Self.forBatch(try scenario(values: (0..<samples.columns).map { samples[run, $0] }).get())
    }

    /// `scenario` without its plan table applied (`plan`: the table's rows with their indices and the
    /// per-layer tilts, a few hundred rows per run), which only a single run's files and manifest show;
    /// the runs of a batch read the plan through `planTilt`, which holds it. Kept runs stay small.
    static func forBatch(_ scenario: ResolvedScenario) -> ResolvedScenario {
        var scenario = scenario
        scenario.plan = nil
        return scenario
    }

    /// The base with `values` written at the paths (nil: left as written), checked and resolved.
    func scenario(values: [Double?]) -> Result<ResolvedScenario, Problems> {
        var root = base.root
        for (column, (value, path)) in zip(values, paths).enumerated() {
            guard let value else { continue }
            do {
                let kind = kinds[column]
                root = try path.setting(kind.node(value), in: root, isLevel: kind != .number)
            } catch {
                return .failure(Problems(messages: [error.description]))
            }
        }
        let document = ScenarioDocument(
            root: root, file: base.file, directory: base.directory, diagnostics: ScenarioDiagnostics(file: base.file))
        do {
            return .success(try document.resolve(against: economy, labels: labels))
        } catch {
            return .failure(Problems(messages: error.problems.map { "\($0.fieldPath): \($0.message)" }))
        }
    }
}

/// How a parameter's sampled numbers become values in a run's scenario.
enum SweepValueKind: Sendable, Equatable {
    /// The number itself (continuous distributions).
    case number
    /// A `discrete` parameter with numeric levels: the sample is the level, written as a number; like
    /// any level it may replace a list (a selector).
    case numericLevel
    /// A `discrete` parameter whose levels are not all numbers: the sample is the level's index
    /// ⌊u·k⌋, and the level is written as it is.
    case level([SweepLevel])

    /// The YAML value of sample `value`.
    func node(_ value: Double) -> Node {
        guard case .level(let levels) = self else { return Node(NumberFormatting.shortest(value)) }
        return levels[Int(value)].node
    }

    /// Sample `value` as `samples.csv` and messages show it: the number, or the level as written.
    func text(_ value: Double) -> String {
        guard case .level(let levels) = self else { return NumberFormatting.shortest(value) }
        return levels[Int(value)].text
    }

    /// The levels' texts when the samples are level indices.
    var levelTexts: [String]? {
        guard case .level(let levels) = self else { return nil }
        return levels.map(\.text)
    }
}

extension SweepVariants.Problems: CustomStringConvertible {
    var description: String { messages.joined(separator: "; ") }
}
