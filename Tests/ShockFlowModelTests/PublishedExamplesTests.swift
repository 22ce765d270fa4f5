import ShockFlowLinearAlgebra
import ShockFlowModel
import ShockFlowTestSupport
import Testing

/// Textbook and published cases with values printed outside this project.
@Suite struct PublishedExamplesTests {
    /// Miller & Blair (2009), section 2.3: A = [[.15,.25],[.20,.05]] and
    /// L = [[1.2541, 0.3300], [0.2640, 1.1221]] to the four printed decimals (MODEL (3), (5)).
    @Test func millerBlairCoefficientsAndLeontiefInverse() throws {
        let analysis = try InputOutputAnalysis(economy: HandMadeEconomies.millerBlair())
        let printedA = try Matrix(rowMajor: [[0.15, 0.25], [0.20, 0.05]])
        let printedL = try Matrix(rowMajor: [[1.2541, 0.3300], [0.2640, 1.1221]])
        expectClose(analysis.technicalCoefficients, printedA, relative: 1e-15, "A")
        let leontief = try analysis.leontiefInverse()
        for index in printedL.elements.indices {
            #expect(abs(leontief.elements[index] - printedL.elements[index]) < 5e-5)
        }
    }

    /// Miller & Blair's new final demand f = [600, 1500]: by Cramer's rule with
    /// det(I − A) = 0.7575, x = [945, 1395] / 0.7575 (MODEL (7)); output multipliers are the
    /// column sums of L, [1.15, 1.10] / 0.7575 (MODEL (9)).
    @Test func millerBlairResponseAndMultipliers() throws {
        let analysis = try InputOutputAnalysis(economy: HandMadeEconomies.millerBlair())
        let output = try analysis.leontiefResponse(to: Matrix(column: [600, 1500]))
        expectClose(output.elements, [945 / 0.7575, 1395 / 0.7575], relative: 1e-13, "x")
        let multipliers = try analysis.multipliersAndLinkages()
        expectClose(multipliers.outputMultipliers, [1.15 / 0.7575, 1.10 / 0.7575], relative: 1e-13, "μ")
        // v = [650, 1400], a_v = [0.65, 0.70]; with no imports every unit of final demand
        // ends as value added: a_vᵀ L = 1ᵀ.
        expectClose(multipliers.valueAddedMultipliers, [1, 1], relative: 1e-13, "value-added multipliers")
    }

    /// Inoperability input–output model, MODEL (12): A* = [[0, .8], [.2, 0]], c* = [0, .6]
    /// gives q = [0.48, 0.6] / 0.84 = [0.5714, 0.7143] (Haimes & Jiang 2001; Santos & Haimes 2004).
    @Test func inoperabilityPublishedExample() throws {
        let model = try InoperabilityModel(interdependencyMatrix: Matrix(rowMajor: [[0, 0.8], [0.2, 0]]))
        let q = try model.inoperability(demandPerturbation: [0, 0.6])
        #expect(abs(q[0] - 0.5714) < 5e-5)
        #expect(abs(q[1] - 0.7143) < 5e-5)
        expectClose(q, [0.48 / 0.84, 0.6 / 0.84], relative: 1e-14, "q")
    }
}
