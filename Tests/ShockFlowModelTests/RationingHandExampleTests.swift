import ShockFlowLinearAlgebra
import ShockFlowModel
import ShockFlowTestSupport
import Testing

/// The rationing step (MODEL (13)–(17)) on a three-sector economy solved by hand.
///
///     A = | 0.1  0.2  0   |     a_m = | 0.2  0.02  0 |     τ = 0.15
///         | 0.1  0.1  0.3 |
///         | 0    0.1  0.1 |
///
/// Critical inputs (entries ≥ τ): sector 0 for sector 1 (A[0,1] = 0.2), sector 1 for sector 2
/// (A[1,2] = 0.3), and the imported product for sector 0 (a_m[0,0] = 0.2): a chain
/// imports → 0 → 1 → 2. With y = (I − A)·(100, 200, 100) = (50, 140, 70) the orders are
/// d = (100, 200, 100); D⁰ᵐ = 0.2·100 + 0.02·200 = 24. Capacity c = (80, 250, 120).
/// a_v = 1 − column sums of A and a_m = (0.6, 0.58, 0.6).
@Suite struct RationingHandExampleTests {
    static func model() throws -> RationingModel {
        let structure = try ProductionStructure(
            regionCount: 1, sectorCount: 3,
            technicalCoefficients: Matrix(rowMajor: [[0.1, 0.2, 0], [0.1, 0.1, 0.3], [0, 0.1, 0.1]]),
            importCoefficients: Matrix(rowMajor: [[0.2, 0.02, 0]]), valueAddedCoefficients: [0.6, 0.58, 0.6],
            grossOutput: [100, 200, 100])
        return try RationingModel(structure: structure, criticalInputs: CriticalInputs(structure: structure, threshold: 0.15))
    }

    static func solve(importAvailability: Double) throws -> RationingResult {
        try model().solve(
            RationingInput(
                capacity: Matrix(column: [80, 250, 120]), finalDemand: Matrix(column: [50, 140, 70]),
                importAvailability: Matrix(column: [importAvailability]), importProductCount: 1))
    }

    /// φ = 0.9, so ρᵐ = 0.9 and sector 0's capacity (0.8 of its orders) binds first.
    /// x⁰ = min(c, d) = (80, 200, 100).
    /// Sweep 1: ρ = (0.8, 1, 1): x₀ = min(80, 100·0.9) = 80, x₁ = min(250, 200·0.8) = 160, x₂ = 100.
    /// Sweep 2: ρ = (0.8, 0.8, 1): x₂ = min(120, 100·0.8) = 80.   Sweep 3: nothing moves.
    /// x = (80, 160, 80), ρ = 0.8 everywhere; delivered final (40, 112, 56), unmet (10, 28, 14);
    /// imports ordered 24, used 21.6, short 2.4; value added (48, 92.8, 48).
    @Test func capacityBindsAndTravelsDownTheChain() throws {
        let result = try Self.solve(importAvailability: 0.9)
        expectClose(result.ordered.elements, [100, 200, 100], relative: 1e-12, "d")
        expectClose(result.output.elements, [80, 160, 80], relative: 1e-12, "x")
        expectClose(result.rationing.elements, [0.8, 0.8, 0.8], relative: 1e-12, "ρ")
        expectClose(result.deliveredFinal.elements, [40, 112, 56], relative: 1e-12, "delivered final")
        expectClose(result.unmetFinal.elements, [10, 28, 14], relative: 1e-12, "unmet final")
        expectClose(result.importRationing.elements, [0.9], relative: 1e-12, "ρᵐ")
        expectClose(result.importUse.elements, [21.6], relative: 1e-12, "import use")
        expectClose(result.importShortfall.elements, [2.4], relative: 1e-12, "import shortfall")
        expectClose(result.valueAdded.elements, [48, 92.8, 48], relative: 1e-12, "value added")
        #expect(result.iterations == [3])
    }

    /// φ = 0.7: now the import shortage binds sector 0 (ρᵐ = 0.7 < 0.8).
    /// Sweep 1: x = (70, 160, 100). Sweep 2: ρ = (0.7, 0.8, 1) → x = (70, 140, 80).
    /// Sweep 3: ρ = (0.7, 0.7, 0.8) → x = (70, 140, 70). Sweep 4: nothing moves. ρ = 0.7 everywhere.
    @Test func importShortageBindsAndTravelsDownTheChain() throws {
        let result = try Self.solve(importAvailability: 0.7)
        expectClose(result.output.elements, [70, 140, 70], relative: 1e-12, "x")
        expectClose(result.rationing.elements, [0.7, 0.7, 0.7], relative: 1e-12, "ρ")
        expectClose(result.importUse.elements, [16.8], relative: 1e-12, "import use")
        #expect(result.iterations == [4])
    }

    /// Both columns at once give the same as each alone.
    @Test func twoColumnsInLockstep() throws {
        let batch = try Self.model().solve(
            RationingInput(
                capacity: repeatedColumns([80, 250, 120], count: 2), finalDemand: repeatedColumns([50, 140, 70], count: 2),
                importAvailability: Matrix(rowMajor: [[0.9, 0.7]]), importProductCount: 1))
        expectClose(batch.output, try Matrix(rowMajor: [[80, 70], [160, 140], [80, 70]]), relative: 1e-12, "x")
        #expect(batch.iterations == [3, 4])
    }
}
