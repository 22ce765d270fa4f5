import ShockFlowLinearAlgebra

/// What one period hands to the supply-constrained step, N scenario columns side by side.
public struct RationingInput: Sendable {
    /// c (n×N): the most each cell can produce this period.
    public var capacity: Matrix
    /// y (n×N): final demand of every category, inventories and investment included.
    public var finalDemand: Matrix
    /// φ (P×N), in [0, 1]: the share of ordered imports of each product that can be had.
    public var importAvailability: Matrix
    /// θ (P×N), in [0, 1]: how far each imported product's substitute sector can replace it
    /// (zero for products without a substitute).
    public var substitutability: Matrix

    /// Missing φ means every import is available (φ = 1); missing θ means no substitution.
    public init(
        capacity: Matrix, finalDemand: Matrix, importAvailability: Matrix? = nil, substitutability: Matrix? = nil,
        importProductCount: Int
    ) {
        self.capacity = capacity
        self.finalDemand = finalDemand
        self.importAvailability =
            importAvailability ?? Matrix(rows: importProductCount, columns: capacity.columns, repeating: 1)
        self.substitutability = substitutability ?? Matrix(rows: importProductCount, columns: capacity.columns)
    }

    /// N, the number of scenario columns.
    public var columnCount: Int { capacity.columns }
}
