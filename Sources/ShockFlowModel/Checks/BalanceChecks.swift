import ShockFlowLinearAlgebra

extension Economy {
    /// MODEL (1) and (2) per cell: a summary of each and an error when a cell exceeds the
    /// tolerance, else an info line with the worst relative error (rounded tables show it).
    func balanceChecks(tolerance: Double) throws -> (row: BalanceSummary, column: BalanceSummary, findings: [CheckFinding]) {
        // MODEL (1): sales s = Z·1 + Y·1
        let sales = zip(try intermediateFlows.rowSums(), try finalDemand.rowSums()).map { $0 + $1 }
        // MODEL (2): inputs u = Zᵀ·1 + v + m_total
        let purchases = try intermediateFlows.columnSums()
        let imports = try totalIntermediateImports()
        let inputs = purchases.indices.map { purchases[$0] + valueAdded[$0] + imports[$0] }

        let row = balanceFinding(
            identity: "row balance x = Z·1 + Y·1 (MODEL (1))", kind: .rowBalance, otherSide: "sales",
            computed: sales, tolerance: tolerance)
        let column = balanceFinding(
            identity: "column balance x = Zᵀ·1 + v + m (MODEL (2))", kind: .columnBalance,
            otherSide: "inputs + value added + imports", computed: inputs, tolerance: tolerance)
        return (row.summary, column.summary, [row.finding, column.finding])
    }

    private func balanceFinding(
        identity: String, kind: CheckKind, otherSide: String, computed: [Double], tolerance: Double
    ) -> (summary: BalanceSummary, finding: CheckFinding) {
        let errors = zip(grossOutput, computed).map(relativeDifference)
        let failing = errors.indices.filter { errors[$0] > tolerance }.sorted { errors[$0] > errors[$1] }
        let worst = errors.indices.max { errors[$0] < errors[$1] }
        let summary = BalanceSummary(
            worstCell: worst, worstRelativeError: worst.map { errors[$0] } ?? 0, failingCellCount: failing.count)
        guard let worst else {
            return (summary, CheckFinding(severity: .info, kind: kind, message: "\(identity): the economy has no cells"))
        }
        let detail = "output \(formatForMessage(grossOutput[worst])) against \(otherSide) "
            + "\(formatForMessage(computed[worst])), relative error \(formatForMessage(errors[worst]))"
        guard failing.isEmpty else {
            return (
                summary,
                CheckFinding(
                    severity: .error, kind: kind, cells: failing,
                    message: "\(identity) fails in \(pluralized(failing.count, "cell")) of \(cellCount) beyond "
                        + "relative tolerance \(formatForMessage(tolerance)); worst at \(describeCell(worst)): \(detail)")
            )
        }
        return (
            summary,
            CheckFinding(
                severity: .info, kind: kind, cells: [worst],
                message: "\(identity) holds within relative tolerance \(formatForMessage(tolerance)); "
                    + "worst at \(describeCell(worst)): \(detail)")
        )
    }
}

/// |a − b| / max(|a|, |b|), and 0 when both are 0 (also used by the table construction).
func relativeDifference(_ a: Double, _ b: Double) -> Double {
    let scale = max(abs(a), abs(b))
    return scale == 0 ? 0 : abs(a - b) / scale
}
