import Foundation
import Yams

/// A sweep file read and checked against the sweep schema, with its base scenario's YAML tree.
/// Reading never stops at the first problem: `problems` holds all of them.
public struct SweepDocument {
    /// The sweep file as the user named it, used in every message.
    public let file: String
    package let spec: SweepSpec?
    package let diagnostics: ScenarioDiagnostics
    /// The base scenario's tree, the file it came from (as shown in messages) and its folder.
    package let baseScenario: BaseScenario?

    package struct BaseScenario {
        package var root: Node
        package var file: String
        package var directory: URL
        /// The scenario file's path when it is a file of its own (an input of the sweep for the manifest).
        package var path: String?
    }

    public var problems: [ScenarioProblem] { diagnostics.sortedProblems }
    /// The sweep's name, when it could be read.
    public var name: String? { spec?.name }

    public init(contentsOf url: URL, shownAs file: String? = nil) {
        let shown = file ?? url.path
        self.file = shown
        var diagnostics = ScenarioDiagnostics(file: shown)
        guard let text = ScenarioYAML.readText(of: url, diagnostics: &diagnostics),
            let root = ScenarioYAML.compose(text, diagnostics: &diagnostics)
        else {
            (spec, baseScenario, self.diagnostics) = (nil, nil, diagnostics)
            return
        }
        let directory = url.deletingLastPathComponent()
        (spec, baseScenario) = Self.decode(root, file: shown, directory: directory, diagnostics: &diagnostics)
        self.diagnostics = diagnostics
    }

    private static func decode(_ root: Node, file: String, directory: URL, diagnostics: inout ScenarioDiagnostics)
        -> (SweepSpec?, BaseScenario?)
    {
        diagnostics.record(root.location, for: .root)
        guard case .mapping(let mapping) = root else {
            diagnostics.reportType(expected: "a mapping of sweep fields (`schema_version`, `name`, …)", found: root, at: .root)
            return (nil, nil)
        }
        if let versionNode = mapping["schema_version"], case .scalar(let scalar) = versionNode,
            case .integer(let version) = PlainScalar(scalar), version > SweepSchema.version
        {
            diagnostics.report(
                "this file uses sweep schema version \(version); this shockflow reads version \(SweepSchema.version) only: "
                    + "use a newer shockflow", at: FieldPath.root.appending("schema_version"), location: versionNode.location)
            return (nil, nil)
        }
        var spec = SweepSpec()
        ObjectSchema.decodeFields(SweepSchema.root.fields, from: mapping, at: .root, into: &spec, diagnostics: &diagnostics)
        let base: BaseScenario?
        switch spec.scenario {
        case .inline(let node):
            base = BaseScenario(root: node, file: file, directory: directory, path: nil)
        case .file(let path):
            base = readScenario(path, directory: directory, diagnostics: &diagnostics)
        }
        return (spec, base)
    }

    /// The base scenario file's tree; problems reading it are reported at the sweep's `scenario` field.
    private static func readScenario(_ path: String, directory: URL, diagnostics: inout ScenarioDiagnostics) -> BaseScenario? {
        guard !path.isEmpty else { return nil }
        let url = URL(fileURLWithPath: path, relativeTo: directory).standardizedFileURL
        let shown = path.hasPrefix("/") ? path : directory.appendingPathComponent(path).relativePathForMessages
        var scenarioDiagnostics = ScenarioDiagnostics(file: shown)
        guard let text = ScenarioYAML.readText(of: url, diagnostics: &scenarioDiagnostics),
            let root = ScenarioYAML.compose(text, diagnostics: &scenarioDiagnostics)
        else {
            for problem in scenarioDiagnostics.sortedProblems {
                diagnostics.report("the scenario \(shown): \(problem.message)", at: FieldPath.root.appending("scenario"))
            }
            return nil
        }
        return BaseScenario(root: root, file: shown, directory: url.deletingLastPathComponent(), path: url.path)
    }
}

extension URL {
    /// The path as a user would type it: relative to the current folder when inside it.
    var relativePathForMessages: String {
        let path = standardizedFileURL.path
        let current = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(current) ? String(path.dropFirst(current.count)) : path
    }
}
