import ShockFlowLinearAlgebra
import ShockFlowModel
import ShockFlowTestSupport
import Testing

/// The rationing step against the independent numpy implementation of
/// `scripts/fixtures/rationing_reference.py` (dense A′, no Woodbury, dense masks) on random
/// economies with critical masks, explicit pairs, import cuts and substitution.
@Suite struct RationingReferenceTests {
    static let cases = [
        "step-2x3", "step-2x4-zero-cell", "step-3x4-two-substitutes", "step-3x4-sector-total-cap",
        "step-3x4-substitute-regions", "step-1x8",
        "step-2x5-no-substitution",
    ]

    @Test(arguments: cases) func matchesNumpyReference(name: String) throws {
        let folder = try ReferenceFolder(rationing: name)
        let model = try folder.rationingModel(options: RationingOptions(tolerance: 1e-13))
        let result = try model.solve(
            RationingInput(
                capacity: folder.matrix("c"), finalDemand: folder.matrix("y"), importAvailability: folder.matrix("phi"),
                substitutability: folder.matrix("theta"), importProductCount: model.structure.importProductCount))
        let metrics: [(String, Matrix)] = [
            ("d", result.ordered), ("x", result.output), ("rho", result.rationing), ("rhom", result.importRationing),
            ("thetahat", result.substitutionShare), ("import_use", result.importUse),
            ("import_shortfall", result.importShortfall), ("substituted", result.substituted),
            ("value_added", result.valueAdded), ("delivered_final", result.deliveredFinal),
            ("unmet_final", result.unmetFinal),
        ]
        for (file, actual) in metrics {
            expectClose(actual, try folder.matrix("expected_" + file), relative: 1e-9, "\(name) \(file)")
        }
    }

    /// The sparse masks hold exactly the dense masks the reference used.
    @Test(arguments: cases) func masksMatchReference(name: String) throws {
        let folder = try ReferenceFolder(rationing: name)
        let masks = try folder.rationingModel(options: RationingOptions()).criticalInputs
        let (domestic, imports) = (try folder.matrix("K"), try folder.matrix("Km"))
        for user in 0..<masks.cellCount {
            #expect(Array(masks.domesticInputs(of: user)) == (0..<domestic.rows).filter { domestic[$0, user] == 1 })
            #expect(Array(masks.importInputs(of: user)) == (0..<imports.rows).filter { imports[$0, user] == 1 })
        }
    }
}
