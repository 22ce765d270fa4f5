import Foundation
import ShockFlowModel
import ShockFlowTestSupport
import Testing
@testable import ShockFlowEngine

/// `RunComparison` on the hand-made run folders of Fixtures/runs (make_runs.py says what differs).
@Suite struct ComparisonRunTests {
    static func run(_ name: String) -> String { Fixtures.path("runs/" + name) }

    private func compare(_ names: [String], _ options: ComparisonOptions = ComparisonOptions()) throws -> ComparisonReport {
        try RunComparison.compare(names.map(Self.run), options: options)
    }

    @Test func identicalRunsHaveNoDifferences() throws {
        let report = try compare(["base", "identical"], ComparisonOptions(tolerance: ComparisonTolerance()))
        #expect(report.tally.isIdentical && report.tally.agreesWithinTolerance)
        // 2 periods × 4 cells × 2 metrics.
        #expect(report.tally.rowCount == 16)
        #expect(report.tally.metrics.map(\.metric) == ["output", "value_added"])
        #expect(report.runs.map(\.name) == ["two-chips", "two-chips"])
        #expect(report.units == ["output": "10,000 yuan", "value_added": "10,000 yuan"])
        #expect(report.notes.isEmpty)
    }

    /// The one changed value (period 1, south, manu, value_added: 24 → 18) is ranked first by both
    /// measures with relative difference (18 − 24)/24 = −0.25, and is the only one.
    @Test func aSingleChangedCellIsFoundAndRankedFirst() throws {
        let report = try compare(["base", "one-change"])
        #expect(report.runs.map(\.name) == ["two-chips", "two-chips-less-substitution"])
        #expect(report.tally.differingRowCount == 1 && report.tally.partialRowCount == 0)
        let valueAdded = try #require(report.tally.metrics.first { $0.metric == "value_added" })
        let largest = try #require(valueAdded.largestDifferences.ranked.first?.entry)
        #expect(largest.key == ["1", "south", "manu"])
        #expect(largest.values == [24, 18])
        #expect(largest.difference(1) == -6 && largest.relative(1) == -0.25)
        #expect(valueAdded.largestRelativeDifferences.ranked.first?.entry == largest)
        #expect(report.tally.metrics.first { $0.metric == "output" }?.differingRows == 0)
    }

    /// The baseline column is the same in both runs; the difference column holds the change (−12 against −6).
    @Test func otherColumnsCompareTheirOwnValues() throws {
        let baseline = try compare(["base", "one-change"], ComparisonOptions(column: .baseline))
        #expect(baseline.tally.isIdentical)
        let difference = try compare(["base", "one-change"], ComparisonOptions(column: .difference))
        let row = try #require(difference.tally.metrics.first { $0.metric == "value_added" }?.largestDifferences.ranked.first?.entry)
        #expect(row.values == [-6, -12] && row.relative(1) == 1)
        #expect(difference.columnName == "difference")
    }

    /// The row missing from B is listed with B's value absent, counted against B, and fails a check.
    @Test func aMissingRowIsReported() throws {
        let report = try compare(["base", "missing-row"], ComparisonOptions(tolerance: ComparisonTolerance(relative: 1)))
        #expect(report.tally.partialRowCount == 1 && report.tally.rowCount == 16)
        #expect(report.tally.partialRows == [ComparedRow(key: ["0", "north", "agri"], metric: "output", values: [100, nil])])
        #expect(report.tally.metrics[0].missingRows == [0, 1])
        #expect(!report.tally.agreesWithinTolerance && !report.tally.isIdentical)
        // The other way round the row is missing from A.
        let reversed = try compare(["missing-row", "base"])
        #expect(reversed.tally.partialRows.map(\.values) == [[nil, 100]])
    }

    /// Rows in another order within their period are matched on their keys.
    @Test func rowsInAnotherOrderAreMatchedByKey() throws {
        let report = try compare(["base", "shuffled"])
        #expect(report.tally.isIdentical && report.tally.rowCount == 16)
        let changed = try compare(["shuffled", "one-change"])
        #expect(changed.tally.differingRowCount == 1 && changed.tally.partialRowCount == 0)
    }

    /// Another economy, another file of the economy: refused, saying what differs. (Another horizon with
    /// periods of the same length is compared on the shared periods: ComparisonHorizonTests.)
    @Test func runsOnDifferentEconomiesAreRefused() {
        let cases = [
            ("other-economy", "economy: A ran on two-region, B on world-2011"),
            ("other-files", "economy two-region: file Z.csv differs (A: SHA-256 222222222222…, B: SHA-256 666666666666…)"),
        ]
        for (name, difference) in cases {
            #expect(throws: ComparisonError.incomparableRuns(differences: [difference])) { try compare(["base", name]) }
        }
    }

    /// Headline figures compare across any runs: the loss grows by 6 (14.5 → 20.5), the other economy's equals.
    @Test func summaryLevelComparesAnyRuns() throws {
        let report = try compare(["base", "other-economy", "one-change"], ComparisonOptions(level: .summary))
        #expect(report.keyColumns.isEmpty && report.columnName == "value")
        let rows = report.tally.everyRow
        #expect(rows.map(\.metric) == ["cumulative_value_added_loss", "cumulative_value_added_loss_percent"])
        #expect(rows[0].values == [14.5, 14.5, 20.5])
        #expect(rows[1].values == [5, 5, 100 * 20.5 / 290])
        #expect(report.units["cumulative_value_added_loss_percent"] == "%")
    }

    /// Regions and sectors tables align on their own keys; the change of 6 shows in south and in manu.
    @Test func regionsAndSectorsLevels() throws {
        for (level, label) in [(ResultsLevel.regions, "south"), (.sectors, "manu")] {
            let report = try compare(["base", "one-change"], ComparisonOptions(level: level))
            #expect(report.keyColumns == ["period", level == .regions ? "region" : "sector"])
            let row = try #require(report.tally.metrics[1].largestDifferences.ranked.first?.entry)
            #expect(row.key == ["1", label] && row.difference(1) == -6)
            #expect(report.tally.differingRowCount == 1)
        }
    }

    /// Cumulative: each cell's value added over both periods, 30 + 24 = 54 against 30 + 18 = 48.
    @Test func cumulativeSumsOverThePeriods() throws {
        let report = try compare(["base", "one-change"], ComparisonOptions(metrics: ["value_added"], periods: .cumulative))
        #expect(report.keyColumns == ["region", "sector"])
        #expect(report.tally.rowCount == 4 && report.tally.metrics.map(\.metric) == ["value_added"])
        let row = try #require(report.tally.metrics[0].largestDifferences.ranked.first?.entry)
        #expect(row.key == ["south", "manu"] && row.values == [54, 48])
        #expect(row.relative(1) == -6.0 / 54)
    }

    @Test func onePeriodAndSomeMetrics() throws {
        let period0 = try compare(["base", "one-change"], ComparisonOptions(metrics: ["value_added"], periods: .only(0)))
        #expect(period0.tally.rowCount == 4 && period0.tally.isIdentical)
        let period1 = try compare(["base", "one-change"], ComparisonOptions(periods: .only(1)))
        #expect(period1.tally.rowCount == 8 && period1.tally.differingRowCount == 1)
        #expect(throws: ComparisonError.periodNotFound(7, path: Self.run("base") + "/cells.csv", lastPeriod: 1)) {
            try compare(["base", "one-change"], ComparisonOptions(periods: .only(7)))
        }
        #expect(
            throws: ComparisonError.unknownMetrics(["gdp"], path: Self.run("base") + "/cells.csv", available: ["output", "value_added"])
        ) { try compare(["base", "one-change"], ComparisonOptions(metrics: ["gdp", "output"])) }
    }

    /// Three runs: one value per run, differences against the first.
    @Test func threeRunsCompareAgainstTheFirst() throws {
        let report = try compare(["one-change", "base", "missing-row"])
        #expect(report.runs.map(\.label) == ["A", "B", "C"])
        let row = try #require(report.tally.metrics[1].largestDifferences.ranked.first?.entry)
        #expect(row.values == [18, 24, 24] && row.difference(1) == 6 && row.difference(2) == 6)
        #expect(report.tally.metrics[0].missingRows == [0, 0, 1])
    }

    /// A single CSV of a run folder is read with that folder's manifest; a bare copy without one is
    /// compared with a note that its economy was not checked.
    @Test func singleFiles() throws {
        let report = try RunComparison.compare(
            [Self.run("base") + "/cells.csv", Self.run("one-change") + "/cells.csv"], options: ComparisonOptions())
        #expect(report.runs.map(\.name) == ["two-chips", "two-chips-less-substitution"])
        #expect(report.tally.differingRowCount == 1)
        try withTemporaryDirectory { directory in
            let copy = directory + "/regions.csv"
            try FileManager.default.copyItem(atPath: Self.run("one-change") + "/regions.csv", toPath: copy)
            let regions = try RunComparison.compare([Self.run("base") + "/regions.csv", copy], options: ComparisonOptions())
            #expect(regions.level == .regions && regions.tally.differingRowCount == 1)
            #expect(regions.notes == ["B (\(copy)) has no manifest.json: its economy and horizon were not checked"])
            #expect(throws: ComparisonError.mismatchedTables(
                path: Self.run("base") + "/cells.csv", level: .cells, otherPath: copy, otherLevel: .regions)
            ) { try RunComparison.compare([Self.run("base") + "/cells.csv", copy], options: ComparisonOptions()) }
        }
    }
}
