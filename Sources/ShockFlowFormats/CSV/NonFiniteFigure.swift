/// The first NaN or ±Inf put into a table being written, located for the message that refuses it:
/// ShockFlow never writes a non-finite figure (readers refuse them, so a results folder holding one
/// could not even be compared or reported).
package struct NonFiniteFigure: Sendable, Equatable {
    /// 1-based line and field of the figure in the table's bytes (line 1 is the header, if any).
    package var line: Int
    package var field: Int
    package var value: Double
    /// The figure's row up to the figure (its labels and the numbers before it).
    package var rowStart: String

    /// Locates `value`, about to be appended at the end of `bytes` (a CSV table being built).
    package static func locate(_ value: Double, appendingTo bytes: [UInt8], separator: UInt8) -> NonFiniteFigure {
        let rowStart = (bytes.lastIndex(of: 10).map { $0 + 1 }) ?? 0
        var field = 1
        var quoted = false
        for byte in bytes[rowStart...] {
            if byte == UInt8(ascii: "\"") { quoted.toggle() } else if byte == separator, !quoted { field += 1 }
        }
        let line = 1 + bytes.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        return NonFiniteFigure(
            line: line, field: field, value: value, rowStart: String(decoding: bytes[rowStart...], as: UTF8.self))
    }

    /// The same figure in a table whose first `lines` lines come before the bytes it was located in.
    package func shifted(by lines: Int) -> NonFiniteFigure {
        var copy = self
        copy.line += lines
        return copy
    }

    /// The error that refuses to write the table to `path`, whose columns are `header`.
    package func error(path: String, header: [String]) -> DataFileError {
        let name = field >= 1 && field <= header.count ? header[field - 1] : nil
        return .nonFiniteResult(
            FileLocation(path: path, line: line, field: field, fieldName: name), value: value, rowStart: rowStart)
    }
}
