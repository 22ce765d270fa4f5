/// A small text file of numbers and words as non-blank lines of fields: `#` starts a comment,
/// fields are separated by commas when the line has one, else by whitespace (SALib's and numpy's
/// `loadtxt` conventions). Line numbers are 1-based.
struct TextLines {
    struct Line {
        var number: Int
        var fields: [String]
        /// The 1-based column (in Unicode scalars, as libyaml counts) where each field starts, for `file:line:column` messages.
        var columns: [Int]

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

        /// The column where field `field` (1-based, as in `FileLocation.field`) starts; past the line's
        /// last field, just after it.
        func column(ofField field: Int) -> Int {
            if field >= 1, field <= columns.count { return columns[field - 1] }
            guard let last = columns.last, let text = fields.last else { return 1 }
            return last + text.unicodeScalars.count + 1
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
            let pieces = content.contains(",")
                ? content.split(separator: ",", omittingEmptySubsequences: false).map {
                    $0.trimmingCharacters(in: " \t\u{FEFF}")
                }
                : content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{FEFF}" })
            let fields = pieces.map(String.init)
            if fields.allSatisfy(\.isEmpty) { continue }
            let columns = pieces.map { rawLine.unicodeScalars.distance(from: rawLine.startIndex, to: $0.startIndex) + 1 }
            lines.append(Line(number: number, fields: fields, columns: columns))
        }
        self.lines = lines
    }

    /// The line numbered `number`, when it has fields.
    func line(numbered number: Int) -> Line? { lines.first { $0.number == number } }
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
