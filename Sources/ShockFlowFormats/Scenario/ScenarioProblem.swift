/// A line and column in a scenario file (both 1-based, columns counted in Unicode scalars as libyaml does).
public struct TextLocation: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// One thing wrong with a scenario file, told the way a compiler tells it: where, which field, what was expected.
public struct ScenarioProblem: Hashable, Sendable, CustomStringConvertible {
    /// The file as the user named it (the scenario, or a series CSV it refers to).
    public var file: String
    /// Nil when the problem concerns the whole file (too large, not text).
    public var location: TextLocation?
    /// Where in the scenario, e.g. `shocks[1].profile.start`; empty for the file as a whole.
    public var fieldPath: String
    public var message: String

    public init(file: String, location: TextLocation?, fieldPath: String, message: String) {
        self.file = file
        self.location = location
        self.fieldPath = fieldPath
        self.message = message
    }

    public var line: Int? { location?.line }
    public var column: Int? { location?.column }

    /// `file:line:column: field: message`, the layout editors and CI logs recognise.
    public var description: String {
        var text = file
        if let location { text += ":\(location.line):\(location.column)" }
        if !fieldPath.isEmpty { text += ": \(fieldPath)" }
        return text + ": " + message
    }
}

/// A scenario file that cannot be used, with every problem found in it (not only the first).
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    public var problems: [ScenarioProblem]

    public init(problems: [ScenarioProblem]) {
        self.problems = problems
    }

    public var description: String {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return ([count + ":"] + problems.map(\.description)).joined(separator: "\n")
    }
}
