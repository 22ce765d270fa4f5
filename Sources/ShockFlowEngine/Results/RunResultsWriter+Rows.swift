import ShockFlowFormats

/// A results table built straight into bytes: each row is a pre-encoded label prefix followed by
/// numbers or empty fields. The fast path for `cells.csv`, which has hundreds of thousands of rows:
/// labels are quoted once (by `CSVTableWriter`), numbers use `NumberFormatting`, nothing is allocated per row.
struct ResultsTable {
    /// The rows being appended now; `finishedParts` holds what came before them (this table's
    /// earlier bytes and other tables' rows, `append(rowsOf:)`), written first and never copied together.
    private var bytes: [UInt8]
    private var finishedParts: [[UInt8]] = []
    private let labelEncoder: CSVTableWriter
    /// The first NaN or ±Inf appended, if any: `requireFinite` refuses to write the table then.
    private(set) var firstNonFinite: NonFiniteFigure?

    init(header: [String]) {
        labelEncoder = CSVTableWriter(header: header)
        bytes = labelEncoder.bytes
    }

    /// A table of rows only (no header), to be appended to another with `append(rowsOf:)`.
    init() {
        labelEncoder = CSVTableWriter(header: [])
        bytes = []
    }

    /// Appends the rows of `other` (built separately, e.g. on another thread).
    mutating func append(rowsOf other: ResultsTable) {
        if firstNonFinite == nil, let figure = other.firstNonFinite { firstNonFinite = figure.shifted(by: Self.lines(in: parts)) }
        finishedParts += [bytes] + other.parts
        bytes = []
    }

    /// The table's bytes in file order.
    var parts: [[UInt8]] { finishedParts + [bytes] }

    /// The line breaks in `parts`.
    private static func lines(in parts: [[UInt8]]) -> Int {
        parts.reduce(0) { count, part in part.reduce(count) { $0 + ($1 == 10 ? 1 : 0) } }
    }

    /// The label fields, quoted where needed, each followed by the separator.
    func encoded(_ labels: [String]) -> [UInt8] { labelEncoder.encodedLabels(labels) }

    /// `prefix` then `baseline,scenario,difference,relative`: difference = scenario − baseline, relative =
    /// difference / baseline, empty where the baseline is 0.
    mutating func appendComparison(_ prefix: [UInt8], _ second: [UInt8] = [], baseline: Double, scenario: Double) {
        let difference = scenario - baseline
        bytes.append(contentsOf: prefix)
        bytes.append(contentsOf: second)
        let baselineStart = bytes.count
        appendNumber(baseline)
        let baselineEnd = bytes.count
        bytes.append(UInt8(ascii: ","))
        if scenario.bitPattern == baseline.bitPattern {
            // A third of the cells' rows are untouched by the shock: the same text again, not formatted twice.
            for index in baselineStart..<baselineEnd { bytes.append(bytes[index]) }
        } else {
            appendNumber(scenario)
        }
        bytes.append(UInt8(ascii: ","))
        appendNumber(difference)
        bytes.append(UInt8(ascii: ","))
        if baseline != 0 { appendNumber(difference / baseline) }
        bytes.append(10)
    }

    /// `prefix` then two numbers.
    mutating func append(_ prefix: [UInt8], _ first: Double, _ second: Double) {
        bytes.append(contentsOf: prefix)
        appendNumber(first)
        bytes.append(UInt8(ascii: ","))
        appendNumber(second)
        bytes.append(10)
    }

    /// A row of text and number fields (nil: an empty field), for short tables.
    mutating func append(_ fields: [Field]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            switch field {
            case .text(let text): bytes.append(contentsOf: encoded([text]).dropLast())
            case .number(let value?): appendNumber(value)
            case .number(nil): break
            }
        }
        bytes.append(10)
    }

    enum Field {
        case text(String)
        case number(Double?)
    }

    private mutating func appendNumber(_ value: Double) {
        if !value.isFinite, firstNonFinite == nil {
            let located = NonFiniteFigure.locate(value, appendingTo: bytes, separator: UInt8(ascii: ","))
            firstNonFinite = finishedParts.isEmpty ? located : located.shifted(by: Self.lines(in: finishedParts))
        }
        NumberFormatting.append(value, to: &bytes)
    }

    /// Throws `DataFileError.nonFiniteResult` naming `path`, the line and the column of the first NaN
    /// or ±Inf appended; a results folder never holds one.
    func requireFinite(path: String) throws {
        if let firstNonFinite { throw firstNonFinite.error(path: path, header: labelEncoder.header) }
    }

    func write(to path: String) throws {
        try AtomicFile.write(parts: parts, to: path)
    }
}
