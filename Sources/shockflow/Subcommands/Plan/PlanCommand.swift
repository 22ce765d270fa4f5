import ArgumentParser

/// `shockflow plan …`: the plan priorities that tilt the base investment weights.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show the five-year-plan priorities behind the plan tilts π.",
        subcommands: [PlanShowCommand.self]
    )
}
