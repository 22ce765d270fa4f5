import ShockFlowModel

/// Whether the economy a command used passed the checks of MODEL section 1 first, as its
/// manifest records it (`"checks": "passed"` or `"skipped"`).
public enum EconomyChecksStatus: String, Sendable, Encodable {
    case passed
    /// `--skip-checks`: the economy was used without being checked.
    case skipped
}

/// An economy that fails its checks (`shockflow economy check`), refused before anything runs.
public struct EconomyCheckFailure: Error, Sendable, CustomStringConvertible {
    /// The economy as the user knows it: its built-in name or its path.
    public var economy: String
    public var report: EconomyCheckReport

    public init(economy: String, report: EconomyCheckReport) {
        self.economy = economy
        self.report = report
    }

    /// The first line names the economy; then each error as `shockflow economy check` prints it.
    public var description: String {
        let errors = report.findings.filter { $0.severity == .error }
        return "economy \(economy) fails its checks with \(errors.count) error\(errors.count == 1 ? "" : "s"), "
            + "so nothing was run or written:\n"
            + errors.map { "error: \($0.message)\n" }.joined()
            + "`shockflow economy check \(economy)` shows the whole report; --skip-checks uses the economy anyway"
    }
}

extension LoadedEconomy {
    /// The economy as the user named it, for messages: its built-in name, else its path.
    public var displayName: String { source.builtInName ?? source.path }

    /// Runs the economy checks (MODEL (1), (2), the column sums of A and I − A's conditioning, as
    /// `shockflow economy check` with its defaults) and throws `EconomyCheckFailure` when any is an
    /// error; with `skip`, checks nothing. Commands that compute on an economy call it first.
    ///
    /// The condition number of I − A is estimated only when needed to find an error (the same errors
    /// as `economy check`, without its LU for a diagonally dominant I − A: `CheckOptions.estimateCondition`).
    public func requirePassingChecks(skip: Bool) throws -> EconomyChecksStatus {
        if skip { return .skipped }
        let report = try economy.check(options: CheckOptions(estimateCondition: false))
        guard report.passed else { throw EconomyCheckFailure(economy: displayName, report: report) }
        return .passed
    }
}
