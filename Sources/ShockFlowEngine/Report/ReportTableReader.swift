import ShockFlowFormats

/// Reads a CSV file of a results or sweep folder row by row for `shockflow report`: checks the header
/// has the columns asked for and every row its header's field count, and refuses a file cut short as
/// `compare` does (`ResultsTableCompleteness`); fields come as text or as numbers whose errors name the
/// file, line and column.
public struct ReportTableReader {
    private var reader: CSVReader
    public let header: [String]
    private let positions: [String: Int]
    private var completeness: ResultsTableCompleteness
    private let periodField: Int?
    /// Number columns checked in every row (empty or a finite number), whether the caller reads them or not.
    private let numberFields: [Int]

    /// Opens `path` and reads its header, refusing a file without every column of `requiredColumns`.
    /// - Parameter expectedPeriods: the periods a table with a `period` column must reach (the run's,
    ///   from its manifest: `ResultsTableCompleteness.tablePeriods`); nil when unknown.
    /// - Parameter numberColumns: columns (of those present) whose every field must be empty or a finite
    ///   number, as `compare` checks its tables' number columns: a NaN anywhere is refused.
    public init(path: String, requiredColumns: [String], expectedPeriods: Int? = nil, numberColumns: [String] = []) throws {
        var reader = try CSVReader(path: path)
        let file = reader.file
        completeness = try ResultsTableCompleteness(
            path: path, lastByte: file.count > 0 ? file.bytes[file.count - 1] : nil, expectedPeriods: expectedPeriods)
        let header = try CSVHeader(reading: &reader)
        var problems = ProblemCollector()
        for name in requiredColumns where header.position(of: name) == nil {
            problems.record(.missingColumn(path: path, column: name, header: header.names))
        }
        try problems.finish()
        self.reader = reader
        self.header = header.names
        var positions: [String: Int] = [:]
        for (index, name) in header.names.enumerated() where positions[name] == nil { positions[name] = index }
        self.positions = positions
        periodField = expectedPeriods == nil ? nil : positions["period"]
        numberFields = numberColumns.compactMap { positions[$0] }
    }

    public var path: String { reader.path }

    /// The 0-based position of a column (present for every required column).
    public func position(of column: String) -> Int? { positions[column] }

    /// Calls `body` with each row after the header, in file order; then refuses a table whose periods
    /// stop before the expected ones.
    public mutating func forEachRow(_ body: (ReportTableRow) throws -> Void) throws {
        while try reader.nextRecord() {
            try reader.requireFieldCount(header.count)
            for field in numberFields where !reader.isEmpty(field) { _ = try reader.number(field) }
            try body(ReportTableRow(reader: reader))
            if let periodField, let period = Int(exactly: (try? reader.number(periodField)) ?? -1), period >= 0 {
                completeness.read(period: period, line: reader.line)
            }
        }
        try completeness.finish()
    }
}

/// One row of a `ReportTableReader`, valid inside its `forEachRow` call.
public struct ReportTableRow {
    fileprivate let reader: CSVReader

    public var line: Int { reader.line }

    public func text(_ field: Int) -> String { reader.text(field) }

    /// The field as a finite number; an empty field or text is an error naming file, line and column.
    public func number(_ field: Int) throws -> Double { try reader.number(field) }

    /// The field as a finite number, or nil when it is empty.
    public func optionalNumber(_ field: Int) throws -> Double? {
        reader.isEmpty(field) ? nil : try reader.number(field)
    }

    /// Where the field sits, for errors about its value.
    public func location(field: Int) -> FileLocation { reader.location(field: field) }
}
