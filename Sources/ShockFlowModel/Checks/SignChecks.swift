import ShockFlowLinearAlgebra

extension Economy {
    /// Negative output (error), zero output (info), negative intermediate flows (warning)
    /// and negative final demand (info: inventory draw-downs are legitimate).
    func signFindings() -> [CheckFinding] {
        var findings: [CheckFinding] = []
        let x = grossOutput
        let negativeOutput = x.indices.filter { x[$0] < 0 }.sorted { x[$0] < x[$1] }
        if !negativeOutput.isEmpty {
            findings.append(
                CheckFinding(
                    severity: .error, kind: .negativeOutput, cells: negativeOutput,
                    message: "gross output is negative in \(pluralized(negativeOutput.count, "cell")): "
                        + describeCells(negativeOutput) { " (\(formatForMessage(x[$0])))" }))
        }
        let zeroOutput = x.indices.filter { x[$0] == 0 }
        if !zeroOutput.isEmpty {
            findings.append(
                CheckFinding(
                    severity: .info, kind: .zeroOutput, cells: zeroOutput,
                    message: "\(pluralized(zeroOutput.count, "cell")) with zero gross output, left out of the "
                        + "coefficients (zero column of A, zero row of B): " + describeCells(zeroOutput, limit: 10)))
        }
        if let negative = mostNegativeEntry(of: intermediateFlows) {
            findings.append(
                CheckFinding(
                    severity: .warning, kind: .negativeIntermediateFlow, cells: [negative.row, negative.column],
                    message: "intermediate flows Z hold \(pluralized(negative.count, "negative value")); the most "
                        + "negative is \(formatForMessage(negative.value)) from \(describeCell(negative.row)) "
                        + "to \(describeCell(negative.column))"))
        }
        if let negative = mostNegativeEntry(of: finalDemand) {
            findings.append(
                CheckFinding(
                    severity: .info, kind: .negativeFinalDemand, cells: [negative.row],
                    message: "final demand Y holds \(pluralized(negative.count, "negative value")) (allowed, e.g. "
                        + "inventory draw-downs); the most negative is \(formatForMessage(negative.value)) from "
                        + "\(describeCell(negative.row)) to \(describeFinalDemandColumn(negative.column))"))
        }
        return findings
    }

    /// The number of negative entries and the most negative one, or nil when there is none.
    private func mostNegativeEntry(of matrix: Matrix) -> (count: Int, row: Int, column: Int, value: Double)? {
        var result: (count: Int, row: Int, column: Int, value: Double)?
        for column in 0..<matrix.columns {
            for row in 0..<matrix.rows where matrix[row, column] < 0 {
                let value = matrix[row, column]
                let count = (result?.count ?? 0) + 1
                if let worst = result, worst.value <= value {
                    result?.count = count
                } else {
                    result = (count, row, column, value)
                }
            }
        }
        return result
    }
}
