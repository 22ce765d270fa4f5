import Foundation
import ShockFlowFormats
import ShockFlowModel
import ShockFlowTestSupport
import Testing
@testable import ShockFlowEngine

/// Runs of different horizons on the hand-made run folders (Fixtures/runs/make_runs.py): periods of one
/// length compare the periods every run has and say which were left out; other period lengths are refused.
@Suite struct ComparisonHorizonTests {
    private func compare(_ names: [String], _ options: ComparisonOptions = ComparisonOptions()) throws -> ComparisonReport {
        try RunComparison.compare(names.map(ComparisonRunTests.run), options: options)
    }

    /// 8 against 12 quarters: periods 0 to 7 compared (8 periods × 4 cells × 2 metrics), the one value
    /// changed in period 3 found; periods 8 to 11 left out, not counted as missing rows.
    @Test func eightAgainstTwelveQuartersComparesEight() throws {
        for names in [["quarters-8", "quarters-12"], ["quarters-12", "quarters-8"]] {
            let report = try compare(names)
            #expect(report.tally.rowCount == 64 && report.tally.partialRowCount == 0)
            #expect(report.tally.differingRowCount == 1)
            let shared = try #require(report.sharedPeriods)
            #expect(shared.count == 8 && shared.leftOut == 8...11)
            let horizons = names[0] == "quarters-8" ? "A has 8 periods, B 12" : "A has 12 periods, B 8"
            #expect(report.notes == ["periods 8 to 11 left out: \(horizons); only the 8 periods every run has (0 to 7) are compared"])
            let row = try #require(report.tally.metrics[0].largestDifferences.ranked.first?.entry)
            #expect(row.key == ["3", "north", "manu"] && row.metric == "output")
        }
        // A regression check looks at the shared periods only.
        let checked = try compare(["quarters-8", "quarters-12"], ComparisonOptions(tolerance: ComparisonTolerance(absolute: 4)))
        #expect(checked.tally.agreesWithinTolerance)
    }

    /// Cumulative totals and one period are taken over the shared periods; a period only one run has is refused.
    @Test func periodsAndTotalsStayWithinTheSharedPeriods() throws {
        let cumulative = try compare(["quarters-8", "quarters-12"], ComparisonOptions(metrics: ["output"], periods: .cumulative))
        let row = try #require(cumulative.tally.metrics[0].largestDifferences.ranked.first?.entry)
        // north/manu output: 50 in period 0, 40 in periods 1 to 7 (44 in period 3 of quarters-12).
        let (eight, twelve): (Double, Double) = (50 + 7 * 40, 50 + 6 * 40 + 44)
        #expect(row.key == ["north", "manu"] && row.values == [eight, twelve])
        let period3 = try compare(["quarters-8", "quarters-12"], ComparisonOptions(periods: .only(3)))
        #expect(period3.tally.rowCount == 8 && period3.tally.differingRowCount == 1)
        let shared = try #require(period3.sharedPeriods)
        #expect(throws: ComparisonError.periodNotShared(9, shared)) {
            try compare(["quarters-8", "quarters-12"], ComparisonOptions(periods: .only(9)))
        }
        #expect(
            "\(ComparisonError.periodNotShared(9, shared))"
                == "no period 9 in every run (A has 8 periods, B 12): the runs share periods 0 to 7")
    }

    /// Three runs: the shortest horizon decides; the note lists every run's.
    @Test func threeHorizons() throws {
        let report = try compare(["base", "other-horizon", "quarters-8"])
        #expect(report.tally.rowCount == 16 && report.tally.isIdentical)
        #expect(report.notes == ["periods 2 to 7 left out: A has 2 periods, B 3, C 8; only the 2 periods every run has (0 to 1) are compared"])
    }

    /// Quarters against years: refused, naming both lengths, whatever the horizons.
    @Test func differentPeriodLengthsAreRefused() {
        let line = "period length: A has quarters (0.25 years), B years (1 year)"
        #expect(throws: ComparisonError.incomparableRuns(differences: [line])) { try compare(["quarters-8", "years-8"]) }
        #expect(throws: ComparisonError.incomparableRuns(differences: [line])) { try compare(["quarters-12", "years-8"]) }
        #expect(
            "\(ComparisonError.incomparableRuns(differences: [line]))"
                == "the runs cannot be compared row by row (use --level summary to compare their headline figures):\n" + line)
    }

    /// A static model's single period holds annual flows, not the first period of a horizon: still refused.
    @Test func aStaticRunAgainstADynamicOneIsRefused() throws {
        try withTemporaryDirectory { directory in
            let run = directory + "/static"
            try FileManager.default.copyItem(atPath: ComparisonRunTests.run("quarters-8"), toPath: run)
            let manifest = try String(contentsOfFile: run + "/manifest.json", encoding: .utf8)
            try manifest.replacingOccurrences(of: "\"model\": \"dynamic\"", with: "\"model\": \"leontief\"")
                .write(toFile: run + "/manifest.json", atomically: true, encoding: .utf8)
            let cells = try String(contentsOfFile: run + "/cells.csv", encoding: .utf8).split(separator: "\n")
            try (cells.prefix(9).joined(separator: "\n") + "\n").write(toFile: run + "/cells.csv", atomically: true, encoding: .utf8)
            #expect(throws: ComparisonError.incomparableRuns(differences: ["horizon: A has 1 period, B 8 periods"])) {
                try RunComparison.compare([run, ComparisonRunTests.run("quarters-8")], options: ComparisonOptions())
            }
        }
    }

    /// Rows of the left-out periods are not compared but still read: a longer run cut short is refused.
    @Test func theLongerRunIsStillCheckedForTruncation() throws {
        try withTemporaryDirectory { directory in
            let run = directory + "/cut"
            try FileManager.default.copyItem(atPath: ComparisonRunTests.run("quarters-12"), toPath: run)
            let cells = try String(contentsOfFile: run + "/cells.csv", encoding: .utf8).split(separator: "\n")
            // Header and periods 0 to 9 (8 rows each): the manifest says 12 periods.
            try (cells.prefix(1 + 10 * 8).joined(separator: "\n") + "\n").write(toFile: run + "/cells.csv", atomically: true, encoding: .utf8)
            #expect(throws: ComparisonError.truncated(
                FileLocation(path: run + "/cells.csv", line: 81), reason: "it stops at period 9, the run has 12 periods (manifest.json)")
            ) { try RunComparison.compare([ComparisonRunTests.run("quarters-8"), run], options: ComparisonOptions()) }
        }
    }

    @Test func jsonNamesThePeriodsLeftOut() throws {
        let text = try ComparisonJSONReport.text(try compare(["quarters-8", "quarters-12"]))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let leftOut = try #require(json["periods_left_out"] as? [String: Any])
        #expect(leftOut["first"] as? Int == 8 && leftOut["last"] as? Int == 11)
        #expect(leftOut["periods"] as? [String: Int] == ["A": 8, "B": 12])
        #expect((json["notes"] as? [String])?.first?.hasPrefix("periods 8 to 11 left out") == true)
        // Runs of one horizon have no such field.
        #expect(!(try ComparisonJSONReport.text(try compare(["base", "one-change"]))).contains("periods_left_out"))
    }
}
