import ShockFlowFormats
import ShockFlowLinearAlgebra

/// The per-run tables of a sweep folder: `samples.csv` (run,<parameters>) and `outputs.csv`
/// (run,<outputs>), one row per run in run order, numbers in shortest round-trip form.
struct SweepTables: Sendable {
    var runs: [Int]
    var parameterNames: [String]
    var outputNames: [String]
    /// Parameter values and outputs, one row per entry of `runs`.
    var samples: [[Double]]
    var outputs: [[Double]]

    var samplesCSV: [UInt8] { Self.csv(runs: runs, names: parameterNames, rows: samples) }
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
