import ShockFlowLinearAlgebra
import ShockFlowModel
import ShockFlowTestSupport
import Testing
@testable import ShockFlowFormats

/// The built-in WIOD 2011 table is rounded to whole millions of dollars, so MODEL (1) holds only
/// to the rounding (|x − Z·1 − Y·1| ≤ 108 per its SOURCE.md). MODEL (7) must then reproduce x
/// from final demand to that rounding carried through the Leontief inverse:
/// x − L·y = L·(x − A·x − y) = L·r, so |x − L·y|_i ≤ (L·1)_i · max|r| ≤ max(L·1) · max|r|.
@Suite struct WorldTableLeontiefTests {
    @Test func leontiefResponseReproducesOutputToTheTablesRounding() throws {
        let economy = try EconomyLoader.load(Fixtures.builtInEconomies + "/world-2011").economy
        let analysis = try InputOutputAnalysis(economy: economy)
        let finalDemand = try economy.finalDemand.rowSums()
        let n = economy.cellCount
        let responses = try analysis.leontiefResponse(
            to: Matrix(rows: n, columns: 2, columnMajor: finalDemand + [Double](repeating: 1, count: n)))
        let reproduced = responses.column(0), leontiefRowSums = responses.column(1)
        let sales = try economy.intermediateFlows.rowSums()
        let worstResidual = (0..<n).map { abs(economy.grossOutput[$0] - sales[$0] - finalDemand[$0]) }.max() ?? 0
        #expect(worstResidual > 0 && worstResidual <= 108, "the table is rounded, as its SOURCE says")
        let bound = (leontiefRowSums.max() ?? 0) * worstResidual
        let worstDeviation = (0..<n).map { abs(economy.grossOutput[$0] - reproduced[$0]) }.max() ?? 0
        #expect(worstDeviation <= bound, "max |x − L·y| = \(worstDeviation), bound \(bound)")
        // Summed over cells: Σ|x − L·y| ≤ Σ_i (L·1)_i · max|r|, under 0.1 % of world output.
        let totalDeviation = (0..<n).reduce(0.0) { $0 + abs(economy.grossOutput[$1] - reproduced[$1]) }
        #expect(totalDeviation <= leontiefRowSums.reduce(0, +) * worstResidual)
        #expect(totalDeviation / economy.grossOutput.reduce(0, +) < 1e-3)
    }
}
