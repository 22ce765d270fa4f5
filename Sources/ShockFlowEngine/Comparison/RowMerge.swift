import ShockFlowFormats
import ShockFlowModel

/// Lines up the rows of several results tables by key while reading them once, front to back.
///
/// While the tables' rows carry the same keys in the same order (runs of one economy and model) they are
/// paired as read, with no lookup. Where they part, that period is read again from its start in every
/// table and aligned by key (`RowAlignment`, which also finds a key given twice), so memory holds at
/// most one period; rows some table lacks come out with nil values, never dropped.
struct RowMerge {
    private var tables: [ResultsTableReader]
    /// Metric names by index, in the order first met.
    private(set) var metrics: [String] = []
    private var metricBytes: [[UInt8]] = []
    private var lastMetric = 0

    /// The current row: its period (nil in summary.csv), metric index and every table's value.
    private(set) var period: Int?
    private(set) var metric = 0
    private(set) var values: [Double?]
    private var pendingRow: Int?
    private var tablesAheadOfRow = false
    /// The tables at the first row of the current period paired as read, and how many rows were paired since.
    private var periodStart: [ResultsTableReader]?
    private var pairedInPeriod = 0
    /// Rows of a period aligned by key, served before reading on: keys, metrics, and every table's
    /// values in one flat array (row r's at r·tables.count).
    private var pendingKeys: [RowKey] = []
    private var pendingMetrics: [Int] = []
    private var pendingValues: [Double?] = []
    private var pendingIndex = 0

    init(tables: [ResultsTableReader]) {
        self.tables = tables
        values = Array(repeating: nil, count: tables.count)
    }

    /// The current row's key labels without the period, the metric last.
    var labels: [String] {
        guard let pendingRow else { return tables[0].labels }
        return pendingKeys[pendingRow].labels
    }

    /// Appends the current row's labels as CSV fields, each followed by a comma.
    func appendLabels(to bytes: inout [UInt8], encoder: CSVTableWriter) {
        guard let pendingRow else {
            tables[0].appendLabels(to: &bytes, encoder: encoder)
            return
        }
        bytes.append(contentsOf: encoder.encodedLabels(pendingKeys[pendingRow].labels))
    }

    /// Moves to the next aligned row; false when every table is read.
    mutating func next() throws -> Bool {
        if tablesAheadOfRow {
            for index in tables.indices { try tables[index].advance() }
            tablesAheadOfRow = false
        }
        if pendingIndex < pendingKeys.count {
            (metric, pendingRow) = (pendingMetrics[pendingIndex], pendingIndex)
            for table in tables.indices { values[table] = pendingValues[pendingIndex * tables.count + table] }
            pendingIndex += 1
            return true
        }
        pendingKeys.removeAll(keepingCapacity: true)
        pendingMetrics.removeAll(keepingCapacity: true)
        pendingValues.removeAll(keepingCapacity: true)
        pendingRow = nil
        var readable = false, paired = true
        var earliest: Int?
        for table in tables {
            guard !table.isAtEnd else {
                paired = false
                continue
            }
            readable = true
            if let period = table.period { earliest = min(earliest ?? period, period) }
            paired = paired && table.hasSameKey(as: tables[0])
        }
        guard readable else { return false }
        if paired {
            if periodStart == nil || periodStart?[0].period != tables[0].period {
                periodStart = tables
                pairedInPeriod = 0
            }
            pairedInPeriod += 1
            period = tables[0].period
            metric = metricIndex(of: 0)
            for index in tables.indices { values[index] = tables[index].value }
            tablesAheadOfRow = true
            return true
        }
        try gather(period: earliest)
        return try next()
    }

    /// Reads every table's rows of `period` (all rows of summary.csv) and aligns them by key. Rows of the
    /// period already paired as read are read again, to find keys given twice, but not served again.
    private mutating func gather(period: Int?) throws {
        var served = 0
        if let periodStart, periodStart[0].period == period {
            (tables, served) = (periodStart, pairedInPeriod)
        }
        periodStart = nil
        var keys: [[RowKey]] = [], tableValues: [[Double]] = [], metricsRead: [[Int]] = [], lines: [[Int]] = []
        for index in tables.indices {
            var (tableKeys, valuesRead, tableMetrics, linesRead) = ([RowKey](), [Double](), [Int](), [Int]())
            while !tables[index].isAtEnd, tables[index].period == period {
                tableKeys.append(tables[index].key)
                valuesRead.append(tables[index].value)
                tableMetrics.append(metricIndex(of: index))
                linesRead.append(tables[index].line)
                try tables[index].advance()
            }
            keys.append(tableKeys)
            tableValues.append(valuesRead)
            metricsRead.append(tableMetrics)
            lines.append(linesRead)
        }
        let alignment: RowAlignment
        do {
            alignment = try RowAlignment(keys)
        } catch {
            let labels = keys[error.run][error.row].labels
            let key = ((period.map { ["period \($0)"] } ?? []) + labels).joined(separator: ", ")
            throw ComparisonError.duplicateRow(
                FileLocation(path: tables[error.run].path, line: lines[error.run][error.row]), key: key,
                firstLine: lines[error.run][error.firstRow])
        }
        for aligned in 0..<alignment.count {
            if let row = alignment.row(aligned, in: 0), row < served { continue }
            let first = tables.indices.first { alignment.row(aligned, in: $0) != nil } ?? 0
            let row = alignment.row(aligned, in: first) ?? 0
            pendingKeys.append(keys[first][row])
            pendingMetrics.append(metricsRead[first][row])
            for table in tables.indices { pendingValues.append(alignment.row(aligned, in: table).map { tableValues[table][$0] }) }
        }
        pendingIndex = 0
        self.period = period
    }

    /// The index of a table's current metric, found by comparing bytes (metrics repeat in a fixed
    /// cycle, so the one after the last is tried first).
    private mutating func metricIndex(of table: Int) -> Int {
        guard let field = tables[table].metricField else { return metricIndex(named: ResultsLevel.implicitMetric) }
        let reader = tables[table].reader
        for step in 0..<metrics.count {
            let candidate = (lastMetric + 1 + step) % metrics.count
            if reader.field(field, equals: metricBytes[candidate]) {
                lastMetric = candidate
                return candidate
            }
        }
        lastMetric = metricIndex(named: reader.text(field))
        return lastMetric
    }

    private mutating func metricIndex(named name: String) -> Int {
        if let index = metrics.firstIndex(of: name) { return index }
        metrics.append(name)
        metricBytes.append(Array(name.utf8))
        return metrics.count - 1
    }
}

/// The label fields of a row as one hashable byte string: each field's length (4 bytes), then its text.
struct RowKey: Hashable {
    private(set) var bytes: [UInt8] = []

    mutating func append<Bytes: Collection<UInt8>>(field: Bytes) {
        var length = UInt32(truncatingIfNeeded: field.count)
        for _ in 0..<4 {
            bytes.append(UInt8(truncatingIfNeeded: length))
            length >>= 8
        }
        bytes.append(contentsOf: field)
    }

    var labels: [String] {
        var labels: [String] = [], index = 0
        while index + 4 <= bytes.count {
            let length = (0..<4).reduce(0) { $0 | Int(bytes[index + $1]) << (8 * $1) }
            let end = min(bytes.count, index + 4 + length)
            labels.append(String(decoding: bytes[(index + 4)..<end], as: UTF8.self))
            index = end
        }
        return labels
    }
}
