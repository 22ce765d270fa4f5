import ShockFlowLinearAlgebra

/// A critical pair: `input` (a cell, or an imported product) is indispensable to cell `user`.
public struct CriticalPair: Hashable, Sendable {
    public var input: Int
    public var user: Int

    public init(input: Int, user: Int) {
        self.input = input
        self.user = user
    }
}

/// The critical-input masks K (n×n) and Kᵐ (P×n) of MODEL section 3, stored sparse by using
/// cell: for each j, the sorted list of inputs without which j cannot produce.
public struct CriticalInputs: Sendable, Equatable {
    /// The default threshold τ: inputs worth at least 5 % of the output's value are critical.
    public static let defaultThreshold = 0.05

    public let cellCount: Int
    public let importProductCount: Int
    /// Cell j's critical domestic inputs are `domesticInputs[domesticStarts[j] ..< domesticStarts[j + 1]]`.
    let domesticStarts: [Int]
    let domesticInputs: [Int]
    /// Cell j's critical imported products are `importInputs[importStarts[j] ..< importStarts[j + 1]]`.
    let importStarts: [Int]
    let importInputs: [Int]
    /// The transpose of K: for each input cell, the cells for which it is critical (CSR), so the
    /// fixed point revisits only the users of inputs whose share changed.
    let domesticUserStarts: [Int]
    let domesticUsers: [Int]

    /// K[i,j] = 1 when 0 < A[i,j] and A[i,j] ≥ τ, likewise Kᵐ from a_m, plus the explicit pairs.
    /// τ = 0 makes every input a cell uses critical: strict Leontief, an opt-in upper bound.
    public init(
        structure: ProductionStructure, threshold: Double = CriticalInputs.defaultThreshold,
        domesticPairs: [CriticalPair] = [], importPairs: [CriticalPair] = []
    ) throws {
        guard threshold.isFinite, threshold >= 0 else {
            throw RationingError.valueOutOfRange(
                field: "critical-input threshold τ", index: 0, column: 0, value: threshold, expected: "a number ≥ 0")
        }
        let n = structure.cellCount
        (domesticStarts, domesticInputs) = try Self.compress(
            structure.technicalCoefficients, threshold: threshold, pairs: domesticPairs, field: "critical input cell")
        (importStarts, importInputs) = try Self.compress(
            structure.importCoefficients, threshold: threshold, pairs: importPairs, field: "critical imported product")
        (domesticUserStarts, domesticUsers) = Self.transpose(starts: domesticStarts, inputs: domesticInputs, inputCount: n)
        cellCount = n
        importProductCount = structure.importProductCount
    }

    /// Strict Leontief: every domestic and imported input a cell uses is critical (τ = 0).
    public static func strictLeontief(structure: ProductionStructure) throws -> CriticalInputs {
        try CriticalInputs(structure: structure, threshold: 0)
    }

    /// Expands "sector `inputSector` is critical for sector `userSector`" to every pair of cells
    /// (r′, inputSector) → (r, userSector) with a positive coefficient A[(r′, inputSector), (r, userSector)].
    public static func sectorPairs(
        inputSector: Int, userSector: Int, structure: ProductionStructure
    ) throws -> [CriticalPair] {
        let (regions, sectors) = (structure.regionCount, structure.sectorCount)
        for (field, sector) in [("input sector", inputSector), ("user sector", userSector)] where !(0..<sectors).contains(sector) {
            throw RationingError.indexOutOfRange(field: field, index: sector, count: sectors)
        }
        var pairs: [CriticalPair] = []
        for userRegion in 0..<regions {
            let user = userRegion * sectors + userSector
            for inputRegion in 0..<regions {
                let input = inputRegion * sectors + inputSector
                if structure.technicalCoefficients[input, user] > 0 { pairs.append(CriticalPair(input: input, user: user)) }
            }
        }
        return pairs
    }

    /// Expands "imported product `product` is critical for sector `userSector`" to every cell of
    /// that sector that imports the product (a_m[p, (r, userSector)] > 0).
    public static func importSectorPairs(
        product: Int, userSector: Int, structure: ProductionStructure
    ) throws -> [CriticalPair] {
        guard (0..<structure.importProductCount).contains(product) else {
            throw RationingError.indexOutOfRange(field: "imported product", index: product, count: structure.importProductCount)
        }
        guard (0..<structure.sectorCount).contains(userSector) else {
            throw RationingError.indexOutOfRange(field: "user sector", index: userSector, count: structure.sectorCount)
        }
        return (0..<structure.regionCount).compactMap { region in
            let user = region * structure.sectorCount + userSector
            return structure.importCoefficients[product, user] > 0 ? CriticalPair(input: product, user: user) : nil
        }
    }

    /// The critical domestic inputs of cell `user`, ascending.
    public func domesticInputs(of user: Int) -> ArraySlice<Int> {
        domesticInputs[domesticStarts[user]..<domesticStarts[user + 1]]
    }

    /// The critical imported products of cell `user`, ascending.
    public func importInputs(of user: Int) -> ArraySlice<Int> {
        importInputs[importStarts[user]..<importStarts[user + 1]]
    }

    /// Number of critical domestic pairs (non-zeros of K).
    public var domesticPairCount: Int { domesticInputs.count }
    /// Number of critical import pairs (non-zeros of Kᵐ).
    public var importPairCount: Int { importInputs.count }

    /// Column-compressed mask of `coefficients` (inputs × users): threshold entries plus explicit pairs.
    private static func compress(
        _ coefficients: Matrix, threshold: Double, pairs: [CriticalPair], field: String
    ) throws -> (starts: [Int], inputs: [Int]) {
        let (inputCount, userCount) = (coefficients.rows, coefficients.columns)
        var explicit = [[Int]](repeating: [], count: userCount)
        for pair in pairs {
            guard (0..<inputCount).contains(pair.input) else {
                throw RationingError.indexOutOfRange(field: field, index: pair.input, count: inputCount)
            }
            guard (0..<userCount).contains(pair.user) else {
                throw RationingError.indexOutOfRange(field: "using cell", index: pair.user, count: userCount)
            }
            explicit[pair.user].append(pair.input)
        }
        var starts = [0]
        var inputs: [Int] = []
        starts.reserveCapacity(userCount + 1)
        for user in 0..<userCount {
            var column = explicit[user]
            for input in 0..<inputCount {
                let value = coefficients[input, user]
                if value > 0, value >= threshold { column.append(input) }
            }
            inputs.append(contentsOf: Set(column).sorted())
            starts.append(inputs.count)
        }
        return (starts, inputs)
    }

    /// CSR of the users of each input from CSR of the inputs of each user; users in increasing order.
    private static func transpose(starts: [Int], inputs: [Int], inputCount: Int) -> (starts: [Int], users: [Int]) {
        var counts = [Int](repeating: 0, count: inputCount + 1)
        for input in inputs { counts[input + 1] += 1 }
        for index in 1..<counts.count { counts[index] += counts[index - 1] }
        var next = counts
        var users = [Int](repeating: 0, count: inputs.count)
        for user in 0..<(starts.count - 1) {
            for position in starts[user]..<starts[user + 1] {
                users[next[inputs[position]]] = user
                next[inputs[position]] += 1
            }
        }
        return (counts, users)
    }
}
