/// A tab-separated table as pandas' `DataFrame.to_csv` writes it for pymrio: `headerRows` rows of
/// column labels (one per level of the column multi-index, the level name in the first field),
/// an optional row of index names, then data rows that start with `indexColumns` label fields.
struct PymrioTable {
    private var reader: CSVReader
    let indexColumns: Int
    /// Column labels: `columnLabels[level][column]`.
    let columnLabels: [[String]]
    private let headerFieldCount: Int
    /// A data row read while looking for the index-names row, not yet handed out.
    private var hasPendingRow = false

    init(path: String, indexColumns: Int, headerRows: Int) throws {
        var reader = try CSVReader(path: path, separator: UInt8(ascii: "\t"))
        self.indexColumns = indexColumns
        var labels: [[String]] = []
        var fieldCount = 0
        for level in 0..<headerRows {
            guard try reader.nextRecord() else {
                throw DataFileError.invalidTable(
                    FileLocation(path: path, line: level + 1),
                    message: "expected \(headerRows) header rows (file_parameters.json), the file ends after \(level)")
            }
            if level == 0 { fieldCount = reader.fieldCount } else { try reader.requireFieldCount(fieldCount) }
            guard fieldCount > indexColumns else {
                throw DataFileError.invalidTable(reader.location(), message: "the header has no data columns")
            }
            labels.append((indexColumns..<fieldCount).map { reader.text($0) })
        }
        columnLabels = labels
        headerFieldCount = fieldCount
        if try reader.nextRecord() {
            let isIndexNames = (indexColumns..<reader.fieldCount).allSatisfy { reader.isEmpty($0) }
                && !(0..<min(indexColumns, reader.fieldCount)).allSatisfy { reader.isEmpty($0) }
            hasPendingRow = !isIndexNames
        }
        self.reader = reader
    }

    var path: String { reader.path }
    var columnCount: Int { headerFieldCount - indexColumns }

    /// Reads every data row: `locate` maps its index labels to a row position (throwing for
    /// unknown labels), then `store` receives (row, column, value) for each number.
    /// Returns which rows were seen; reports ragged rows, bad numbers and repeated rows.
    mutating func readRows(
        rowCount: Int, problems: inout ProblemCollector, describeRow: (Int) -> String,
        locate: (CSVReader) throws -> Int, store: (Int, Int, Double) -> Void
    ) throws -> [Bool] {
        var firstLines = [Int](repeating: 0, count: rowCount)
        while !problems.isFull {
            if hasPendingRow {
                hasPendingRow = false
            } else if try !reader.nextRecord() {
                break
            }
            do {
                try reader.requireFieldCount(headerFieldCount)
                let row = try locate(reader)
                guard firstLines[row] == 0 else {
                    throw DataFileError.duplicateCell(reader.location(), cell: describeRow(row), firstLine: firstLines[row])
                }
                firstLines[row] = reader.line
                for column in 0..<columnCount {
                    do {
                        store(row, column, try reader.number(indexColumns + column))
                    } catch {
                        problems.record(error)
                    }
                }
            } catch let error as DataFileError {
                problems.record(error)
            }
        }
        return firstLines.map { $0 > 0 }
    }

    /// Reports the rows that never appeared (a truncated file, typically).
    func reportMissingRows(_ seen: [Bool], describeRow: (Int) -> String, problems: inout ProblemCollector) {
        let missing = seen.indices.filter { !seen[$0] }
        guard !missing.isEmpty, !problems.isFull else { return }
        let listed = missing.prefix(5).map(describeRow).joined(separator: ", ")
        let more = missing.count > 5 ? " and \(missing.count - 5) more" : ""
        problems.record(.invalidTable(
            FileLocation(path: path),
            message: "\(missing.count) of \(seen.count) rows are missing (\(listed)\(more)); the file may be truncated"))
    }
}
