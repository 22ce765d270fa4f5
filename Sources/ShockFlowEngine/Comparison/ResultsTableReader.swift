import ShockFlowFormats

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one results table row by row: the period, the key's labels and the compared value. Checks that
/// the file is not cut short and, as it goes, that periods ascend (the order `shockflow run` writes).
/// Only the compared value column and the other value columns' validity are read (a NaN anywhere is
/// refused); labels stay bytes in the file until asked for. The file is read in windows of a few MB
/// (`WindowedCSVReader`), so memory does not grow with its length.
struct ResultsTableReader {
    private var rows: WindowedCSVReader
    /// The reader over the current window, at the current row.
    var reader: CSVReader { rows.current }
    let level: ResultsLevel
    private let fieldCount: Int
    private let periodField: Int?
    /// The key's label fields (region, sector, …) then the metric's.
    let labelFields: [Int]
    private let valueField: Int
    /// The table's other number columns, checked for NaN, infinities and text though not compared.
    private let otherNumberFields: [Int]
    /// Tells a file cut short: its last line, and periods that stop before the manifest's horizon.
    private var completeness: ResultsTableCompleteness
    /// Rows of this period and later are passed over (runs of different horizons: `SharedPeriods`); they
    /// are still checked for their field count, period order and the file's completeness.
    private let periodLimit: Int?

    private(set) var period: Int?
    private(set) var value = 0.0
    private(set) var isAtEnd = false

    init(_ opened: ComparedRun.Opened, column: ComparedColumn, periodLimit: Int? = nil) throws {
        let level = opened.run.level
        let header = opened.header
        try header.validate(required: level.header, path: opened.run.tablePath)
        func position(_ name: String) -> Int { header.position(of: name) ?? 0 }
        rows = opened.rows
        self.level = level
        fieldCount = header.names.count
        periodField = level.hasPeriod ? position("period") : nil
        labelFields = (level.labelColumns + (level.metricColumn.map { [$0] } ?? [])).map(position)
        let valueField = position(column.name(in: level))
        self.valueField = valueField
        otherNumberFields = level.numberColumns.map(position).filter { $0 != valueField }
        self.periodLimit = periodLimit
        completeness = try ResultsTableCompleteness(
            path: opened.rows.current.path, lastByte: try opened.rows.lastByte(), expectedPeriods: opened.run.description?.tablePeriods)
        try advance()
    }

    var path: String { rows.current.path }
    var line: Int { rows.current.line }
    /// The field of the metric; nil in a table whose one metric is `ResultsLevel.implicitMetric`.
    var metricField: Int? { level.metricColumn == nil ? nil : labelFields[labelFields.count - 1] }

    /// The current row's key labels (without the period), the metric last.
    var labels: [String] {
        labelFields.map { rows.current.text($0) } + (metricField == nil ? [ResultsLevel.implicitMetric] : [])
    }

    /// The current row's labels as a key for alignment (quoted fields unescaped).
    var key: RowKey {
        var key = RowKey()
        for field in labelFields {
            let span = rows.current.fields[field]
            if span.hasEscapedQuotes {
                key.append(field: Array(rows.current.text(field).utf8))
            } else {
                key.append(field: UnsafeBufferPointer(start: rows.current.file.bytes + span.start, count: span.end - span.start))
            }
        }
        if metricField == nil { key.append(field: Array(ResultsLevel.implicitMetric.utf8)) }
        return key
    }

    /// Appends the current row's labels as CSV fields, each followed by a comma: the file's bytes where
    /// they need no quotes, else quoted by `encoder`.
    func appendLabels(to bytes: inout [UInt8], encoder: CSVTableWriter) {
        for field in labelFields {
            let span = rows.current.fields[field]
            let text = UnsafeBufferPointer(start: rows.current.file.bytes + span.start, count: span.end - span.start)
            let plain = !span.hasEscapedQuotes && text.first != 32 && text.last != 32
                && !text.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
            if plain {
                bytes.append(contentsOf: text)
                bytes.append(UInt8(ascii: ","))
            } else {
                bytes.append(contentsOf: encoder.encodedLabels([rows.current.text(field)]))
            }
        }
        if metricField == nil { bytes.append(contentsOf: encoder.encodedLabels([ResultsLevel.implicitMetric])) }
    }

    /// Moves to the next row; rows of summary.csv without a value (notes) and rows at or after the
    /// period limit are passed over.
    mutating func advance() throws {
        repeat {
            guard try rows.nextRecord() else {
                try finish()
                return
            }
            try rows.current.requireFieldCount(fieldCount)
            if let periodField { try readPeriod(periodField) }
        } while isPassedOver
        value = try rows.current.number(valueField)
        for field in otherNumberFields { try checkNumber(field) }
    }

    private var isPassedOver: Bool {
        if level == .summary { return rows.current.isEmpty(valueField) }
        guard let periodLimit, let period else { return false }
        return period >= periodLimit
    }

    /// Refuses a field that is neither empty (a relative difference against a zero baseline) nor a
    /// finite number. A field that is certainly a finite decimal by its bytes is not converted, to keep
    /// reading fast; any other is parsed (`1.0.0`, `1e999` and `nan` are refused).
    private func checkNumber(_ field: Int) throws {
        let span = rows.current.fields[field]
        guard span.end > span.start else { return }
        if !span.hasEscapedQuotes,
            NumberParsing.isCertainlyFiniteDecimal(rows.current.file.bytes + span.start, count: span.end - span.start)
        { return }
        _ = try rows.current.number(field)
    }

    private mutating func readPeriod(_ field: Int) throws {
        let number = try? rows.current.number(field)
        guard let number, number >= 0, number < 1e9, number == number.rounded() else {
            throw ComparisonError.invalidPeriod(rows.current.location(field: field), text: rows.current.text(field))
        }
        let next = Int(number)
        if let period, next < period {
            throw ComparisonError.unsortedRows(rows.current.location(), period: next, previousPeriod: period)
        }
        period = next
        completeness.read(period: next, line: rows.current.line)
    }

    private mutating func finish() throws {
        isAtEnd = true
        try completeness.finish()
    }

    /// Whether the current rows of `self` and `other` have the same key (period and labels).
    func hasSameKey(as other: ResultsTableReader) -> Bool {
        guard period == other.period else { return false }
        for field in labelFields.indices where !sameBytes(labelFields[field], other, other.labelFields[field]) { return false }
        return true
    }

    private func sameBytes(_ field: Int, _ other: ResultsTableReader, _ otherField: Int) -> Bool {
        let mine = rows.current.fields[field], theirs = other.reader.fields[otherField]
        let length = mine.end - mine.start
        guard length == theirs.end - theirs.start, mine.hasEscapedQuotes == theirs.hasEscapedQuotes else { return false }
        return memcmp(rows.current.file.bytes + mine.start, other.reader.file.bytes + theirs.start, length) == 0
    }
}
