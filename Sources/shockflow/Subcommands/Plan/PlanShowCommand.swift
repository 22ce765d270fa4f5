import ArgumentParser
import Foundation
import ShockFlowEngine
import ShockFlowFormats

/// `shockflow plan show [REGION] [--scenario FILE | --priorities TABLE] [--format F]`: what the model
/// believes of a province's plan before a run — its rows, sectors, grades and sources, and the tilts.
struct PlanShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "List a province's plan priorities, sectors, grades and sources, and the tilts π they give.",
        discussion: """
            Without REGION: every province's rows used by grade, how much evidence its tilts rest on, and the rows \
            that name no sector. With REGION (a code such as CN-ZJ or ZJ, a name, or CN for the national layer): \
            its rows, each with its kind, grade, tilt, sectors and source, then π by sector. The plan is that of \
            --scenario (its table, tilts, evidence weights and economy), else the table --priorities with the \
            default settings on china-2017. --format csv prints the rows in the table's own columns, ready to edit \
            and name in a scenario (docs/plan.md).
            """)

    @Argument(help: "A province (code, short code or name), or CN for the national layer; all when omitted.")
    var region: String?

    @Option(help: "A scenario file with a `plan` section: show its plan as it runs.")
    var scenario: String?

    @Option(help: "A plan table: a shipped name or a CSV path (default \(PlanTable.defaultName)).")
    var priorities: String?

    @Option(help: "How to print: text for a terminal, CSV (the table's columns), or Markdown.")
    var format: PlanListing.Format = .table

    func validate() throws {
        if scenario != nil, priorities != nil {
            throw ValidationError("give --scenario or --priorities, not both: a scenario names its own table")
        }
    }

    func run() throws {
        do {
            let listing = try PlanShow.listing(scenarioFile: scenario, table: priorities)
            let selected = try region.map { try listing.region(named: $0).get() }
            print(listing.rendered(region: selected ?? nil, all: region == nil, format: format), terminator: "")
        } catch let error as ScenarioError {
            FileHandle.standardError.write(Data(error.listing.utf8))
            throw ExitCode(1)
        } catch {
            try CommandFailure.reporting { throw error }
        }
    }
}
