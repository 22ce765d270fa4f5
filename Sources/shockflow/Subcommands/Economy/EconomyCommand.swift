import ArgumentParser

/// `shockflow economy …`: load, check and analyse economies.
struct EconomyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "economy",
        abstract: "Load, check and analyse input–output economies.",
        subcommands: [EconomyCheck.self, EconomyShow.self, EconomyAnalyze.self, EconomyBuild.self]
    )
}
