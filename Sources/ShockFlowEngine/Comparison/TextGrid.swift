import Foundation

/// A table of text cells laid out for a terminal (padded columns, numbers right-aligned, optional ANSI
/// colour per cell; Chinese characters count two columns wide) or as a Markdown pipe table.
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
            rows.reduce(headers[column].displayWidth) { max($0, $1[column].text.displayWidth) }
        }
        func line(_ cells: [Cell]) -> String {
            let padded = cells.indices.map { column -> String in
                let cell = cells[column]
                let padding = String(repeating: " ", count: widths[column] - cell.text.displayWidth)
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
    /// Terminal columns: East Asian wide characters (Han, kana, Hangul, full-width forms) take two.
    fileprivate var displayWidth: Int {
        reduce(0) { width, character in
            guard let scalar = character.unicodeScalars.first?.value else { return width }
            let wide = (0x1100...0x115F).contains(scalar) || (0x2E80...0xA4CF).contains(scalar)
                || (0xAC00...0xD7A3).contains(scalar) || (0xF900...0xFAFF).contains(scalar)
                || (0xFE30...0xFE4F).contains(scalar) || (0xFF00...0xFF60).contains(scalar)
                || (0xFFE0...0xFFE6).contains(scalar) || (0x20000...0x3FFFD).contains(scalar)
            return width + (wide ? 2 : 1)
        }
    }

    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
