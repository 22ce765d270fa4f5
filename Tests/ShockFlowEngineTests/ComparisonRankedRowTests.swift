import Foundation
import ShockFlowModel
import Testing
@testable import ShockFlowEngine

/// The ranked rows of summary.csv (worst_region_N, worst_sector_N, weight_increase_N, …) on the hand-made
/// runs `ranked` and `ranked-other` (Fixtures/runs/make_runs.py): a rank held by another subject in
/// another run is reported as the two subjects, not as a difference; the same subject compares as numbers.
@Suite struct ComparisonRankedRowTests {
    private func compare(_ names: [String], _ options: ComparisonOptions = ComparisonOptions(level: .summary)) throws
        -> ComparisonReport
    {
        try RunComparison.compare(names.map(ComparisonRunTests.run), options: options)
    }

    @Test func rankedRowsAndTheirSubjects() {
        for metric in ["worst_region_1", "worst_sector_5", "weight_increase_12", "weight_decrease_3"] {
            #expect(RankedFigure.isRanked(metric), "\(metric)")
        }
        for metric in ["worst_region_", "worst_region_x", "cumulative_value_added_loss", "peak_value_added_loss_period", "note"] {
            #expect(!RankedFigure.isRanked(metric), "\(metric)")
        }
        #expect(RankedFigure.subject(ofDetail: "CN-GD (Guangdong): cumulative value_added loss, 3.2 % of its baseline") == "CN-GD")
        #expect(RankedFigure.subject(ofDetail: "20: cumulative output loss, 1 % of its baseline") == "20")
        #expect(RankedFigure.subject(ofDetail: "CN-GD/20: W 0.01 in the baseline, 0.02 in the scenario, period 19") == "CN-GD/20")
        #expect(RankedFigure.subject(ofDetail: "no subject here") == nil)
        #expect(RankedFigure.text(("CN-GD", "CN-SD"), labels: ("A", "B")) == "CN-GD in A, CN-SD in B")
    }

    @Test func anotherSubjectIsNotANumericDifference() throws {
        let report = try compare(["ranked", "ranked-other"])
        let rows = Dictionary(uniqueKeysWithValues: report.tally.everyRow.map { ($0.metric, $0) })
        let region = try #require(rows["worst_region_1"])
        #expect(region.values == [8.5, 9] && region.subjects == ["south", "north"])
        #expect(region.difference(1) == nil && region.relative(1) == nil)
        #expect(region.subjectChange(1)?.reference == "south" && region.subjectChange(1)?.subject == "north")
        // The same subject compares as before: manu lost 10.5, then 11.
        let sector = try #require(rows["worst_sector_1"])
        #expect(sector.subjects == nil && sector.difference(1) == 0.5)
        // Equal values of different cells still differ.
        let weight = try #require(rows["weight_increase_1"])
        #expect(weight.values == [0.02, 0.02] && weight.subjects == ["south/manu", "north/manu"])
        #expect(report.tally.differingRowCount == 4 && !report.tally.isIdentical)
        // No tolerance covers another subject; the sector's 0.5 is within 10 %.
        let checked = try compare(["ranked", "ranked-other"], ComparisonOptions(level: .summary, tolerance: ComparisonTolerance(relative: 0.1)))
        #expect(checked.tally.rowsOutsideTolerance == 3 && !checked.tally.agreesWithinTolerance)
        #expect(try compare(["ranked", "ranked"]).tally.isIdentical)
    }

    /// With three runs each run is set against the first: C has A's subjects, so its differences are numbers.
    @Test func threeRuns() throws {
        let report = try compare(["ranked", "ranked-other", "ranked"])
        let region = try #require(report.tally.everyRow.first { $0.metric == "worst_region_1" })
        #expect(region.subjects == ["south", "north", "south"])
        #expect(region.difference(1) == nil && region.difference(2) == 0)
    }

    @Test func inEveryFormat() throws {
        let csv = ComparisonOutputTests.Collected()
        let report = try RunComparison.compare(
            ["ranked", "ranked-other"].map(ComparisonRunTests.run), options: ComparisonOptions(level: .summary), fullTable: csv)
        #expect(csv.text == """
            metric,A,B,difference,relative
            cumulative_value_added_loss,14.5,14.5,0,0
            cumulative_value_added_loss_percent,5,5,0,0
            worst_region_1,8.5,9,"south in A, north in B",
            worst_region_2,6,7.5,"north in A, south in B",
            worst_sector_1,10.5,11,0.5,0.047619047619047616
            weight_increase_1,0.02,0.02,"south/manu in A, north/manu in B",

            """)
        let markdown = ComparisonTextReport(report, style: .markdown).text
        #expect(markdown.contains("| worst_region_1 | 10,000 yuan | 8.5 | 9 | south in A, north in B |  |\n"))
        #expect(markdown.contains("| worst_sector_1 | 10,000 yuan | 10.5 | 11 | +0.5 | +4.76 % |\n"))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(try ComparisonJSONReport.text(report).utf8)) as? [String: Any])
        let every = try #require(json["every_row"] as? [[String: Any]])
        let region = try #require(every.first { $0["metric"] as? String == "worst_region_1" })
        #expect(region["subjects"] as? [String: String] == ["A": "south", "B": "north"])
        #expect((region["difference"] as? [String: Any])?["B"] is NSNull)
        #expect(every.first { $0["metric"] as? String == "worst_sector_1" }?["subjects"] == nil)
    }
}
