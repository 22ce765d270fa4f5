import ArgumentParser
import ShockFlowFormats
import ShockFlowModel

/// `shockflow economy check ECONOMY`: MODEL (1)–(2) balances and the coefficient checks as a report.
struct EconomyCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check an economy's balances and coefficients; exit 0 when it passes, 1 when it does not.")

    @Argument(help: "An economy folder or file, or a built-in name (\(Defaults.economy) when omitted).")
    var economy: String = Defaults.economy

    @Option(help: "Relative tolerance for the row and column balances.")
    var tolerance: Double = CheckOptions().relativeTolerance

    @Option(help: "Warn when the estimated condition number of I − A exceeds this.")
    var conditionWarning: Double = CheckOptions().conditionWarningThreshold

    func validate() throws {
        guard tolerance.isFinite, tolerance > 0 else { throw ValidationError("--tolerance must be a positive number") }
        guard conditionWarning.isFinite, conditionWarning > 1 else {
            throw ValidationError("--condition-warning must be a number above 1")
        }
    }

    func run() throws {
        let report = try CommandFailure.reporting {
            let loaded = try EconomyLoader.load(economy)
            let options = CheckOptions(relativeTolerance: tolerance, conditionWarningThreshold: conditionWarning)
            let report = try loaded.economy.check(options: options)
            print(EconomyCheckText.render(loaded: loaded, report: report))
            return report
        }
        if !report.passed { throw ExitCode(1) }
    }
}
