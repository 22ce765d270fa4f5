import ShockFlowLinearAlgebra
import ShockFlowModel
import ShockFlowTestSupport
import Testing

/// Random balanced tables against numpy (fixtures from scripts/fixtures/static_reference.py),
/// every quantity of MODEL (3)–(12) to 1e-9 relative.
@Suite struct StaticReferenceTests {
    @Test(arguments: ["mrio-3x4", "mrio-3x4-zero-output", "mrio-5x6"])
    func matchesNumpy(name: String) throws {
        let folder = try ReferenceFolder(name)
        let economy = try folder.economy()
        let analysis = try InputOutputAnalysis(economy: economy)

        expectClose(analysis.technicalCoefficients, try folder.matrix("A"), relative: 1e-9, "A")
        expectClose(try analysis.allocationCoefficients(), try folder.matrix("B"), relative: 1e-9, "B")
        expectClose(analysis.importCoefficients, try folder.matrix("import_coefficients"), relative: 1e-9, "a_m")
        expectClose(try analysis.leontiefInverse(), try folder.matrix("L"), relative: 1e-9, "L")
        expectClose(try analysis.ghoshInverse(), try folder.matrix("G"), relative: 1e-9, "G")

        let expected = try folder.matrix("multipliers")
        let result = try analysis.multipliersAndLinkages()
        expectClose(result.outputMultipliers, expected.column(0), relative: 1e-9, "output multipliers")
        expectClose(result.valueAddedMultipliers, expected.column(1), relative: 1e-9, "value-added multipliers")
        expectClose(result.backwardLinkages, expected.column(2), relative: 1e-9, "backward linkages")
        expectClose(result.forwardLinkages, expected.column(3), relative: 1e-9, "forward linkages")

        expectClose(
            try analysis.leontiefResponse(to: folder.matrix("demand_changes")), try folder.matrix("leontief_responses"), relative: 1e-9,
            "Leontief responses")
        expectClose(
            try analysis.ghoshResponse(to: folder.matrix("value_added_changes")), try folder.matrix("ghosh_responses"), relative: 1e-9,
            "Ghosh responses")

        let extracted = try folder.vector("extracted_cells").map { Int($0) }
        let extraction = try analysis.hypotheticalExtraction(of: extracted)
        let expectedExtraction = try folder.matrix("extraction")
        expectClose(extraction.baselineOutput, expectedExtraction.column(0), relative: 1e-9, "x")
        expectClose(extraction.outputAfterExtraction, expectedExtraction.column(1), relative: 1e-9, "x*")
        expectClose(extraction.outputLoss, expectedExtraction.column(2), relative: 1e-9, "x − x*")
        expectClose([extraction.totalOutputLoss], try folder.vector("extraction_total_loss"), relative: 1e-9, "1ᵀ(x − x*)")

        let inoperability = try analysis.inoperabilityModel()
            .inoperability(demandPerturbation: folder.matrix("inoperability_perturbation"))
        expectClose(inoperability, try folder.matrix("inoperability"), relative: 1e-9, "q")

        let report = try economy.check()
        #expect(report.passed, "\(report.findings.map(\.message))")
        #expect(report.zeroOutputCells == analysis.zeroOutputCells)
    }

    /// The zero-output cell of the fixture (region R2, sector S3) is excluded, never divided by.
    @Test func zeroOutputCellIsExcluded() throws {
        let analysis = try InputOutputAnalysis(economy: ReferenceFolder("mrio-3x4-zero-output").economy())
        #expect(analysis.zeroOutputCells == [6])
        #expect(analysis.technicalCoefficients.column(6).allSatisfy { $0 == 0 })
        let allocation = try analysis.allocationCoefficients()
        #expect((0..<analysis.cellCount).allSatisfy { allocation[6, $0] == 0 })
        #expect(analysis.valueAddedCoefficients.allSatisfy { $0.isFinite })
    }
}
