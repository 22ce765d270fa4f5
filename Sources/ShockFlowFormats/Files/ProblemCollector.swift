/// Gathers the problems found while reading, so one run reports them all (as compilers do).
///
/// Keeps the first `limit` problems and counts the rest, so a wholly wrong file does not produce
/// millions of messages; readers stop early once `isFull`.
package struct ProblemCollector {
    private(set) var problems: [DataFileError] = []
    private(set) var omitted = 0
    let limit: Int
    static let defaultLimit = 50

    package init(limit: Int = defaultLimit) {
        self.limit = limit
    }

    var isEmpty: Bool { problems.isEmpty }
    var isFull: Bool { problems.count >= limit }

    package mutating func record(_ problem: DataFileError) {
        for single in problem.problems {
            if problems.count < limit { problems.append(single) } else { omitted += 1 }
        }
        if case .several(_, let more) = problem { omitted += more }
    }

    /// Runs `body`, recording a `DataFileError` it throws instead of propagating it.
    mutating func collecting(_ body: () throws -> Void) rethrows {
        do {
            try body()
        } catch let error as DataFileError {
            record(error)
        }
    }

    /// Runs `body` with this collector, recording a `DataFileError` it throws.
    mutating func run(_ body: (inout ProblemCollector) throws -> Void) rethrows {
        do {
            try body(&self)
        } catch let error as DataFileError {
            record(error)
        }
    }

    /// Throws the collected problems, if any.
    package func finish() throws {
        guard !problems.isEmpty else { return }
        throw problems.count == 1 && omitted == 0 ? problems[0] : DataFileError.several(problems, omitted: omitted)
    }
}
