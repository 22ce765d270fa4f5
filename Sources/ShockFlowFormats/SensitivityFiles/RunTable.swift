import ShockFlowLinearAlgebra

/// A table of one row per run, as a sweep writes `samples.csv` (run,<parameters>) and `outputs.csv`
/// (run,<outputs>) (docs/sweep-format.md): CSV with a header whose first field is `run`, which tells it
/// from SALib's bare matrices; then a whole run id and one finite number per column on every row.
public struct RunTable: Sendable {
    public let path: String
    /// The columns after `run`.
    public let columnNames: [String]
    /// Each row's run id and the line it is on.
    public let runs: [Int]
    public let lines: [Int]
    /// One row per run, one column per name.
    public let values: Matrix

    /// Whether the file's first line is a header starting with `run` (told by content, not by name).
    public static func isRunTable(path: String) -> Bool {
        guard PathKind(path) == .file, var reader = try? CSVReader(path: path), (try? reader.nextRecord()) == true else {
            return false
        }
        return reader.fieldCount >= 1 && reader.text(0) == "run"
    }

    /// Reads the table, reporting every problem at once: a header without columns after `run` or with a
    /// column twice, a row with another number of fields, a run that is not a whole number from 0 or is
    /// given twice, a value that is not a finite number.
    public init(path: String) throws {
        var reader = try CSVReader(path: path)
        let header = try CSVHeader(reading: &reader)
        guard header.names.first == "run" else {
            throw DataFileError.invalidTable(
                FileLocation(path: path, line: 1, field: 1), message: "expected a header starting with `run` (run,<names…>)")
        }
        var problems = ProblemCollector()
        var seen: Set<String> = []
        for (index, name) in header.names.enumerated() where !seen.insert(name).inserted {
            let location = FileLocation(path: path, line: 1, field: index + 1)
            problems.record(.invalidTable(location, message: "column \"\(name)\" appears twice in the header"))
        }
        let columns = header.names.count - 1
        if columns == 0 {
            problems.record(.invalidTable(FileLocation(path: path, line: 1), message: "no columns after `run`"))
        }
        try problems.finish()
        var rows: [[Double]] = [], runs: [Int] = [], lines: [Int] = []
        var firstLine: [Int: Int] = [:]
        while !problems.isFull, try reader.nextRecord() {
            guard reader.fieldCount == columns + 1 else {
                problems.record(.raggedRow(reader.location(), expectedFields: columns + 1, foundFields: reader.fieldCount))
                continue
            }
            let text = reader.text(0)
            guard let run = Int(text), run >= 0 else {
                problems.record(
                    .invalidTable(reader.location(field: 1), message: "expected a run id (a whole number from 0), found \"\(text)\""))
                continue
            }
            if let first = firstLine[run] {
                problems.record(
                    .invalidTable(reader.location(field: 1), message: "run \(run) appears twice (first on line \(first))"))
                continue
            }
            var row = [Double](repeating: 0, count: columns)
            try problems.collecting {
                for column in 0..<columns { row[column] = try reader.number(column + 1) }
            }
            firstLine[run] = reader.line
            runs.append(run)
            lines.append(reader.line)
            rows.append(row)
        }
        try problems.finish()
        guard !rows.isEmpty else { throw DataFileError.invalidTable(FileLocation(path: path), message: "no runs after the header") }
        var values = Matrix(rows: rows.count, columns: columns)
        for (i, row) in rows.enumerated() {
            for (j, value) in row.enumerated() { values[i, j] = value }
        }
        self.path = path
        columnNames = Array(header.names.dropFirst())
        self.runs = runs
        self.lines = lines
        self.values = values
    }
}
