import ArgumentParser
import ShockFlowFormats

/// `shockflow schema`: the JSON Schema of scenario (or sweep) files, for editors that complete and check YAML.
struct Schema: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, markdown
    }

    enum FileKind: String, ExpressibleByArgument, CaseIterable {
        case scenario, sweep
    }

    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of scenario files (or of sweep files).",
        discussion: """
            Save it and point your editor's YAML support at it: shockflow schema > scenario.schema.json, \
            shockflow schema --file sweep > sweep.schema.json
            """)

    @Option(help: "scenario: scenario files; sweep: sweep files.")
    var file: FileKind = .scenario

    @Option(help: "json: the JSON Schema; markdown: the field reference of docs/scenario-format.md.")
    var format: Format = .json

    func run() {
        switch (format, file) {
        case (.json, .scenario): print(ScenarioFormat.jsonSchema(), terminator: "")
        case (.markdown, .scenario): print(ScenarioFormat.referenceMarkdown(), terminator: "")
        case (.json, .sweep): print(SweepFormat.jsonSchema(), terminator: "")
        case (.markdown, .sweep): print(SweepFormat.referenceMarkdown(), terminator: "")
        }
    }
}
