import ArgumentParser
import ShockFlowIO

/// `shockflow schema`: the JSON Schema of scenario files, for editors that complete and check YAML.
struct Schema: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, markdown
    }

    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of scenario files.",
        discussion: "Save it and point your editor's YAML support at it: shockflow schema > scenario.schema.json")

    @Option(help: "json: the JSON Schema; markdown: the field reference of docs/scenario-format.md.")
    var format: Format = .json

    func run() {
        switch format {
        case .json: print(ScenarioFormat.jsonSchema(), terminator: "")
        case .markdown: print(ScenarioFormat.referenceMarkdown(), terminator: "")
        }
    }
}
