import Foundation
import Testing

/// `shockflow compare --level summary` of runs whose ranked rows name other subjects
/// (ShockFlowFormatsTests/Fixtures/runs: ranked, ranked-other).
@Suite struct CompareRankedRowsCommandTests {
    private func compare(_ arguments: [String]) throws -> CommandResult {
        try CommandRunner.run(["compare"] + arguments, in: CompareCommandTests.runs)
    }

    /// Another worst region is reported as the two regions; the same worst sector as a difference.
    @Test func aRankHeldByAnotherSubjectIsReportedAsText() throws {
        let result = try compare(["ranked", "ranked-other", "--level", "summary"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput == """
            Comparison of summary.csv, column value, headline figures
              A  two-chips  (ranked)
              B  two-chips  (ranked-other)

            6 rows: 4 differ.

            Every figure
              metric                               unit                    A     B                             B - A  relative
              cumulative_value_added_loss          10,000 yuan          14.5  14.5                                 0       0 %
              cumulative_value_added_loss_percent  %                       5     5                                 0       0 %
              worst_region_1                       10,000 yuan           8.5     9            south in A, north in B
              worst_region_2                       10,000 yuan             6   7.5            north in A, south in B
              worst_sector_1                       10,000 yuan          10.5    11                              +0.5   +4.76 %
              weight_increase_1                    share of the budget  0.02  0.02  south/manu in A, north/manu in B

            """)
        // No tolerance covers another subject.
        let checked = try compare(["ranked", "ranked-other", "--level", "summary", "--rtol", "0.1"])
        #expect(checked.exitCode == 1)
        #expect(checked.standardOutput.contains("DISAGREE: 3 rows outside rtol 0.1, atol 0."))
        #expect(try compare(["ranked", "ranked", "--level", "summary", "--rtol", "0"]).exitCode == 0)
    }
}
