import Foundation

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
        if hasPendingRow, !problems.isFull {
            hasPendingRow = false
            try readRow(reader, firstLines: &firstLines, problems: &problems, describeRow: describeRow, locate: locate, store: store)
        }
        while !problems.isFull, try reader.nextRecord() {
            try readRow(reader, firstLines: &firstLines, problems: &problems, describeRow: describeRow, locate: locate, store: store)
        }
        return firstLines.map { $0 > 0 }
    }

    /// `readRows` on two threads, each reading half of a large file's rows (split at a line break),
    /// for the numbers of a big Z.txt. `locate` and `store` are called from both threads at once:
    /// `store` must write only what belongs to its row. Each number is parsed as `readRows` parses
    /// it, so the values are the same bits. When anything is wrong (a problem in either half, a row
    /// in both), the file is read again in order so the report is exactly the one-thread report.
    /// Files with fewer data bytes than `smallestSplit` are read on one thread (splitting would not pay).
    mutating func readRowsOnTwoThreads(
        rowCount: Int, problems: inout ProblemCollector, describeRow: (Int) -> String,
        locate: (CSVReader) throws -> Int, store: (Int, Int, Double) -> Void, smallestSplit: Int = 8 << 20
    ) throws -> [Bool] {
        let start = reader.position
        let file = reader.file
        guard !hasPendingRow, file.count - start >= max(smallestSplit, 2),
            memchr(file.bytes + start, Int32(UInt8(ascii: "\"")), file.count - start) == nil,
            let lineBreak = memchr(file.bytes + start + (file.count - start) / 2, 10, (file.count - start) / 2)
        else {
            return try readRows(rowCount: rowCount, problems: &problems, describeRow: describeRow, locate: locate, store: store)
        }
        let middle = UnsafeMutableRawPointer(file.bytes).distance(to: lineBreak) + 1
        let halves = [
            CSVReader(file: file, separator: reader.separator, start: start, end: middle, firstLine: reader.lineAtPosition),
            // Line numbers of the second half are not counted: they only serve messages, and any
            // problem sends the whole file through the one-thread reading below.
            CSVReader(file: file, separator: reader.separator, start: middle, firstLine: reader.lineAtPosition + 1),
        ]
        let fieldNames = reader.fieldNames
        var outcomes: [(firstLines: [Int], clean: Bool)] = Array(repeating: ([], false), count: 2)
        outcomes.withUnsafeMutableBufferPointer { slots in
            // Each thread writes its own slot; locate and store are safe to share (see above).
            nonisolated(unsafe) let (slots, locate, store, describeRow, table, halves) =
                (slots, locate, store, describeRow, self, halves)
            DispatchQueue.concurrentPerform(iterations: 2) { half in
                var halfReader = halves[half]
                halfReader.fieldNames = fieldNames
                var firstLines = [Int](repeating: 0, count: rowCount)
                var halfProblems = ProblemCollector(limit: 1)
                do {
                    while halfProblems.isEmpty, try halfReader.nextRecord() {
                        try table.readRow(
                            halfReader, firstLines: &firstLines, problems: &halfProblems, describeRow: describeRow,
                            locate: locate, store: store)
                    }
                    slots[half] = (firstLines, halfProblems.isEmpty)
                } catch {
                    slots[half] = ([], false)
                }
            }
        }
        let (first, second) = (outcomes[0], outcomes[1])
        if first.clean, second.clean, !zip(first.firstLines, second.firstLines).contains(where: { $0 > 0 && $1 > 0 }) {
            return zip(first.firstLines, second.firstLines).map { $0 > 0 || $1 > 0 }
        }
        return try readRows(rowCount: rowCount, problems: &problems, describeRow: describeRow, locate: locate, store: store)
    }

    /// One data row: checks its width, finds its position, refuses a repeat, stores its numbers.
    private func readRow(
        _ reader: CSVReader, firstLines: inout [Int], problems: inout ProblemCollector, describeRow: (Int) -> String,
        locate: (CSVReader) throws -> Int, store: (Int, Int, Double) -> Void
    ) throws {
        do {
            try reader.requireFieldCount(headerFieldCount)
            let row = try locate(reader)
            guard firstLines[row] == 0 else {
                throw DataFileError.duplicateCell(reader.location(), cell: describeRow(row), firstLine: firstLines[row])
            }
            firstLines[row] = reader.line
            for column in 0..<columnCount {
                do {
                    store(row, column, try reader.economyValue(indexColumns + column))
                } catch {
                    problems.record(error)
                }
            }
        } catch let error as DataFileError {
            problems.record(error)
        }
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
