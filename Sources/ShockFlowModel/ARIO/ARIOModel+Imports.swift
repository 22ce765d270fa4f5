import ShockFlowLinearAlgebra

extension ARIOModel {
    /// (A26) Aᵐ = M·diag(1/x) (1/0 := 0) and the imported inputs that count in the inventory
    /// constraint, by the threshold of (A3): annual M[p, j] above 1e-5 of the daily output X⁰_j.
    static func importInputs(_ economy: Economy) throws -> (coefficients: Matrix, constraining: [Bool]) {
        let (imports, x, n) = (economy.intermediateImports, economy.grossOutput, economy.cellCount)
        guard imports.rows == economy.importProducts.count, imports.columns == n else {
            throw ARIOError.inconsistentEconomy(
                field: "intermediate imports M", expected: "\(economy.importProducts.count)×\(n)",
                actual: "\(imports.rows)×\(imports.columns)")
        }
        var coefficients = Matrix(rows: imports.rows, columns: n)
        var constraining = [Bool](repeating: false, count: imports.rows * n)
        let perDay = 1 / Double(daysPerYear)
        for j in 0..<n {
            let reciprocal = x[j] == 0 ? 0 : 1 / x[j]
            for p in 0..<imports.rows {
                coefficients[p, j] = imports[p, j] * reciprocal
                constraining[p + j * imports.rows] = imports[p, j] > (x[j] * perDay) * technologyThreshold
            }
        }
        return (coefficients, constraining)
    }
}
