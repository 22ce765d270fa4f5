import ShockFlowLinearAlgebra

extension Economy {
    /// One error per array holding NaN or ±Inf, naming the array and its first bad entry.
    func nonFiniteFindings() -> [CheckFinding] {
        var findings: [CheckFinding] = []
        /// - Parameters:
        ///   - locate: names entry (row, column) for the message, preposition included.
        ///   - cellsOf: the economy's cells that entry (row, column) concerns.
        func scan(
            _ name: String, _ matrix: Matrix, locate: (_ row: Int, _ column: Int) -> String,
            cellsOf: (_ row: Int, _ column: Int) -> [Int]
        ) {
            var count = 0
            var first: (row: Int, column: Int)?
            var cells: [Int] = []
            var seen: Set<Int> = []
            for column in 0..<matrix.columns {
                for row in 0..<matrix.rows where !matrix[row, column].isFinite {
                    count += 1
                    if first == nil { first = (row, column) }
                    for cell in cellsOf(row, column) where seen.insert(cell).inserted { cells.append(cell) }
                }
            }
            guard let first else { return }
            let value = formatForMessage(matrix[first.row, first.column])
            findings.append(
                CheckFinding(
                    severity: .error, kind: .nonFiniteValue, cells: cells,
                    message: "\(name) has \(count) non-finite value\(count == 1 ? "" : "s") (NaN or ±Inf); "
                        + "the first is \(value) \(locate(first.row, first.column))"))
        }
        func scan(_ name: String, _ vector: [Double]) {
            scan(name, Matrix(column: vector), locate: { row, _ in "at " + describeCell(row) }, cellsOf: { row, _ in [row] })
        }
        scan(
            "intermediate flows Z", intermediateFlows,
            locate: { "in the sale from \(describeCell($0)) to \(describeCell($1))" }, cellsOf: { [$0, $1] })
        scan(
            "final demand Y", finalDemand,
            locate: { "in the sale from \(describeCell($0)) to \(describeFinalDemandColumn($1))" }, cellsOf: { row, _ in [row] })
        scan("gross output x", grossOutput)
        scan("value added v", valueAdded)
        for name in valueAddedComponents.keys.sorted() {
            scan("value-added component '\(name)'", valueAddedComponents[name] ?? [])
        }
        scan(
            "intermediate imports m", intermediateImports,
            locate: { "in the use of \(describeImportProduct($0)) by \(describeCell($1))" }, cellsOf: { _, column in [column] })
        scan(
            "imports into final demand", finalDemandImports,
            locate: { "in the purchase of \(describeImportProduct($0)) by \(describeFinalDemandColumn($1))" },
            cellsOf: { _, _ in [] })
        return findings
    }
}
