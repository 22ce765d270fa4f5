import ShockFlowLinearAlgebra

extension Economy {
    /// MODEL (1) and (2) per cell: a summary of each and an error when a cell exceeds the
    /// tolerance (plus the rounding allowance of a rounded table), else an info line with the
    /// worst relative error (rounded tables show it).
    func balanceChecks(tolerance: Double) throws -> (row: BalanceSummary, column: BalanceSummary, findings: [CheckFinding]) {
        // MODEL (1): sales s = Z·1 + Y·1
        let sales = zip(try intermediateFlows.rowSums(), try finalDemand.rowSums()).map { $0 + $1 }
        // MODEL (2): inputs u = Zᵀ·1 + v + m_total
        let purchases = try intermediateFlows.columnSums()
        let imports = try totalIntermediateImports()
        let inputs = purchases.indices.map { purchases[$0] + valueAdded[$0] + imports[$0] }

        let row = balanceFinding(
            identity: "row balance x = Z·1 + Y·1 (MODEL (1))", kind: .rowBalance, otherSide: "sales",
            computed: sales, tolerance: tolerance,
            allowance: roundingAllowance(termsSummed: cellCount + finalDemand.columns))
        let column = balanceFinding(
            identity: "column balance x = Zᵀ·1 + v + m (MODEL (2))", kind: .columnBalance,
            otherSide: "inputs + value added + imports", computed: inputs, tolerance: tolerance,
            allowance: roundingAllowance(termsSummed: cellCount + max(1, valueAddedComponents.count) + importProducts.count))
        return (row.summary, column.summary, [row.finding, column.finding])
    }

    /// How far the two sides of a balance identity (1) or (2) may differ in a table whose values are
    /// rounded to a step r (`metadata.rounding`; 0 when they are not).
    ///
    /// A worst-case bound: rounding to the nearest step moves each value by at most r/2, so a side
    /// summing N stated values lies within N·r/2 of the sum of the true values, and x within r/2 of
    /// the true x. The true table balances, so |x − s| ≤ (N + 1)·r/2. N counts every entry of the
    /// sum, zeros included: a true value below r/2 is stated as 0 and leaves no row in the file.
    /// (A statistical bound, √N·r/√12 for independent errors, is too tight for the WIOD table:
    /// 12 against its observed differences of up to 108 on rows of 1,640 terms, whose bound here is 820.5.)
    func roundingAllowance(termsSummed: Int) -> Double {
        guard let step = metadata.rounding, step > 0 else { return 0 }
        return Double(termsSummed + 1) * step / 2
    }

    private func balanceFinding(
        identity: String, kind: CheckKind, otherSide: String, computed: [Double], tolerance: Double, allowance: Double
    ) -> (summary: BalanceSummary, finding: CheckFinding) {
        let errors = zip(grossOutput, computed).map(relativeDifference)
        let failing = errors.indices.filter { cell in
            let (x, s) = (grossOutput[cell], computed[cell])
            return errors[cell] > tolerance && abs(x - s) > tolerance * max(abs(x), abs(s)) + allowance
        }.sorted { errors[$0] > errors[$1] }
        let worst = errors.indices.max { errors[$0] < errors[$1] }
        let summary = BalanceSummary(
            worstCell: worst, worstRelativeError: worst.map { errors[$0] } ?? 0, failingCellCount: failing.count,
            roundingAllowance: allowance)
        guard let worst else {
            return (summary, CheckFinding(severity: .info, kind: kind, message: "\(identity): the economy has no cells"))
        }
        let bound = "relative tolerance \(formatForMessage(tolerance))"
            + (allowance > 0
                ? " plus the rounding allowance \(formatForMessage(allowance)) (values rounded to steps of "
                    + "\(formatForMessage(metadata.rounding ?? 0)) \(metadata.moneyUnit))"
                : "")
        func detail(_ cell: Int) -> String {
            "output \(formatForMessage(grossOutput[cell])) against \(otherSide) "
                + "\(formatForMessage(computed[cell])), relative error \(formatForMessage(errors[cell]))"
        }
        guard let first = failing.first else {
            return (
                summary,
                CheckFinding(
                    severity: .info, kind: kind, cells: [worst],
                    message: "\(identity) holds within \(bound); worst at \(describeCell(worst)): \(detail(worst))")
            )
        }
        return (
            summary,
            CheckFinding(
                severity: .error, kind: kind, cells: failing,
                message: "\(identity) fails in \(pluralized(failing.count, "cell")) of \(cellCount) beyond "
                    + "\(bound); worst at \(describeCell(first)): \(detail(first))")
        )
    }
}

/// |a − b| / max(|a|, |b|), and 0 when both are 0 (also used by the table construction).
func relativeDifference(_ a: Double, _ b: Double) -> Double {
    let scale = max(abs(a), abs(b))
    return scale == 0 ? 0 : abs(a - b) / scale
}
