extension Economy {
    /// Runs the checks of MODEL section 1 and collects every finding before returning:
    /// shapes, non-finite values, signs, zero-output cells, the balance identities (1) and (2),
    /// the column sums of A and the conditioning of I − A.
    ///
    /// Later checks are skipped when shapes disagree, and the numeric ones when a value is
    /// NaN or infinite, since they would only repeat that problem.
    public func check(options: CheckOptions = CheckOptions()) throws -> EconomyCheckReport {
        var report = EconomyCheckReport(
            options: options, findings: [], rowBalance: nil, columnBalance: nil, zeroOutputCells: [],
            conditionNumber: nil)
        let shapes = shapeProblems()
        guard shapes.isEmpty else {
            report.findings = shapes.map {
                CheckFinding(
                    severity: .error, kind: .inconsistentShape,
                    message: "\($0.field) has the wrong size: expected \($0.expected), found \($0.actual)")
            }
            return report
        }
        let nonFinite = nonFiniteFindings()
        report.findings += nonFinite
        report.findings += signFindings()
        report.zeroOutputCells = grossOutput.indices.filter { grossOutput[$0] == 0 }
        guard nonFinite.isEmpty else { return report }

        let balance = try balanceChecks(tolerance: options.relativeTolerance)
        report.rowBalance = balance.row
        report.columnBalance = balance.column
        report.findings += balance.findings

        let coefficients = try coefficientChecks(
            conditionWarningThreshold: options.conditionWarningThreshold, estimateCondition: options.estimateCondition)
        report.conditionNumber = coefficients.conditionNumber
        report.findings += coefficients.findings
        return report
    }
}
