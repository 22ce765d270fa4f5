import ShockFlowLinearAlgebra

/// The supply-constrained step of MODEL section 3 for one economy: I − A factored once, the
/// critical-input masks and the substitution's low-rank correction prepared once, then any
/// number of periods solved with N scenario columns in lockstep.
public struct RationingModel: Sendable {
    public let structure: ProductionStructure
    public let criticalInputs: CriticalInputs
    public let substitutes: [ImportSubstitute]
    public var options: RationingOptions
    /// LU of I − A (MODEL (5)).
    let factorization: LUFactorization
    let correction: SubstitutionCorrection?

    public init(
        structure: ProductionStructure, criticalInputs: CriticalInputs, substitutes: [ImportSubstitute] = [],
        options: RationingOptions = RationingOptions()
    ) throws {
        try self.init(factored: FactoredStructure(structure), criticalInputs: criticalInputs, substitutes: substitutes, options: options)
    }

    /// The model on a structure whose I − A is factored already (shared by the models of one table).
    public init(
        factored: FactoredStructure, criticalInputs: CriticalInputs, substitutes: [ImportSubstitute] = [],
        options: RationingOptions = RationingOptions()
    ) throws {
        let structure = factored.structure
        guard criticalInputs.cellCount == structure.cellCount,
            criticalInputs.importProductCount == structure.importProductCount
        else {
            throw RationingError.inconsistentShape(
                field: "critical-input masks", expected: "\(structure.importProductCount) products × \(structure.cellCount) cells",
                actual: "\(criticalInputs.importProductCount) products × \(criticalInputs.cellCount) cells")
        }
        factorization = factored.factorization
        self.structure = structure
        self.criticalInputs = criticalInputs
        self.substitutes = substitutes
        self.options = options
        correction =
            substitutes.isEmpty
            ? nil : try SubstitutionCorrection(structure: structure, substitutes: substitutes, factorization: factorization)
    }

    /// The rank of the Woodbury correction: the number of substitute cells (R per substitute sector).
    public var substitutionRank: Int { correction?.rank ?? 0 }

    /// Solves one period for every scenario column of `input` (MODEL (13)–(17)).
    /// - Parameters:
    ///   - period: named in the error when a column does not converge.
    ///   - scenarioNames: one per column, likewise only for error messages.
    public func solve(_ input: RationingInput, period: Int? = nil, scenarioNames: [String]? = nil) throws
        -> RationingResult
    {
        try validate(input)
        // MODEL (13) without substitution: d(0) = (I − A)⁻¹·y, every column in one dgetrs.
        return try solveValidated(input, orders: factorization.solve(input.finalDemand), period: period, scenarioNames: scenarioNames)
    }

    /// As `solve(_:period:scenarioNames:)` with the orders before substitution, d(0) = (I − A)⁻¹·y (n×N),
    /// computed by the caller (the plan-horizon model combines them from solves made once, `OrdersCombination`).
    func solve(_ input: RationingInput, orders: Matrix, period: Int? = nil, scenarioNames: [String]? = nil) throws
        -> RationingResult
    {
        try validate(input)
        try ProductionStructure.expect("orders d", orders, rows: structure.cellCount, columns: input.columnCount)
        return try solveValidated(input, orders: orders, period: period, scenarioNames: scenarioNames)
    }

    /// MODEL (13)–(17) from d(0) on a validated input.
    private func solveValidated(_ input: RationingInput, orders: Matrix, period: Int?, scenarioNames: [String]?) throws
        -> RationingResult
    {
        let (n, productCount, columns) = (structure.cellCount, structure.importProductCount, input.columnCount)
        func name(_ column: Int) -> String? { scenarioNames.flatMap { column < $0.count ? $0[column] : nil } }
        var ordered = orders
        var shares = Matrix(rows: productCount, columns: columns)
        var substitutionIterations = [Int](repeating: 0, count: columns)
        if let correction {
            try substitute(
                input, correction: correction, orders: &ordered, shares: &shares, iterations: &substitutionIterations,
                period: period, name: name)
        }
        // MODEL (14): D⁰ᵐ = a_m·d, Dᵐ = a′_m·d = (1 − θ̂) ∘ D⁰ᵐ, Mᵖ = φ ∘ D⁰ᵐ; (16): ρᵐ = min(1, Mᵖ / Dᵐ).
        let plannedImports = try Matrix.product(structure.importCoefficients, ordered)
        var importOrders = plannedImports
        var importRationing = Matrix(rows: productCount, columns: columns, repeating: 1)
        for index in plannedImports.elements.indices {
            importOrders.elements[index] = (1 - shares.elements[index]) * plannedImports.elements[index]
            let available = input.importAvailability.elements[index] * plannedImports.elements[index]
            if importOrders.elements[index] > 0 {
                importRationing.elements[index] = min(1, available / importOrders.elements[index])
            }
        }
        // MODEL (15)–(17), column by column over the sparse masks.
        var output = Matrix(rows: n, columns: columns)
        var iterations = [Int](repeating: 0, count: columns)
        var importBound = [Double](repeating: 1, count: n)
        var ratio = [Double](repeating: 1, count: n)
        for column in 0..<columns {
            criticalInputs.importStarts.withUnsafeBufferPointer { starts in
                criticalInputs.importInputs.withUnsafeBufferPointer { products in
                    importRationing.withColumn(column) { rationing in
                        for j in 0..<n {
                            var bound = 1.0
                            for position in starts[j]..<starts[j + 1] { bound = min(bound, rationing[products[position]]) }
                            importBound[j] = bound
                        }
                    }
                }
            }
            let outcome = input.capacity.elements.withUnsafeBufferPointer { capacity in
                ordered.elements.withUnsafeBufferPointer { orders in
                    importBound.withUnsafeBufferPointer { bound in
                        output.elements.withUnsafeMutableBufferPointer { x in
                            ratio.withUnsafeMutableBufferPointer { rho in
                                let range = column * n..<(column + 1) * n
                                return RationingFixedPoint.solve(
                                    capacity: UnsafeBufferPointer(rebasing: capacity[range]),
                                    ordered: UnsafeBufferPointer(rebasing: orders[range]), importBound: bound,
                                    masks: criticalInputs, tolerance: options.tolerance, maxIterations: options.maxIterations,
                                    output: UnsafeMutableBufferPointer(rebasing: x[range]), ratio: rho)
                            }
                        }
                    }
                }
            }
            guard outcome.converged else {
                throw RationingError.notConverged(
                    stage: "rationing fixed point", column: column, scenario: name(column), period: period,
                    iterations: outcome.iterations, change: outcome.change)
            }
            iterations[column] = outcome.iterations
        }
        return try assemble(
            input, output: output, ordered: ordered, importOrders: importOrders, importRationing: importRationing,
            plannedImports: plannedImports, shares: shares, iterations: iterations,
            substitutionIterations: substitutionIterations)
    }

    /// Runs the θ̂ loop per column and turns d(0) into d(θ̂) = d(0) + Q·z (Woodbury, MODEL (13)).
    private func substitute(
        _ input: RationingInput, correction: SubstitutionCorrection, orders: inout Matrix, shares: inout Matrix,
        iterations: inout [Int], period: Int?, name: (Int) -> String?
    ) throws {
        let columns = input.columnCount
        let cap = SubstitutionCap(
            correction: correction, rule: options.substitutionCap, damping: options.substitutionDamping, tolerance: options.tolerance,
            maxIterations: options.substitutionMaxIterations)
        let plannedSourcing = try correction.sourcing.map { try Matrix.product($0, orders) }
        var coefficients = Matrix(rows: correction.rank, columns: columns)
        var anyTarget = false
        for column in 0..<columns {
            // θ̂_p before the cap: θ_p·σᵐ_p with σᵐ_p = 1 − φ_p.
            let targets = correction.products.map { product in
                input.substitutability[product, column] * (1 - input.importAvailability[product, column])
            }
            if targets.allSatisfy({ $0 == 0 }) { continue }
            anyTarget = true
            let spare = correction.cells.map { max(0, input.capacity[$0, column] - orders[$0, column]) }
            let solution = try cap.solve(
                targets: targets, spareCapacity: spare,
                plannedSourcing: plannedSourcing.map { planned in (0..<planned.rows).map { planned[$0, column] } })
            guard solution.converged else {
                throw RationingError.notConverged(
                    stage: "substitution cap θ̂", column: column, scenario: name(column), period: period,
                    iterations: solution.iterations, change: solution.lastChange)
            }
            for (entry, product) in correction.products.enumerated() { shares[product, column] = solution.shares[entry] }
            coefficients.setColumn(column, to: solution.coefficients)
            iterations[column] = solution.iterations
        }
        if anyTarget { try Matrix.gemm(correction.leontiefColumns, coefficients, beta: 1, into: &orders) }
    }

    /// The per-cell and per-product outputs of one period from the converged x, d and ρᵐ.
    private func assemble(
        _ input: RationingInput, output: Matrix, ordered: Matrix, importOrders: Matrix, importRationing: Matrix,
        plannedImports: Matrix, shares: Matrix, iterations: [Int], substitutionIterations: [Int]
    ) throws -> RationingResult {
        let n = structure.cellCount
        var rationing = Matrix(rows: n, columns: input.columnCount, repeating: 1)
        var delivered = input.finalDemand, unmet = input.finalDemand, valueAdded = output
        for index in output.elements.indices {
            let d = ordered.elements[index]
            if d > 0 { rationing.elements[index] = output.elements[index] / d }
            delivered.elements[index] *= rationing.elements[index]
            unmet.elements[index] *= 1 - rationing.elements[index]
        }
        for column in 0..<input.columnCount {
            valueAdded.withMutableColumn(column) { values in
                for i in 0..<n { values[i] *= structure.valueAddedCoefficients[i] }
            }
        }
        var use = importOrders, shortfall = importOrders, substituted = plannedImports
        for index in importOrders.elements.indices {
            use.elements[index] *= importRationing.elements[index]
            shortfall.elements[index] *= 1 - importRationing.elements[index]
            substituted.elements[index] *= shares.elements[index]
        }
        return RationingResult(
            output: output, capacity: input.capacity, ordered: ordered, rationing: rationing, deliveredFinal: delivered,
            unmetFinal: unmet, valueAdded: valueAdded, importOrders: importOrders, importRationing: importRationing,
            importUse: use, importShortfall: shortfall, substitutionShare: shares, substituted: substituted,
            iterations: iterations, substitutionIterations: substitutionIterations)
    }

    /// Shapes and ranges: c ≥ 0, y finite, φ and θ in [0, 1], θ = 0 for products without a substitute.
    private func validate(_ input: RationingInput) throws {
        let (n, productCount, columns) = (structure.cellCount, structure.importProductCount, input.columnCount)
        try ProductionStructure.expect("capacity c", input.capacity, rows: n, columns: columns)
        try ProductionStructure.expect("final demand y", input.finalDemand, rows: n, columns: columns)
        try ProductionStructure.expect("import availability φ", input.importAvailability, rows: productCount, columns: columns)
        try ProductionStructure.expect("substitutability θ", input.substitutability, rows: productCount, columns: columns)
        if let bad = input.capacity.elements.firstIndex(where: { $0 < 0 }) {
            throw RationingError.valueOutOfRange(
                field: "capacity c", index: bad % n, column: bad / n, value: input.capacity.elements[bad], expected: "≥ 0")
        }
        let substituted = Set(substitutes.map(\.product))
        for (field, matrix) in [("import availability φ", input.importAvailability), ("substitutability θ", input.substitutability)] {
            if let bad = matrix.elements.firstIndex(where: { !(0...1).contains($0) }) {
                throw RationingError.valueOutOfRange(
                    field: field, index: bad % productCount, column: bad / productCount, value: matrix.elements[bad],
                    expected: "a share in [0, 1]")
            }
        }
        for column in 0..<columns {
            for product in 0..<productCount where input.substitutability[product, column] != 0 && !substituted.contains(product) {
                throw RationingError.substitutabilityWithoutSubstitute(product: product, column: column)
            }
        }
    }
}
