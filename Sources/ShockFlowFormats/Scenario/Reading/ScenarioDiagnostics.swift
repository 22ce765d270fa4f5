/// Collects every problem found in one scenario file, and where each field was written so that later
/// checks (against the economy, across fields) can point at the right line. A hostile file cannot
/// make it list (or look for suggestions for) more than `maximumProblems` problems.
package struct ScenarioDiagnostics: Sendable {
    static let maximumProblems = 200

    package let file: String
    package private(set) var problems: [ScenarioProblem] = []
    private(set) var locations: [FieldPath: TextLocation] = [:]
    /// Problems found beyond `maximumProblems`, counted but not kept.
    private(set) var omittedProblems = 0
    /// Field paths (as written in messages) at or above a problem.
    private var pathsWithProblems: Set<String> = []
    /// Added to type and range messages while a variant's fields are read, e.g. "for a capacity shock".
    var qualifier: String?

    package init(file: String) {
        self.file = file
    }

    mutating func record(_ location: TextLocation?, for path: FieldPath) {
        if let location { locations[path] = location }
    }

    /// Where `path` was written; for a field left out, where its nearest written parent was.
    func location(of path: FieldPath) -> TextLocation? {
        var current: FieldPath? = path
        while let candidate = current {
            if let location = locations[candidate] { return location }
            current = candidate.parent
        }
        return nil
    }

    /// True once `maximumProblems` are kept: callers skip costly work such as suggestions.
    var isFull: Bool { problems.count >= Self.maximumProblems }

    package mutating func report(_ message: String, at path: FieldPath, location: TextLocation? = nil) {
        keep(ScenarioProblem(file: file, location: location ?? self.location(of: path), fieldPath: path.description, message: message), at: path)
    }

    /// A problem in another file the scenario refers to (a series CSV), listed with the scenario's field.
    mutating func report(_ message: String, inFile otherFile: String, line: Int?, at path: FieldPath) {
        let location = line.map { TextLocation(line: $0, column: 1) }
        keep(ScenarioProblem(file: otherFile, location: location, fieldPath: path.description, message: message), at: path)
    }

    /// A problem at a line and column of another file the scenario refers to (a plan table).
    mutating func report(_ message: String, inFile otherFile: String, location: TextLocation?, at path: FieldPath) {
        keep(ScenarioProblem(file: otherFile, location: location, fieldPath: path.description, message: message), at: path)
    }

    private mutating func keep(_ problem: ScenarioProblem, at path: FieldPath) {
        var current: FieldPath? = path
        while let marked = current {
            pathsWithProblems.insert(marked.description)
            current = marked.parent
        }
        if isFull {
            omittedProblems += 1
        } else {
            problems.append(problem)
        }
    }

    /// Problems in reading order: whole-file problems first, then by line and column; a last line
    /// counts those beyond `maximumProblems`.
    package var sortedProblems: [ScenarioProblem] {
        let sorted = problems.enumerated().sorted { lhs, rhs in
            let left = lhs.element, right = rhs.element
            if left.file != right.file { return left.file == file }
            let leftKey = (left.line ?? 0, left.column ?? 0), rightKey = (right.line ?? 0, right.column ?? 0)
            return leftKey != rightKey ? leftKey < rightKey : lhs.offset < rhs.offset
        }.map(\.element)
        guard omittedProblems > 0 else { return sorted }
        let more = ScenarioProblem(
            file: file, location: nil, fieldPath: "",
            message: "\(omittedProblems) more problem\(omittedProblems == 1 ? "" : "s") not listed (only the first \(Self.maximumProblems) are)")
        return sorted + [more]
    }
}

extension ScenarioDiagnostics {
    /// True when the field at `path` was written in the file (not left to its default).
    func wasWritten(_ path: FieldPath) -> Bool { locations[path] != nil }

    /// True when a problem was reported at `path` or inside it, so checks that depend on it are skipped.
    func hasProblem(under path: FieldPath) -> Bool { pathsWithProblems.contains(path.description) }
}
