import Testing
@testable import ShockFlowModel

/// The static analysis refuses to hand out NaN or infinite figures (issue 12, section 5, item 3):
/// a singular or badly ill-conditioned I − A that LU does not flag still gives no silent NaN.
@Suite struct StaticRefusalTests {
    @Test func nonFiniteMultiplierNamesTheFigureAndTheCell() throws {
        let figures = MultipliersAndLinkages(
            outputMultipliers: [1.5, 2], valueAddedMultipliers: [0.5, .nan], backwardLinkages: [1, 1],
            forwardLinkages: [.infinity, 1])
        let expected = StaticModelError.nonFiniteResult(
            quantity: "value-added multiplier", cell: "cell 1", value: .nan, system: "I − A")
        do {
            try figures.requireFinite { "cell \($0)" }
            Issue.record("expected a refusal")
        } catch let error as StaticModelError {
            // NaN ≠ NaN, so compare the text, which names the figure, the cell and the way out.
            #expect(error.description == expected.description)
            #expect(error.description.contains("the value-added multiplier of cell 1 came out NaN"))
            #expect(error.description.contains("shockflow economy check"))
        }
        let finite = MultipliersAndLinkages(
            outputMultipliers: [1.5], valueAddedMultipliers: [0.5], backwardLinkages: [1], forwardLinkages: [1])
        try finite.requireFinite { "cell \($0)" }
    }
}
