import Foundation

/// A table of text cells laid out for a terminal (padded columns, numbers right-aligned, optional ANSI
/// colour per cell) or as a Markdown pipe table.
struct TextGrid {
    enum Alignment { case left, right }
    enum Colour: String {
        case red = "31", green = "32"
    }

    struct Cell {
        var text: String
        var colour: Colour? = nil
    }

    var headers: [String]
    var alignments: [Alignment]
    var rows: [[Cell]] = []

    /// Columns two spaces apart after `indent`; colour codes only when `colour` is set.
    func terminal(indent: String, colour: Bool) -> [String] {
        let widths = headers.indices.map { column in
            rows.reduce(headers[column].count) { max($0, $1[column].text.count) }
        }
        func line(_ cells: [Cell]) -> String {
            let padded = cells.indices.map { column -> String in
                let cell = cells[column]
                let padding = String(repeating: " ", count: widths[column] - cell.text.count)
                var text = alignments[column] == .right ? padding + cell.text : cell.text + padding
                if colour, let tint = cell.colour { text = "\u{1B}[\(tint.rawValue)m" + text + "\u{1B}[0m" }
                return text
            }
            return indent + padded.joined(separator: "  ").trimmingTrailingSpaces()
        }
        return [line(headers.map { Cell(text: $0) })] + rows.map(line)
    }

    func markdown() -> [String] {
        func escaped(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        let rule = alignments.map { $0 == .right ? "---:" : "---" }
        return (["| " + headers.map(escaped).joined(separator: " | ") + " |", "| " + rule.joined(separator: " | ") + " |"])
            + rows.map { "| " + $0.map { escaped($0.text) }.joined(separator: " | ") + " |" }
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
