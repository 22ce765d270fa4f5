import ShockFlowLinearAlgebra

/// Reads plain numeric matrices as SALib and numpy's `savetxt`/`loadtxt` write them: one row per
/// line, values separated by whitespace or commas, `#` comments and blank lines ignored.
public enum NumberMatrixReader {
    /// A samples file (runs × parameters); every row must have the same number of values.
    public static func readSamples(path: String) throws -> Matrix {
        try read(path: path, requiredColumns: nil)
    }

    /// An outputs file with one value per line, as a one-column matrix.
    public static func readOutputs(path: String) throws -> Matrix {
        try read(path: path, requiredColumns: 1)
    }

    private static func read(path: String, requiredColumns: Int?) throws -> Matrix {
        let lines = try TextLines(path: path).lines
        guard let first = lines.first else { throw DataFileError.emptyFile(path: path) }
        let columns = requiredColumns ?? first.fields.count
        var problems = ProblemCollector()
        var matrix = Matrix(rows: lines.count, columns: columns)
        for (row, line) in lines.enumerated() where !problems.isFull {
            guard line.fields.count == columns else {
                problems.record(
                    .raggedRow(
                        FileLocation(path: path, line: line.number), expectedFields: columns,
                        foundFields: line.fields.count))
                continue
            }
            for column in 0..<columns {
                try problems.collecting { matrix[row, column] = try line.number(at: column, path: path) }
            }
        }
        try problems.finish()
        return matrix
    }
}
