/// A long-format CSV file: a header, then one row per cell with label columns and one value column.
///
/// Reading records every problem (ragged rows, unknown labels, bad numbers, duplicate cells)
/// and skips the row, so one pass reports them all. A missing cell is simply absent.
struct LongTable {
    private var reader: CSVReader
    let header: CSVHeader

    init(path: String, required: [String], optional: [String] = []) throws {
        reader = try CSVReader(path: path)
        header = try CSVHeader(reading: &reader)
        try header.validate(required: required, optional: optional, path: path)
    }

    var path: String { reader.path }

    func column(_ name: String) -> Int? { header.position(of: name) }

    /// Reads every row.
    ///
    /// - Parameters:
    ///   - valueColumn: position of the number column.
    ///   - keyCapacity: when given, keys lie in `0..<keyCapacity` and a bitmap tracks them.
    ///   - locate: turns a row's labels into a key naming its cell (throws for unknown labels).
    ///   - store: receives each accepted (key, value); may throw to reject the row.
    mutating func readRows(
        valueColumn: Int, keyCapacity: Int? = nil, problems: inout ProblemCollector,
        locate: (CSVReader) throws(DataFileError) -> Int, store: (Int, Double, CSVReader) throws(DataFileError) -> Void
    ) throws {
        let fieldCount = header.names.count
        var seen = KeyTracker(capacity: keyCapacity)
        var duplicates: [(key: Int, line: Int, cell: String)] = []
        while !problems.isFull, try reader.nextRecord() {
            do {
                try reader.requireFieldCount(fieldCount)
            } catch let error as DataFileError {
                problems.record(error)
                continue
            }
            var key: Int?
            var value: Double?
            do { key = try locate(reader) } catch { problems.record(error) }
            do { value = try reader.economyValue(valueColumn) } catch { problems.record(error) }
            guard let key, let value else { continue }
            guard seen.insert(key) else {
                duplicates.append((key, reader.line, cellText(valueColumn: valueColumn)))
                continue
            }
            do {
                try store(key, value, reader)
            } catch {
                problems.record(error)
            }
        }
        guard !duplicates.isEmpty else { return }
        let firstLines = try firstLines(of: Set(duplicates.map(\.key)), locate: locate)
        for duplicate in duplicates {
            problems.record(.duplicateCell(
                FileLocation(path: path, line: duplicate.line), cell: duplicate.cell,
                firstLine: firstLines[duplicate.key] ?? 0))
        }
    }

    /// The label fields of the current row, for messages: `from_region AUS, from_sector c1, …`.
    private func cellText(valueColumn: Int) -> String {
        (0..<reader.fieldCount).filter { $0 != valueColumn && !reader.isEmpty($0) }
            .map { "\(header.names[$0]) \(reader.text($0))" }
            .joined(separator: ", ")
    }

    /// A second pass that finds where each duplicated key first appeared.
    private func firstLines(of keys: Set<Int>, locate: (CSVReader) throws(DataFileError) -> Int) throws -> [Int: Int] {
        var rescan = CSVReader(file: reader.file, separator: reader.separator)
        _ = try rescan.nextRecord()
        var lines: [Int: Int] = [:]
        while lines.count < keys.count, try rescan.nextRecord() {
            guard rescan.fieldCount == header.names.count, let key = try? locate(rescan), keys.contains(key) else {
                continue
            }
            if lines[key] == nil { lines[key] = rescan.line }
        }
        return lines
    }
}

/// The set of keys seen so far: a bitmap when keys are bounded, a hash set otherwise.
private struct KeyTracker {
    private var bits: [UInt64]
    private var set: Set<Int> = []
    private let bounded: Bool

    init(capacity: Int?) {
        bounded = capacity != nil
        bits = [UInt64](repeating: 0, count: ((capacity ?? 0) + 63) / 64)
    }

    /// Adds `key`; false when it was already present.
    mutating func insert(_ key: Int) -> Bool {
        guard bounded else { return set.insert(key).inserted }
        let mask: UInt64 = 1 << UInt64(key & 63)
        if bits[key >> 6] & mask != 0 { return false }
        bits[key >> 6] |= mask
        return true
    }
}
