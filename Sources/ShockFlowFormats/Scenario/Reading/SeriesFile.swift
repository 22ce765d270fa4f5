import Foundation

/// A `series` profile's CSV: a header `value` (or `period,value` with periods 0, 1, … in order), then
/// one row per period, each value in [0, 1]. Problems name the CSV file and its line.
enum SeriesFile {
    static func read(
        _ url: URL, shownAs file: String, periods: Int, field: FieldPath, diagnostics: inout ScenarioDiagnostics
    ) -> [Double]? {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue
        guard let size else {
            diagnostics.report("series file \(file) does not exist", at: field)
            return nil
        }
        guard size <= ScenarioYAML.maximumFileSize, let data = try? Data(contentsOf: url),
            let text = String(data: data, encoding: .utf8)
        else {
            diagnostics.report(
                "series file \(file) cannot be read as UTF-8 text of at most \(ScenarioYAML.maximumFileSize / 1_048_576) MB",
                at: field)
            return nil
        }
        let rows = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated()
            .map { (line: $0.offset + 1, cells: $0.element.split(separator: ",", omittingEmptySubsequences: false).map(trimmed)) }
            .filter { !($0.cells.count == 1 && $0.cells[0].isEmpty) }
        guard let header = rows.first, header.cells == ["value"] || header.cells == ["period", "value"] else {
            diagnostics.report("the first line must be the header `value` or `period,value`", inFile: file, line: rows.first?.line ?? 1, at: field)
            return nil
        }
        let hasPeriods = header.cells.count == 2
        var values: [Double] = []
        var readable = true
        for row in rows.dropFirst() {
            guard row.cells.count == header.cells.count else {
                diagnostics.report(
                    "expected \(header.cells.count) column\(hasPeriods ? "s" : ""), found \(row.cells.count)", inFile: file,
                    line: row.line, at: field)
                readable = false
                continue
            }
            if hasPeriods, Int(row.cells[0]) != values.count {
                diagnostics.report(
                    "expected period \(values.count) in this row, found \"\(row.cells[0])\"", inFile: file, line: row.line, at: field)
                readable = false
            }
            guard let value = Double(row.cells[header.cells.count - 1]), value.isFinite, (0...1).contains(value) else {
                diagnostics.report(
                    "expected a number in [0, 1], found \"\(row.cells[header.cells.count - 1])\"", inFile: file, line: row.line,
                    at: field)
                readable = false
                values.append(0)
                continue
            }
            values.append(value)
        }
        guard readable else { return nil }
        guard values.count == periods else {
            diagnostics.report(
                "series file \(file) has \(values.count) value\(values.count == 1 ? "" : "s"); the horizon has \(periods) periods",
                at: field)
            return nil
        }
        return values
    }

    private static func trimmed(_ cell: Substring) -> String {
        cell.trimmingCharacters(in: .whitespaces)
    }
}
