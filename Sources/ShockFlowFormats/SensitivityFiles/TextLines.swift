/// A small text file of numbers and words as non-blank lines of fields: `#` starts a comment,
/// fields are separated by commas when the line has one, else by whitespace (SALib's and numpy's
/// `loadtxt` conventions). Line numbers are 1-based.
struct TextLines {
    struct Line {
        var number: Int
        var fields: [String]

        /// Field `index` (0-based) as a finite number, or an error naming file, line and column.
        func number(at index: Int, path: String) throws -> Double {
            let location = FileLocation(path: path, line: number, field: index + 1)
            var text = fields[index]
            guard !text.isEmpty else { throw DataFileError.missingValue(location) }
            let parsed = text.withUTF8 { buffer in
                buffer.baseAddress.flatMap { NumberParsing.parse($0, count: buffer.count) }
            }
            guard let value = parsed else {
                throw DataFileError.notANumber(location, text: text)
            }
            guard value.isFinite else { throw DataFileError.nonFiniteNumber(location, text: text) }
            return value
        }
    }

    let lines: [Line]

    init(path: String) throws {
        let file = try FileContents(path: path)
        let text = file.string(from: 0, to: file.count)
        var lines: [Line] = []
        var number = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            number += 1
            var content = rawLine
            if let comment = content.firstIndex(of: "#") { content = content[..<comment] }
            let fields = content.contains(",")
                ? content.split(separator: ",", omittingEmptySubsequences: false).map {
                    String($0.trimmingCharacters(in: " \t\u{FEFF}"))
                }
                : content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{FEFF}" })
                    .map(String.init)
            if fields.allSatisfy(\.isEmpty) { continue }
            lines.append(Line(number: number, fields: fields))
        }
        self.lines = lines
    }
}

extension Substring {
    /// The text without the given characters at either end.
    fileprivate func trimmingCharacters(in characters: String) -> Substring {
        let set = Set(characters)
        var result = self
        while let first = result.first, set.contains(first) { result = result.dropFirst() }
        while let last = result.last, set.contains(last) { result = result.dropLast() }
        return result
    }
}
