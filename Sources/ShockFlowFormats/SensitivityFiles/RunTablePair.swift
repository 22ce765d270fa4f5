import ShockFlowLinearAlgebra

/// A sweep's `samples.csv` and `outputs.csv` (`RunTable`s) read together for one output: the parameter
/// columns and the output column chosen, their rows paired by run (in the samples' order), so the
/// analyses get the matrices SALib's files would give them. The parameters keep samples.csv's column
/// order: a design's layout (Saltelli's ABʲ blocks, Morris's steps) follows it.
public struct RunTablePair: Sendable {
    /// samples.csv's columns after `run`.
    public let parameterNames: [String]
    public let outputName: String
    /// Runs × parameters.
    public let samples: Matrix
    /// Runs × 1: the chosen output of each run of `samples`.
    public let outputs: Matrix

    /// - Parameters:
    ///   - output: the output column; may be left out when outputs.csv has one.
    ///   - parameters: the parameters expected (a problem file's, in its order): samples.csv's columns
    ///     must be these, in any order.
    public init(samples: RunTable, outputs: RunTable, output: String?, parameters: [String]? = nil) throws {
        let outputColumn = try Self.column(of: output, in: outputs)
        if let parameters { try Self.requireColumns(parameters, in: samples) }
        let rowOfRun = Dictionary(uniqueKeysWithValues: zip(outputs.runs, outputs.runs.indices))
        var problems = ProblemCollector()
        for (run, line) in zip(samples.runs, samples.lines) where rowOfRun[run] == nil {
            problems.record(
                .invalidTable(FileLocation(path: samples.path, line: line), message: "run \(run) is not in \(outputs.path)"))
        }
        let sampled = Set(samples.runs)
        for (run, line) in zip(outputs.runs, outputs.lines) where !sampled.contains(run) {
            problems.record(
                .invalidTable(FileLocation(path: outputs.path, line: line), message: "run \(run) is not in \(samples.path)"))
        }
        try problems.finish()
        var outputMatrix = Matrix(rows: samples.runs.count, columns: 1)
        for (row, run) in samples.runs.enumerated() { outputMatrix[row, 0] = outputs.values[rowOfRun[run] ?? 0, outputColumn] }
        parameterNames = samples.columnNames
        outputName = outputs.columnNames[outputColumn]
        self.samples = samples.values
        self.outputs = outputMatrix
    }

    private static func column(of output: String?, in outputs: RunTable) throws -> Int {
        let names = outputs.columnNames
        guard let output else {
            guard names.count == 1 else { throw OutputSelectionError.notChosen(path: outputs.path, outputs: names) }
            return 0
        }
        guard let column = names.firstIndex(of: output) else {
            throw OutputSelectionError.unknown(output, path: outputs.path, outputs: names)
        }
        return column
    }

    /// Refuses parameters samples.csv lacks and columns that are not parameters.
    private static func requireColumns(_ parameters: [String], in samples: RunTable) throws {
        let missing = parameters.filter { !samples.columnNames.contains($0) }
        let extra = samples.columnNames.filter { !parameters.contains($0) }
        guard missing.isEmpty, extra.isEmpty else {
            var parts: [String] = []
            if !missing.isEmpty { parts.append("no column for \(missing.map { "'\($0)'" }.joined(separator: ", "))") }
            if !extra.isEmpty { parts.append("columns that are not parameters: \(extra.map { "'\($0)'" }.joined(separator: ", "))") }
            throw DataFileError.invalidTable(
                FileLocation(path: samples.path, line: 1),
                message: "the columns after run are not the problem's parameters (\(parameters.joined(separator: ", "))): "
                    + parts.joined(separator: "; "))
        }
    }
}

/// `--output` does not fit the outputs file: a table of several outputs without it, a name the table
/// lacks, or a bare matrix (one output per line) with it. A usage error: the command line must change.
public enum OutputSelectionError: Error, Sendable, Equatable, CustomStringConvertible {
    case notChosen(path: String, outputs: [String])
    case unknown(String, path: String, outputs: [String])
    case notATable(path: String)

    public var description: String {
        switch self {
        case .notChosen(let path, let outputs):
            return "\(path) has \(outputs.count) outputs (\(outputs.joined(separator: ", "))): choose one with --output NAME"
        case .unknown(let name, let path, let outputs):
            return "\(path) has no output \"\(name)\"" + NameSuggestions.didYouMean(name, among: outputs)
                + " (outputs: \(outputs.joined(separator: ", ")))"
        case .notATable(let path):
            return "--output picks a column of a sweep's outputs.csv (a header starting with run); "
                + "\(path) is a matrix of one output per line"
        }
    }
}
