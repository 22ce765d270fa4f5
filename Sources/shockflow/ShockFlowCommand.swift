import ArgumentParser
import ShockFlowFormats

/// The `shockflow` command: supply-chain shock scenarios on multi-regional input–output tables.
struct ShockFlowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shockflow",
        abstract: "Supply-chain shock scenarios on multi-regional input–output tables.",
        version: ShockFlowVersion.current,
        subcommands: [Info.self, EconomyCommand.self, PlanCommand.self, Validate.self, Run.self, Compare.self, Schema.self, SensitivityCommand.self, SweepCommand.self, Report.self]
    )
}
