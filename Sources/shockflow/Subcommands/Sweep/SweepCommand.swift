import ArgumentParser

/// `shockflow sweep`: run a sweep file (the default) or merge the folders of its shards.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a scenario across uncertain parameters, batched in lockstep, and estimate which of them matter.",
        discussion: "Sweep files, outputs and indices: docs/sweep-format.md. Clusters: docs/sweep-cluster.md.",
        subcommands: [SweepRun.self, SweepMerge.self],
        defaultSubcommand: SweepRun.self)
}
