/// The header row of a CSV file, with its columns found by name.
package struct CSVHeader {
    package let names: [String]
    private let positions: [String: Int]

    /// Reads the first record of `reader` as the header and names the reader's fields after it.
    package init(reading reader: inout CSVReader) throws {
        guard try reader.nextRecord() else { throw DataFileError.emptyFile(path: reader.path) }
        names = (0..<reader.fieldCount).map { reader.text($0) }
        var positions: [String: Int] = [:]
        for (index, name) in names.enumerated() where positions[name] == nil { positions[name] = index }
        self.positions = positions
        reader.fieldNames = names
    }

    package func position(of name: String) -> Int? { positions[name] }

    /// Checks that every `required` column is present and nothing outside `required` + `optional` is,
    /// reporting all missing and unexpected columns at once.
    package func validate(required: [String], optional: [String] = [], path: String) throws {
        var problems = ProblemCollector()
        for name in required where positions[name] == nil {
            problems.record(.missingColumn(path: path, column: name, header: names))
        }
        let allowed = Set(required + optional)
        for (index, name) in names.enumerated() {
            let location = FileLocation(path: path, line: 1, field: index + 1)
            if !allowed.contains(name) {
                problems.record(.unexpectedColumn(location, column: name, expected: required + optional))
            } else if positions[name] != index {
                problems.record(.invalidTable(location, message: "column \"\(name)\" appears twice in the header"))
            }
        }
        try problems.finish()
    }
}
