/// Builds a CSV table in memory (header, then rows of labels followed by numbers) and writes it
/// atomically. Numbers use `NumberFormatting.shortest`; lines end with LF; text fields are quoted
/// only when they contain the separator, a quote or a line break, or begin or end with a space.
public struct CSVTableWriter: Sendable {
    public let separator: UInt8
    public private(set) var bytes: [UInt8] = []
    public let header: [String]
    /// The first NaN or ±Inf appended, if any (`requireFinite` refuses the table then).
    package private(set) var firstNonFinite: NonFiniteFigure?

    public init(header: [String], separator: UInt8 = UInt8(ascii: ",")) {
        self.separator = separator
        self.header = header
        appendFields(header)
        bytes.append(10)
    }

    /// A writer without a header, used to encode labels.
    package init(separator: UInt8 = UInt8(ascii: ",")) {
        self.separator = separator
        self.header = []
    }

    /// Appends one row: the label fields first, then the numbers.
    public mutating func appendRow(labels: [String], values: [Double]) {
        appendFields(labels)
        for (index, value) in values.enumerated() {
            if index > 0 || !labels.isEmpty { bytes.append(separator) }
            appendNumber(value)
        }
        bytes.append(10)
    }

    /// Label fields encoded once, each followed by the separator, for `appendRow(encodedLabels:_:value:)`.
    public func encodedLabels(_ labels: [String]) -> [UInt8] {
        var copy = CSVTableWriter(separator: separator)
        for label in labels {
            copy.appendText(label)
            copy.bytes.append(separator)
        }
        return copy.bytes
    }

    /// Appends a row of pre-encoded label fields and one number: the fast path for long tables
    /// with millions of rows (no per-row allocation).
    public mutating func appendRow(encodedLabels first: [UInt8], _ second: [UInt8] = [], value: Double) {
        bytes.append(contentsOf: first)
        bytes.append(contentsOf: second)
        appendNumber(value)
        bytes.append(10)
    }

    /// Starts a row with text fields (finish it with `appendNumbers`).
    package mutating func appendText(row fields: [String]) {
        appendFields(fields)
    }

    /// Ends a row begun with `appendText(row:)`: the numbers, then `emptyAfter` empty fields.
    package mutating func appendNumbers(_ values: [Double], emptyAfter: Int = 0) {
        for value in values {
            bytes.append(separator)
            appendNumber(value)
        }
        bytes.append(contentsOf: [UInt8](repeating: separator, count: emptyAfter))
        bytes.append(10)
    }

    /// Writes the table to `path` so that the file appears whole or not at all.
    public func write(to path: String) throws {
        try AtomicFile.write(bytes, to: path)
    }

    /// Throws `DataFileError.nonFiniteResult`, naming `path` (the file as the user will see it), the
    /// line and the column, when a NaN or ±Inf was appended. Results writers call it before writing.
    public func requireFinite(path: String) throws {
        if let firstNonFinite { throw firstNonFinite.error(path: path, header: header) }
    }

    private mutating func appendNumber(_ value: Double) {
        if !value.isFinite, firstNonFinite == nil {
            firstNonFinite = NonFiniteFigure.locate(value, appendingTo: bytes, separator: separator)
        }
        NumberFormatting.append(value, to: &bytes)
    }

    private mutating func appendFields(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(separator) }
            appendText(field)
        }
    }

    private mutating func appendText(_ text: String) {
        let quote = UInt8(ascii: "\"")
        let needsQuotes = text.utf8.contains { $0 == separator || $0 == quote || $0 == 10 || $0 == 13 }
            || text.utf8.first == 32 || text.utf8.last == 32
        guard needsQuotes else {
            bytes.append(contentsOf: text.utf8)
            return
        }
        bytes.append(quote)
        for byte in text.utf8 {
            if byte == quote { bytes.append(quote) }
            bytes.append(byte)
        }
        bytes.append(quote)
    }
}
