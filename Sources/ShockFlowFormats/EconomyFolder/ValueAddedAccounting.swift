import ShockFlowLinearAlgebra

/// Value added from its components, or as the residual of the column balance when not given.
enum ValueAddedAccounting {
    /// v = Σ components, added in the order of the component names, so that a table read from
    /// a file and the same table held in memory agree to the last bit.
    static func total(_ components: [String: [Double]], cellCount: Int) -> [Double] {
        var total = [Double](repeating: 0, count: cellCount)
        for name in components.keys.sorted() {
            guard let values = components[name] else { continue }
            for cell in 0..<min(cellCount, values.count) { total[cell] += values[cell] }
        }
        return total
    }

    // MODEL (2): v = x − Zᵀ1 − m_total
    static func residual(grossOutput: [Double], intermediateFlows: Matrix, intermediateImports: Matrix) throws -> [Double] {
        let inputs = try intermediateFlows.columnSums()
        let imports = intermediateImports.rows > 0
            ? try intermediateImports.columnSums() : [Double](repeating: 0, count: grossOutput.count)
        return grossOutput.indices.map { grossOutput[$0] - inputs[$0] - imports[$0] }
    }
}

/// Packs a few small non-negative integers into one `Int` key (20 bits each), for duplicate checks.
enum KeyPacking {
    private static let bits = 20

    static func pack(_ parts: [Int]) -> Int {
        parts.reduce(0) { ($0 << bits) | $1 }
    }

    static func unpack(_ key: Int, count: Int) -> [Int] {
        let mask = (1 << bits) - 1
        return (0..<count).map { (key >> (bits * (count - 1 - $0))) & mask }
    }
}
