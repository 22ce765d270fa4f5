import ShockFlowFormats

/// Tells a results table cut short (a run killed mid-write by an older shockflow, a copy interrupted),
/// the same way for `compare` and `report`: every line of the files `shockflow run` and `sweep` write
/// ends with a line break, and a table with a period column reaches the last period of the run's
/// horizon (from its manifest.json). A reader checks the last byte when it opens the file, tells each
/// row's period as it reads, and calls `finish` at the end.
package struct ResultsTableCompleteness {
    let path: String
    /// Periods the table must reach, when the manifest says.
    let expectedPeriods: Int?
    private(set) var lastPeriod: Int?
    private var lastLine = 1

    /// Refuses a file whose last byte (nil: the file is empty) is not a line break.
    package init(path: String, lastByte: UInt8?, expectedPeriods: Int?) throws(ComparisonError) {
        if let lastByte, lastByte != 10 {
            throw .truncated(
                FileLocation(path: path),
                reason: "its last line does not end with a line break, as every line of shockflow run's files does")
        }
        self.path = path
        self.expectedPeriods = expectedPeriods
    }

    /// Records a row's period and line.
    package mutating func read(period: Int, line: Int) {
        lastPeriod = period
        lastLine = line
    }

    /// At the end of the file: where the manifest gives the horizon, refuses a table whose periods stop early.
    package func finish() throws(ComparisonError) {
        if let expectedPeriods, let lastPeriod, lastPeriod < expectedPeriods - 1 {
            throw .truncated(
                FileLocation(path: path, line: lastLine),
                reason: "it stops at period \(lastPeriod), the run has \(expectedPeriods) periods (manifest.json)")
        }
    }

    /// How many periods a run's tables have: one for the static models, the horizon otherwise (the
    /// manifest's `model` and `horizon.periods` parameters).
    package static func tablePeriods(model: String?, horizonPeriods: Int?) -> Int? {
        guard let model else { return horizonPeriods }
        return ["leontief", "ghosh", "iim", "extraction"].contains(model) ? 1 : horizonPeriods
    }
}
