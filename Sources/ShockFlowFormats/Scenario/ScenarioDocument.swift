import Foundation
import Yams

/// A scenario file read and checked against the schema and itself, not yet against an economy.
/// Reading never stops at the first problem: `problems` holds all of them.
public struct ScenarioDocument: Sendable {
    /// The file as the user named it, used in every message.
    public let file: String
    /// Relative paths in the file (economy folder, series CSVs) start here.
    public let directory: URL
    package var spec: ScenarioSpec?
    var diagnostics: ScenarioDiagnostics

    /// Every problem found so far, in reading order.
    public var problems: [ScenarioProblem] { diagnostics.sortedProblems }

    /// The scenario's name, when it could be read.
    public var name: String? { spec?.name }

    /// The economy the file names (built-in name or path relative to `directory`), or the default
    /// `china-2017`; nil when the file cannot be read far enough to tell.
    public var economyReference: String? {
        guard let spec, !diagnostics.hasProblem(under: FieldPath.root.appending("economy")) else { return nil }
        return spec.economy.name
    }

    /// The table the file's `economy` builds in memory with options of its own (`{build: china-2017,
    /// options: {…}}`), nil when it names an economy or gives the default options.
    public var economyVariant: EconomyVariant? {
        guard economyReference != nil else { return nil }
        return spec?.economyVariant
    }

    /// Reads and checks a scenario file. Files above `ScenarioFormat.maximumFileSize` are refused unread.
    public init(contentsOf url: URL, shownAs file: String? = nil) {
        let shown = file ?? url.path
        var diagnostics = ScenarioDiagnostics(file: shown)
        let directory = url.deletingLastPathComponent()
        guard let text = ScenarioYAML.readText(of: url, diagnostics: &diagnostics) else {
            self.init(file: shown, directory: directory, spec: nil, diagnostics: diagnostics)
            return
        }
        self.init(yaml: text, file: shown, directory: directory, diagnostics: diagnostics)
    }

    /// Checks scenario text; `file` names it in messages and `directory` anchors its relative paths.
    public init(yaml text: String, file: String, directory: URL) {
        self.init(yaml: text, file: file, directory: directory, diagnostics: ScenarioDiagnostics(file: file))
    }

    private init(yaml text: String, file: String, directory: URL, diagnostics: ScenarioDiagnostics) {
        var diagnostics = diagnostics
        guard let root = ScenarioYAML.compose(text, diagnostics: &diagnostics) else {
            self.init(file: file, directory: directory, spec: nil, diagnostics: diagnostics)
            return
        }
        self.init(root: root, file: file, directory: directory, diagnostics: diagnostics)
    }

    /// Checks a scenario's YAML tree (a sweep's variants are the base scenario's tree with values set).
    package init(root: Node, file: String, directory: URL, diagnostics: ScenarioDiagnostics) {
        var diagnostics = diagnostics
        diagnostics.record(root.location, for: .root)
        guard case .mapping(let mapping) = root else {
            diagnostics.reportType(expected: "a mapping of scenario fields (`schema_version`, `name`, …)", found: root, at: .root)
            self.init(file: file, directory: directory, spec: nil, diagnostics: diagnostics)
            return
        }
        if let versionNode = mapping["schema_version"], case .scalar(let scalar) = versionNode,
            case .integer(let version) = PlainScalar(scalar), version > ScenarioSchema.version
        {
            diagnostics.report(
                "this file uses scenario schema version \(version); this shockflow reads version \(ScenarioSchema.version) "
                    + "only: use a newer shockflow", at: FieldPath.root.appending("schema_version"), location: versionNode.location)
            self.init(file: file, directory: directory, spec: nil, diagnostics: diagnostics)
            return
        }
        var spec = ScenarioSpec()
        ObjectSchema.decodeFields(ScenarioSchema.root.fields, from: mapping, at: .root, into: &spec, diagnostics: &diagnostics)
        spec.checkConsistency(directory: directory, file: file, diagnostics: &diagnostics)
        self.init(file: file, directory: directory, spec: spec, diagnostics: diagnostics)
    }

    private init(file: String, directory: URL, spec: ScenarioSpec?, diagnostics: ScenarioDiagnostics) {
        self.file = file
        self.directory = directory
        self.spec = spec
        self.diagnostics = diagnostics
    }
}

/// Facts about the scenario file format for callers (the CLI, docs, tests).
public enum ScenarioFormat {
    /// The `schema_version` this build reads.
    public static var schemaVersion: Int { ScenarioSchema.version }
    /// The economy used when a file names none.
    public static var defaultEconomy: String { ScenarioSchema.defaultEconomy }
    /// Files above this many bytes are refused before they are read.
    public static var maximumFileSize: Int { ScenarioYAML.maximumFileSize }

    /// The JSON Schema (draft 2020-12) of scenario files, generated from the same definitions as the validator.
    public static func jsonSchema() -> String {
        ScenarioSchema.root.valueSchema.json.schemaDocument(
            title: "ShockFlow scenario, schema version \(ScenarioSchema.version)",
            description: "A supply-chain shock scenario for shockflow (`shockflow validate FILE` checks names against the economy too).")
    }
}
