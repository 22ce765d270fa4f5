import Foundation
import Testing

/// `shockflow compare` of runs with different horizons (ShockFlowFormatsTests/Fixtures/runs, make_runs.py):
/// 8 against 12 quarters compares the 8 shared quarters and says which it left out, in every format;
/// quarters against years is refused.
@Suite struct CompareHorizonCommandTests {
    private func compare(_ arguments: [String]) throws -> CommandResult {
        try CommandRunner.run(["compare"] + arguments, in: CompareCommandTests.runs)
    }

    static let note = "periods 8 to 11 left out: A has 8 periods, B 12; only the 8 periods every run has (0 to 7) are compared"

    @Test func eightAgainstTwelveQuarters() throws {
        let result = try compare(["quarters-8", "quarters-12"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardError.isEmpty)
        #expect(result.standardOutput.contains("\n64 rows: 1 differ.\n"))
        #expect(result.standardOutput.contains("    3       north   manu    40  44     +4  +10.00 %\n"))
        #expect(result.standardOutput.hasSuffix("\n\nnote: \(Self.note)\n"))
        // A regression check passes or fails on the shared periods.
        #expect(try compare(["quarters-8", "quarters-12", "--atol", "4"]).exitCode == 0)
        #expect(try compare(["quarters-8", "quarters-12", "--rtol", "0.01"]).exitCode == 1)
    }

    @Test func otherFormatsSayWhatWasLeftOut() throws {
        let markdown = try compare(["quarters-8", "quarters-12", "--format", "markdown"])
        #expect(markdown.exitCode == 0 && markdown.standardOutput.hasSuffix("\n\n- \(Self.note)\n"))

        let json = try compare(["quarters-8", "quarters-12", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(object["notes"] as? [String] == [Self.note])
        let leftOut = try #require(object["periods_left_out"] as? [String: Any])
        #expect(leftOut["first"] as? Int == 8 && leftOut["last"] as? Int == 11)

        // The CSV holds the compared rows only; the note goes to standard error.
        let csv = try compare(["quarters-8", "quarters-12", "--format", "csv"])
        #expect(csv.exitCode == 0)
        #expect(csv.standardError == "note: \(Self.note)\n")
        let lines = csv.standardOutput.split(separator: "\n")
        #expect(lines.count == 65)
        #expect(lines.last == "7,south,manu,value_added,24,24,0,0")
        #expect(lines.contains("3,north,manu,output,40,44,4,0.1"))
    }

    @Test func aPeriodOnlyOneRunHasIsRefused() throws {
        let result = try compare(["quarters-8", "quarters-12", "--period", "9"])
        #expect(result.exitCode == 2)
        #expect(result.standardError == "shockflow: error: no period 9 in every run (A has 8 periods, B 12): the runs share periods 0 to 7\n")
    }

    /// Quarters against years: refused as other incomparable runs are (exit status 2), naming both lengths.
    @Test func quartersAgainstYearsAreRefused() throws {
        let result = try compare(["quarters-8", "years-8"])
        #expect(result.exitCode == 2)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError == """
            shockflow: error: the runs cannot be compared row by row (use --level summary to compare their headline figures):
              period length: A has quarters (0.25 years), B years (1 year)

            """)
        #expect(try compare(["quarters-12", "years-8", "--format", "csv"]).exitCode == 2)
        #expect(try compare(["quarters-8", "years-8", "--level", "summary"]).exitCode == 0)
    }
}
