import ShockFlowFormats
import ShockFlowLinearAlgebra

/// The per-run tables of a sweep folder: `samples.csv` (run,<parameters>) and `outputs.csv`
/// (run,<outputs>), one row per run in run order, numbers in shortest round-trip form, and the
/// levels of `discrete` parameters that are not all numbers as written (quoted as CSV requires).
struct SweepTables: Sendable {
    var runs: [Int]
    var parameterNames: [String]
    var outputNames: [String]
    /// Parameter values and outputs, one row per entry of `runs`.
    var samples: [[Double]]
    var outputs: [[Double]]
    /// Per parameter, its levels' texts when its column of `samples` holds level indices
    /// (`SweepPlan.parameterLevels`); empty when every column holds numbers.
    var parameterLevels: [[String]?] = []

    var samplesCSV: [UInt8] {
        guard parameterLevels.contains(where: { $0 != nil }) else { return Self.csv(runs: runs, names: parameterNames, rows: samples) }
        var table = CSVTableWriter(header: ["run"] + parameterNames)
        for (run, values) in zip(runs, samples) {
            let fields = zip(values, parameterLevels).map { value, levels in levels.map { $0[Int(value)] } ?? NumberFormatting.shortest(value) }
            table.appendText(row: [String(run)] + fields)
            table.appendNumbers([])
        }
        return table.bytes
    }
    var outputsCSV: [UInt8] { Self.csv(runs: runs, names: outputNames, rows: outputs) }

    static func csv(runs: [Int], names: [String], rows: [[Double]]) -> [UInt8] {
        var table = CSVTableWriter(header: ["run"] + names)
        for (run, values) in zip(runs, rows) { table.appendRow(labels: [String(run)], values: values) }
        return table.bytes
    }

    /// Rows as a matrix (runs × columns) for the analyses.
    static func matrix(_ rows: [[Double]], columns: Int) -> Matrix {
        var matrix = Matrix(rows: rows.count, columns: columns)
        for (i, row) in rows.enumerated() {
            for (j, value) in row.enumerated() { matrix[i, j] = value }
        }
        return matrix
    }

    /// Reads `samples.csv` as `samplesCSV` writes it: each level written as text is read back as its
    /// index in `levels`; the other values exactly as written.
    static func readSamples(_ path: String, names: [String], levels: [[String]?]) throws -> (runs: [Int], rows: [[Double]]) {
        guard levels.contains(where: { $0 != nil }) else { return try read(path, names: names) }
        let header = ["run"] + names
        var reader = try CSVReader(path: path)
        guard try reader.nextRecord(), (0..<reader.fieldCount).map(reader.text) == header else {
            throw DataFileError.unreadable(path: path, reason: "line 1: expected the header `\(header.joined(separator: ","))`")
        }
        let indices = levels.map { $0.map { Dictionary($0.enumerated().map { ($1, Double($0)) }) { first, _ in first } } }
        var runs: [Int] = []
        var rows: [[Double]] = []
        while try reader.nextRecord() {
            let values: [Double] = reader.fieldCount != header.count ? [] : names.indices.compactMap { column in
                let text = reader.text(column + 1)
                if let levelIndices = indices[column] { return levelIndices[text] }
                return Double(text).flatMap { $0.isFinite ? $0 : nil }
            }
            guard let run = Int(reader.text(0)), values.count == names.count else {
                throw DataFileError.unreadable(
                    path: path, reason: "line \(reader.line): expected a run id and \(names.count) values (numbers, or levels the manifest lists)")
            }
            runs.append(run)
            rows.append(values)
        }
        return (runs, rows)
    }

    /// Reads `run,<names>` rows written by `csv`; the run ids and the values exactly as written.
    static func read(_ path: String, names: [String]) throws -> (runs: [Int], rows: [[Double]]) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw DataFileError.unreadable(path: path, reason: "the file is missing or not UTF-8 text")
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.last == "" else { throw DataFileError.unreadable(path: path, reason: "its last line is cut short") }
        lines.removeLast()
        let header = (["run"] + names).joined(separator: ",")
        guard lines.first.map(String.init) == header else {
            throw DataFileError.unreadable(path: path, reason: "line 1: expected the header `\(header)`")
        }
        var runs: [Int] = []
        var rows: [[Double]] = []
        for (number, line) in lines.enumerated().dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            let values = fields.dropFirst().compactMap { Double($0) }.filter(\.isFinite)
            guard fields.count == names.count + 1, let run = Int(fields[0]), values.count == names.count else {
                throw DataFileError.unreadable(
                    path: path, reason: "line \(number + 1): expected a run id and \(names.count) finite numbers")
            }
            runs.append(run)
            rows.append(values)
        }
        return (runs, rows)
    }
}
