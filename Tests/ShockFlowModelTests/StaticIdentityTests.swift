import ShockFlowLinearAlgebra
import ShockFlowModel
import ShockFlowTestSupport
import Testing

/// MODEL sections 1–2 identities on the random balanced tables of the reference fixtures.
@Suite struct StaticIdentityTests {
    static let cases = ["mrio-3x4", "mrio-3x4-zero-output", "mrio-5x6"]

    /// L·(I − A) = I and G·(I − B) = I for the explicit inverses (MODEL (5), (6)).
    @Test(arguments: cases) func inversesInvertTheirSystems(name: String) throws {
        let analysis = try InputOutputAnalysis(economy: ReferenceFolder(name).economy())
        let n = analysis.cellCount
        let leontiefIdentity = try Matrix.product(
            analysis.leontiefInverse(), analysis.technicalCoefficients.identityMinus())
        let ghoshIdentity = try Matrix.product(analysis.ghoshInverse(), analysis.allocationCoefficients().identityMinus())
        expectClose(leontiefIdentity, Matrix.identity(n), relative: 1e-12, "L(I − A)")
        expectClose(ghoshIdentity, Matrix.identity(n), relative: 1e-12, "G(I − B)")
    }

    /// The base year reproduces itself: x = L·(Y·1) (MODEL (1), (7)) and xᵀ = (v + m)ᵀ·G (MODEL (2), (8)).
    @Test(arguments: cases) func baseYearIsReproduced(name: String) throws {
        let economy = try ReferenceFolder(name).economy()
        let analysis = try InputOutputAnalysis(economy: economy)
        let demandDriven = try analysis.leontiefResponse(to: Matrix(column: analysis.totalFinalDemand))
        expectClose(demandDriven.elements, economy.grossOutput, relative: 1e-9, "L·y")
        let primaryInputs = zip(economy.valueAdded, try economy.totalIntermediateImports()).map { $0 + $1 }
        let supplyDriven = try analysis.ghoshResponse(to: Matrix(column: primaryInputs))
        expectClose(supplyDriven.elements, economy.grossOutput, relative: 1e-9, "Gᵀ·(v + m)")
    }

    /// One multi-right-hand-side solve equals solving column by column, and the response is
    /// linear: L·(2·Δy₁ − 3·Δy₂) = 2·L·Δy₁ − 3·L·Δy₂ (MODEL (7)).
    @Test(arguments: cases) func leontiefResponseIsBatchedAndLinear(name: String) throws {
        let folder = try ReferenceFolder(name)
        let analysis = try InputOutputAnalysis(economy: folder.economy())
        let changes = try folder.matrix("demand_changes")
        let batched = try analysis.leontiefResponse(to: changes)
        for column in 0..<changes.columns {
            let single = try analysis.leontiefResponse(to: Matrix(column: changes.column(column)))
            expectClose(single.elements, batched.column(column), relative: 1e-13, "column \(column)")
        }
        let combined = zip(changes.column(0), changes.column(1)).map { 2 * $0 - 3 * $1 }
        let combinedResponse = try analysis.leontiefResponse(to: Matrix(column: combined))
        let expected = zip(batched.column(0), batched.column(1)).map { 2 * $0 - 3 * $1 }
        expectClose(combinedResponse.elements, expected, relative: 1e-12, "linear combination")
    }

    /// Output multipliers are the column sums of L and backward linkages average to 1; forward
    /// linkages are the normalised row sums of G (MODEL (9), (10)).
    @Test(arguments: cases) func multipliersMatchExplicitInverses(name: String) throws {
        let analysis = try InputOutputAnalysis(economy: ReferenceFolder(name).economy())
        let result = try analysis.multipliersAndLinkages()
        expectClose(result.outputMultipliers, try analysis.leontiefInverse().columnSums(), relative: 1e-12, "μ")
        let n = Double(analysis.cellCount)
        #expect(abs(result.backwardLinkages.reduce(0, +) / n - 1) < 1e-12)
        #expect(abs(result.forwardLinkages.reduce(0, +) / n - 1) < 1e-12)
    }

    /// Extraction (MODEL (11)): nothing extracted loses nothing; extracted cells produce only
    /// their own final demand; the loss is the difference of the two outputs.
    @Test(arguments: cases) func extractionIdentities(name: String) throws {
        let analysis = try InputOutputAnalysis(economy: ReferenceFolder(name).economy())
        let none = try analysis.hypotheticalExtraction(of: [])
        #expect(none.totalOutputLoss == 0)
        let result = try analysis.hypotheticalExtraction(of: [2, 0, 2])
        #expect(result.extractedCells == [0, 2])
        for cell in result.extractedCells {
            #expect(abs(result.outputAfterExtraction[cell] - analysis.totalFinalDemand[cell]) <= 1e-12 * analysis.output[cell])
        }
        #expect(throws: StaticModelError.cellOutOfRange(index: 99, cellCount: analysis.cellCount)) {
            try analysis.hypotheticalExtraction(of: [99])
        }
    }

    /// On cells with positive output A* = diag(x)⁻¹·A·diag(x) equals B (MODEL (4), (12)).
    @Test(arguments: cases) func interdependencyEqualsAllocationCoefficients(name: String) throws {
        let analysis = try InputOutputAnalysis(economy: ReferenceFolder(name).economy())
        let model = try analysis.inoperabilityModel()
        expectClose(model.interdependencyMatrix, try analysis.allocationCoefficients(), relative: 1e-14, "A*")
    }

    /// A right-hand side with the wrong number of rows is a typed error, not a crash.
    @Test func wrongRowCountIsReported() throws {
        let analysis = try InputOutputAnalysis(economy: HandMadeEconomies.millerBlair())
        #expect(throws: StaticModelError.self) { try analysis.leontiefResponse(to: Matrix(rows: 3, columns: 2)) }
        #expect(throws: StaticModelError.self) { try analysis.ghoshResponse(to: Matrix(rows: 1, columns: 1)) }
    }
}
