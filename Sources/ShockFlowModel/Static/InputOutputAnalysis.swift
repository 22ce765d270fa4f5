import ShockFlowLinearAlgebra

/// The static input–output analysis of one economy (MODEL (3)–(12)).
///
/// Coefficients are computed once and I − A is factored once (LU, in single precision with every
/// solution refined to double-precision accuracy: `RefinedLUFactorization`); every demand-driven
/// response, multiplier and linkage is a solve against these factors, never an explicit inverse.
/// B and I − B are formed only when a supply-driven (Ghosh) result is asked for.
public struct InputOutputAnalysis: Sendable {
    public let economy: Economy
    /// A, n×n (MODEL (3)).
    public let technicalCoefficients: Matrix
    /// a_v = v ⊘ x (MODEL (6)).
    public let valueAddedCoefficients: [Double]
    /// a_m = m·diag(x)⁻¹, P×n (MODEL (6)).
    public let importCoefficients: Matrix
    /// Y·1: each cell's total sales to final demand in the base year.
    public let totalFinalDemand: [Double]
    /// Cells with zero gross output: zero columns in A, zero rows in B, never divided by.
    public let zeroOutputCells: [Int]
    /// LU of I − A, shared by every demand-driven solve (MODEL (5), (7)).
    public let leontiefFactorization: RefinedLUFactorization

    /// Computes the coefficients and factors I − A.
    /// - Throws: `StaticModelError.inconsistentShape` when the economy's arrays do not fit
    ///   together, `.nonFiniteValue` for NaN or ±Inf, `.singularSystem` naming the cell when
    ///   I − A cannot be factored, `.coefficientOverflow` naming the cell whose output is too small to
    ///   divide by (a column of A overflows to infinity).
    public init(economy: Economy) throws {
        if let problem = economy.shapeProblems().first {
            throw StaticModelError.inconsistentShape(field: problem.field, expected: problem.expected, actual: problem.actual)
        }
        if let finding = economy.nonFiniteFindings().first {
            throw StaticModelError.nonFiniteValue(detail: finding.message)
        }
        let x = economy.grossOutput
        self.economy = economy
        technicalCoefficients = try InputOutputCoefficients.technical(
            intermediateFlows: economy.intermediateFlows, grossOutput: x)
        valueAddedCoefficients = try InputOutputCoefficients.valueAdded(economy.valueAdded, grossOutput: x)
        importCoefficients = try InputOutputCoefficients.imports(
            intermediateImports: economy.intermediateImports, grossOutput: x)
        totalFinalDemand = try economy.finalDemand.rowSums()
        zeroOutputCells = x.indices.filter { x[$0] == 0 }
        if let cell = Self.firstCellWithNonFiniteCoefficients(technicalCoefficients, valueAddedCoefficients, importCoefficients) {
            throw StaticModelError.coefficientOverflow(cell: economy.describeCell(cell), output: x[cell])
        }
        leontiefFactorization = try factorIdentityMinus(
            technicalCoefficients, system: "I − A", describeColumn: economy.describeCell,
            with: RefinedLUFactorization.init(identityMinus:))
    }

    public var cellCount: Int { economy.cellCount }
    /// x: gross output per cell, as the table states it.
    public var output: [Double] { economy.grossOutput }
    /// v: value added per cell, as the table states it.
    public var valueAdded: [Double] { economy.valueAdded }

    /// The explicit Leontief inverse L = (I − A)⁻¹ (MODEL (5), `dgetri`), for a matrices report only.
    public func leontiefInverse() throws -> Matrix { try leontiefFactorization.inverse() }

    /// B, n×n (MODEL (4)), formed on request.
    public func allocationCoefficients() throws -> Matrix {
        try InputOutputCoefficients.allocation(intermediateFlows: economy.intermediateFlows, grossOutput: output)
    }

    /// LU of I − B (MODEL (6)), factored on request: each supply-driven call that needs it factors once.
    public func ghoshFactorization() throws -> LUFactorization {
        try factorIdentityMinus(allocationCoefficients(), system: "I − B", describeColumn: economy.describeCell)
    }

    /// The explicit Ghosh inverse G = (I − B)⁻¹ (MODEL (6), `dgetri`), for a matrices report only.
    public func ghoshInverse() throws -> Matrix { try ghoshFactorization().inverse() }

    /// The first cell (column) whose technical, value-added or import coefficients are not finite: a
    /// gross output so small (5e-324) that dividing by it overflows.
    private static func firstCellWithNonFiniteCoefficients(
        _ technical: Matrix, _ valueAdded: [Double], _ imports: Matrix
    ) -> Int? {
        let rows = (technical: technical.rows, imports: imports.rows)
        return valueAdded.indices.first { cell in
            !valueAdded[cell].isFinite
                || !technical.elements[(cell * rows.technical)..<((cell + 1) * rows.technical)].allSatisfy(\.isFinite)
                || !imports.elements[(cell * rows.imports)..<((cell + 1) * rows.imports)].allSatisfy(\.isFinite)
        }
    }

    /// Checks that a right-hand side has one row per cell.
    func requireCellRows(_ matrix: Matrix, field: String) throws {
        guard matrix.rows == cellCount else {
            throw StaticModelError.inconsistentShape(
                field: field, expected: "\(cellCount) rows (one per cell)", actual: "\(matrix.rows) rows")
        }
    }
}
