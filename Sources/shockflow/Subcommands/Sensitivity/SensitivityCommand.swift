import ArgumentParser

/// `shockflow sensitivity …`: SALib-compatible sampling and sensitivity analysis for any model.
struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Sample parameters and analyse model outputs (SALib-compatible files).",
        discussion: """
            PROBLEM is SALib's parameter file: one `name lower upper [group] [distribution]` line per \
            parameter. Samples are printed one run per line; indices are printed as CSV. See docs/sensitivity.md.
            """,
        subcommands: [SensitivitySample.self, SensitivityAnalyze.self]
    )
}
