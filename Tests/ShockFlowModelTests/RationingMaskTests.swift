import ShockFlowLinearAlgebra
import ShockFlowModel
import Testing

/// The critical-input masks K and Kᵐ of MODEL section 3, on the hand example of
/// `RationingHandExampleTests`: A = [[.1, .2, 0], [.1, .1, .3], [0, .1, .1]], a_m = [[.2, .02, 0]].
@Suite struct RationingMaskTests {
    static func structure() throws -> ProductionStructure {
        try RationingHandExampleTests.model().structure
    }

    /// τ = 0.15 keeps A[0,1] = 0.2, A[1,2] = 0.3 and a_m[0,0] = 0.2; an explicit pair adds 2 → 0.
    @Test func thresholdAndExplicitPairs() throws {
        let masks = try CriticalInputs(
            structure: Self.structure(), threshold: 0.15, domesticPairs: [CriticalPair(input: 2, user: 0)],
            importPairs: [CriticalPair(input: 0, user: 1)])
        #expect((0..<3).map { Array(masks.domesticInputs(of: $0)) } == [[2], [0], [1]])
        #expect((0..<3).map { Array(masks.importInputs(of: $0)) } == [[0], [0], []])
        #expect(masks.domesticPairCount == 3 && masks.importPairCount == 2)
    }

    /// Strict Leontief: every input a cell uses (A > 0), not the zero entries.
    @Test func strictLeontiefIsEveryInputUsed() throws {
        let masks = try CriticalInputs.strictLeontief(structure: Self.structure())
        #expect((0..<3).map { Array(masks.domesticInputs(of: $0)) } == [[0, 1], [0, 1, 2], [1, 2]])
        #expect((0..<3).map { Array(masks.importInputs(of: $0)) } == [[0], [0], []])
    }

    /// "Sector 0 is critical for sector 2" becomes every supplier cell of sector 0 with A > 0
    /// for sector 2 in every region.
    @Test func sectorPairsExpandOverRegions() throws {
        let economy = try RandomEconomy(regions: 3, sectors: 4, products: 2, seed: 9)
        let a = economy.structure.technicalCoefficients
        let pairs = try CriticalInputs.sectorPairs(inputSector: 0, userSector: 2, structure: economy.structure)
        let expected = (0..<3).flatMap { userRegion in
            (0..<3).compactMap { inputRegion in
                a[inputRegion * 4, userRegion * 4 + 2] > 0 ? CriticalPair(input: inputRegion * 4, user: userRegion * 4 + 2) : nil
            }
        }
        #expect(Set(pairs) == Set(expected) && !pairs.isEmpty)
        let imports = try CriticalInputs.importSectorPairs(product: 1, userSector: 3, structure: economy.structure)
        #expect(imports.allSatisfy { $0.input == 1 && $0.user % 4 == 3 && economy.structure.importCoefficients[1, $0.user] > 0 })
    }

    @Test func pairsOutOfRangeAreErrors() throws {
        #expect(throws: RationingError.indexOutOfRange(field: "critical input cell", index: 3, count: 3)) {
            try CriticalInputs(structure: Self.structure(), domesticPairs: [CriticalPair(input: 3, user: 0)])
        }
        #expect(throws: RationingError.indexOutOfRange(field: "user sector", index: 5, count: 3)) {
            try CriticalInputs.sectorPairs(inputSector: 0, userSector: 5, structure: Self.structure())
        }
    }
}
