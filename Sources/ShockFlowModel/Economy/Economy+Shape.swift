import ShockFlowLinearAlgebra

/// One array of an economy whose size does not fit the others (e.g. Z not n×n).
struct ShapeProblem: Equatable, Sendable {
    var field: String
    var expected: String
    var actual: String
}

extension Economy {
    /// Every array whose shape disagrees with n = R·S cells, k final-demand columns and P
    /// imported products; empty when the economy is consistent.
    func shapeProblems() -> [ShapeProblem] {
        let n = cellCount, k = finalDemandColumns.count, p = importProducts.count
        var problems: [ShapeProblem] = []
        func expect(_ field: String, rows: Int, columns: Int, of matrix: Matrix) {
            if matrix.rows != rows || matrix.columns != columns {
                problems.append(
                    ShapeProblem(field: field, expected: "\(rows)×\(columns)", actual: "\(matrix.rows)×\(matrix.columns)"))
            }
        }
        func expect(_ field: String, length: Int, of vector: [Double]) {
            if vector.count != length {
                problems.append(ShapeProblem(field: field, expected: "\(length) values", actual: "\(vector.count) values"))
            }
        }
        expect("intermediate flows Z", rows: n, columns: n, of: intermediateFlows)
        expect("final demand Y", rows: n, columns: k, of: finalDemand)
        expect("gross output x", length: n, of: grossOutput)
        expect("value added v", length: n, of: valueAdded)
        expect("intermediate imports m", rows: p, columns: n, of: intermediateImports)
        expect("imports into final demand", rows: p, columns: k, of: finalDemandImports)
        for name in valueAddedComponents.keys.sorted() {
            expect("value-added component '\(name)'", length: n, of: valueAddedComponents[name] ?? [])
        }
        return problems
    }
}
