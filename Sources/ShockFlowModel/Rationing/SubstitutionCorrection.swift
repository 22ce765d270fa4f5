import ShockFlowLinearAlgebra

/// The low-rank change of technology that substitution makes, prepared once per economy so
/// that orders d = (I − A′)⁻¹·y reuse the base LU through the Woodbury identity (MODEL (13)).
///
/// A′ − A = U·M(θ̂): U (n×k) selects the k distinct substitute cells, and the rows of M for the
/// cells of product p's substitute add θ̂_p·M_p with M_p[r, j] = a_m[p, j]·w_{r,j}. The rank k is
/// the number of substitute cells: R per substitute sector (31 on the China MRIO), fewer when
/// a substitution is limited to some regions. Then (I − A′)⁻¹y = d₀ + Q·z with Q = (I − A)⁻¹U
/// and (I_k − M·Q)·z = M·d₀.
struct SubstitutionCorrection: Sendable {
    /// The distinct substitute cells, ascending: column c of U is the unit vector of `cells[c]`.
    let cells: [Int]
    /// For every substitute entry: its imported product, the positions of its cells in `cells`,
    /// M_p (cells × n) and M_p·Q (cells × k).
    let products: [Int]
    let positions: [[Int]]
    let sourcing: [Matrix]
    let sourcingTimesLeontief: [Matrix]
    /// Q = (I − A)⁻¹·U (n×k): the Leontief columns of the substitute cells.
    let leontiefColumns: Matrix
    /// Uᵀ·Q (k×k): how z moves the substitute cells' own orders.
    let substituteRows: Matrix

    var rank: Int { cells.count }

    init(structure: ProductionStructure, substitutes: [ImportSubstitute], factorization: LUFactorization) throws {
        let (regions, sectorCount, n) = (structure.regionCount, structure.sectorCount, structure.cellCount)
        var seenProducts = Set<Int>()
        var entryCells: [[Int]] = []
        for substitute in substitutes {
            guard (0..<structure.importProductCount).contains(substitute.product) else {
                throw RationingError.indexOutOfRange(
                    field: "substituted imported product", index: substitute.product, count: structure.importProductCount)
            }
            guard (0..<sectorCount).contains(substitute.sector) else {
                throw RationingError.indexOutOfRange(field: "substitute sector", index: substitute.sector, count: sectorCount)
            }
            if let bad = substitute.regions?.first(where: { !(0..<regions).contains($0) }) {
                throw RationingError.indexOutOfRange(field: "substitute region", index: bad, count: regions)
            }
            guard substitute.regions?.isEmpty != true else {
                throw RationingError.inconsistentShape(
                    field: "regions of the substitute of imported product \(substitute.product)", expected: "at least one region",
                    actual: "none")
            }
            guard seenProducts.insert(substitute.product).inserted else {
                throw RationingError.inconsistentShape(
                    field: "substitute of imported product \(substitute.product)", expected: "one substitute sector",
                    actual: "several")
            }
            entryCells.append(substitute.cells(regionCount: regions, sectorCount: sectorCount))
        }
        let cells = Array(Set(entryCells.joined())).sorted()
        let k = cells.count
        var selection = Matrix(rows: n, columns: k)
        for (column, cell) in cells.enumerated() { selection[cell, column] = 1 }
        let q = try factorization.solve(selection)
        var substituteRows = Matrix(rows: k, columns: k)
        for (row, cell) in cells.enumerated() {
            for column in 0..<k { substituteRows[row, column] = q[cell, column] }
        }
        var sourcing: [Matrix] = []
        var sourcingTimesLeontief: [Matrix] = []
        for (substitute, own) in zip(substitutes, entryCells) {
            let shares = try Self.sourcingShares(structure: structure, cells: own, product: substitute.product, sector: substitute.sector)
            var m = Matrix(rows: own.count, columns: n)
            for j in 0..<n {
                let imports = structure.importCoefficients[substitute.product, j]
                for row in own.indices { m[row, j] = imports * shares[row, j] }
            }
            sourcingTimesLeontief.append(try Matrix.product(m, q))
            sourcing.append(m)
        }
        self.cells = cells
        self.products = substitutes.map(\.product)
        self.positions = entryCells.map { own in own.compactMap { cells.firstIndex(of: $0) } }
        self.sourcing = sourcing
        self.sourcingTimesLeontief = sourcingTimesLeontief
        self.leontiefColumns = q
        self.substituteRows = substituteRows
    }

    /// w_{r,j} (cells × n): j's existing sourcing shares of the substitute sector across the
    /// substitute cells, or those cells' shares of their summed output where j buys none of them.
    private static func sourcingShares(structure: ProductionStructure, cells: [Int], product: Int, sector: Int) throws -> Matrix {
        let n = structure.cellCount
        let a = structure.technicalCoefficients
        let outputs = cells.map { max(0, structure.grossOutput[$0]) }
        let totalOutput = outputs.reduce(0, +)
        guard totalOutput > 0 else { throw RationingError.substituteWithoutOutput(product: product, sector: sector) }
        var shares = Matrix(rows: cells.count, columns: n)
        for j in 0..<n {
            let total = cells.reduce(0.0) { $0 + a[$1, j] }
            for (row, cell) in cells.enumerated() {
                shares[row, j] = total > 0 ? a[cell, j] / total : outputs[row] / totalOutput
            }
        }
        return shares
    }
}
