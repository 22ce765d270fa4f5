#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one results table row by row: the period, the key's labels and the compared value. Checks that
/// the file is not cut short and, as it goes, that periods ascend (the order `shockflow run` writes).
/// Only the compared value column is parsed; labels stay bytes in the file until asked for.
struct ResultsTableReader {
    private(set) var reader: CSVReader
    let level: ResultsLevel
    private let fieldCount: Int
    private let periodField: Int?
    /// The key's label fields (region, sector, …) then the metric's.
    let labelFields: [Int]
    private let valueField: Int
    /// Periods the table must reach (from the manifest), to tell a file cut at a line break.
    private let expectedPeriods: Int?

    private(set) var period: Int?
    private(set) var value = 0.0
    private(set) var isAtEnd = false
    private var lastLine = 1

    init(_ opened: ComparedRun.Opened, column: ComparedColumn) throws {
        let level = opened.run.level
        let header = opened.header
        try header.validate(required: level.header, path: opened.run.tablePath)
        func position(_ name: String) -> Int { header.position(of: name) ?? 0 }
        reader = opened.reader
        self.level = level
        fieldCount = header.names.count
        periodField = level.hasPeriod ? position("period") : nil
        labelFields = (level.labelColumns + ["metric"]).map(position)
        valueField = position(column.name(in: level))
        expectedPeriods = opened.run.description?.tablePeriods
        let file = reader.file
        if file.count > 0, file.bytes[file.count - 1] != 10 {
            throw ComparisonError.truncated(
                FileLocation(path: path),
                reason: "its last line does not end with a line break, as every line of shockflow run's files does")
        }
        try advance()
    }

    var path: String { reader.path }
    var line: Int { reader.line }
    var metricField: Int { labelFields[labelFields.count - 1] }

    /// The current row's key labels (without the period), the metric last.
    var labels: [String] { labelFields.map { reader.text($0) } }

    /// The current row's labels as a key for alignment (quoted fields unescaped).
    var key: RowKey {
        var key = RowKey()
        for field in labelFields {
            let span = reader.fields[field]
            if span.hasEscapedQuotes {
                key.append(field: Array(reader.text(field).utf8))
            } else {
                key.append(field: UnsafeBufferPointer(start: reader.file.bytes + span.start, count: span.end - span.start))
            }
        }
        return key
    }

    /// Appends the current row's labels as CSV fields, each followed by a comma: the file's bytes where
    /// they need no quotes, else quoted by `encoder`.
    func appendLabels(to bytes: inout [UInt8], encoder: CSVTableWriter) {
        for field in labelFields {
            let span = reader.fields[field]
            let text = UnsafeBufferPointer(start: reader.file.bytes + span.start, count: span.end - span.start)
            let plain = !span.hasEscapedQuotes && text.first != 32 && text.last != 32
                && !text.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
            if plain {
                bytes.append(contentsOf: text)
                bytes.append(UInt8(ascii: ","))
            } else {
                bytes.append(contentsOf: encoder.encodedLabels([reader.text(field)]))
            }
        }
    }

    /// Moves to the next row; rows of summary.csv without a value (notes) are passed over.
    mutating func advance() throws {
        repeat {
            guard try reader.nextRecord() else {
                try finish()
                return
            }
            try reader.requireFieldCount(fieldCount)
            lastLine = reader.line
            if let periodField { try readPeriod(periodField) }
        } while level == .summary && reader.isEmpty(valueField)
        value = try reader.number(valueField)
    }

    private mutating func readPeriod(_ field: Int) throws {
        let number = try? reader.number(field)
        guard let number, number >= 0, number < 1e9, number == number.rounded() else {
            throw ComparisonError.invalidPeriod(reader.location(field: field), text: reader.text(field))
        }
        let next = Int(number)
        if let period, next < period {
            throw ComparisonError.unsortedRows(reader.location(), period: next, previousPeriod: period)
        }
        period = next
    }

    /// At the end of the file: where the manifest gives the horizon, refuses a table whose periods stop early.
    private mutating func finish() throws {
        isAtEnd = true
        if let expectedPeriods, let period, period < expectedPeriods - 1 {
            throw ComparisonError.truncated(
                FileLocation(path: path, line: lastLine),
                reason: "it stops at period \(period), the run has \(expectedPeriods) periods (manifest.json)")
        }
    }

    /// Whether the current rows of `self` and `other` have the same key (period and labels).
    func hasSameKey(as other: ResultsTableReader) -> Bool {
        guard period == other.period else { return false }
        for field in labelFields.indices where !sameBytes(labelFields[field], other, other.labelFields[field]) { return false }
        return true
    }

    private func sameBytes(_ field: Int, _ other: ResultsTableReader, _ otherField: Int) -> Bool {
        let mine = reader.fields[field], theirs = other.reader.fields[otherField]
        let length = mine.end - mine.start
        guard length == theirs.end - theirs.start, mine.hasEscapedQuotes == theirs.hasEscapedQuotes else { return false }
        return memcmp(reader.file.bytes + mine.start, other.reader.file.bytes + theirs.start, length) == 0
    }
}
