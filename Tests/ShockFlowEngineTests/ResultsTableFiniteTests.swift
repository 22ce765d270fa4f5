import ShockFlowFormats
import Testing
@testable import ShockFlowEngine

/// A results folder never holds NaN or ±Inf (issue 12, section 5, item 4): the tables find the first
/// one, with its line and column in the file as written, and the writer refuses before writing.
@Suite struct ResultsTableFiniteTests {
    @Test func firstNonFiniteFigureIsLocatedAcrossAppendedHalves() throws {
        var table = ResultsTable(header: ["period", "region", "metric", "baseline", "scenario", "difference", "relative"])
        var first = ResultsTable()
        first.appendComparison(first.encoded(["0", "north", "output"]), baseline: 2, scenario: 1)
        var second = ResultsTable()
        second.appendComparison(second.encoded(["1", "north", "output"]), baseline: 2, scenario: 1)
        second.appendComparison(second.encoded(["1", "south", "output"]), baseline: 1, scenario: .infinity)
        second.appendComparison(second.encoded(["1", "south", "capacity"]), baseline: .nan, scenario: 1)
        table.append(rowsOf: first)
        try table.requireFinite(path: "run/regions.csv")
        table.append(rowsOf: second)
        // Line 1 is the header; the infinite scenario figure is on line 4, column 5.
        #expect(throws: DataFileError.nonFiniteResult(
            FileLocation(path: "run/regions.csv", line: 4, field: 5, fieldName: "scenario"), value: .infinity,
            rowStart: "1,south,output,1,")) {
            try table.requireFinite(path: "run/regions.csv")
        }
    }

    /// A zero baseline leaves `relative` empty rather than dividing by it: nothing to refuse.
    @Test func emptyRelativeIsNotAFigure() throws {
        var table = ResultsTable(header: ["metric", "baseline", "scenario", "difference", "relative"])
        table.appendComparison(table.encoded(["output"]), baseline: 0, scenario: 3)
        try table.requireFinite(path: "run/summary.csv")
    }
}
