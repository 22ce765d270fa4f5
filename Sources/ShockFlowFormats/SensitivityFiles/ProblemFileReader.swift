import ShockFlowModel

/// Reads SALib's parameter ("problem") file: one parameter per line,
/// `name lower upper [group] [distribution [extra numbers]]`, fields separated by whitespace or
/// commas, `#` starting a comment. The two numbers mean what SALib makes of them per distribution
/// (docs/sensitivity.md): bounds for `unif`, `logunif`, `truncnorm` (then `mean sd`), `levels`
/// (then a count); mean and standard deviation for `norm` and `lognorm`; end and peak fraction
/// for `triang` (or lower, upper and then the peak fraction). All problems are reported at once.
public enum ProblemFileReader {
    static let distributions = ["unif", "logunif", "norm", "truncnorm", "lognorm", "triang", "levels"]
    /// The most values a `levels` parameter may have.
    public static let maximumLevels = 10_000
    /// The most parameters a file may define (the sampled values are bounded again by the design).
    public static let maximumParameters = 10_000

    public static func read(path: String) throws -> SensitivityProblem {
        let lines = try TextLines(path: path)
        var problems = ProblemCollector()
        var parameters: [SensitivityParameter] = []
        var firstLine: [String: Int] = [:]
        for line in lines.lines {
            guard parameters.count < maximumParameters else {
                problems.record(
                    .invalidTable(
                        FileLocation(path: path, line: line.number, field: 1),
                        message: "more than \(maximumParameters) parameters; a problem file defines at most \(maximumParameters)"))
                break
            }
            try problems.collecting {
                let parameter = try parse(line, path: path)
                if let earlier = firstLine[parameter.name] {
                    throw DataFileError.invalidTable(
                        FileLocation(path: path, line: line.number, field: 1),
                        message: "parameter '\(parameter.name)' is already defined on line \(earlier)")
                }
                firstLine[parameter.name] = line.number
                parameters.append(parameter)
            }
        }
        try problems.finish()
        guard !parameters.isEmpty else {
            throw DataFileError.invalidTable(
                FileLocation(path: path), message: "no parameters (expected lines of: name lower upper)")
        }
        return try SensitivityProblem(parameters: parameters)
    }

    /// The file checked as `shockflow validate` lists problems: the problem it describes, or every problem
    /// as `file:line:column: message` (columns in characters, where the field starts), `file` naming it as
    /// the user did.
    public static func check(path: String, shownAs file: String) -> Result<SensitivityProblem, ScenarioError> {
        do {
            return .success(try read(path: path))
        } catch let error as DataFileError {
            let lines = try? TextLines(path: path)
            var problems = error.problems.map { problem in
                let location = problem.location.flatMap { location in
                    location.line.map { line in
                        TextLocation(
                            line: line, column: location.field.flatMap { lines?.line(numbered: line)?.column(ofField: $0) } ?? 1)
                    }
                }
                return ScenarioProblem(file: file, location: location, fieldPath: "", message: problem.message)
            }
            if case .several(_, let omitted) = error, omitted > 0 {
                problems.append(
                    ScenarioProblem(file: file, location: nil, fieldPath: "", message: "\(omitted) more problems not listed"))
            }
            return .failure(ScenarioError(problems: problems))
        } catch {
            return .failure(ScenarioError(problems: [ScenarioProblem(file: file, location: nil, fieldPath: "", message: "\(error)")]))
        }
    }

    /// One line's parameter, or the first problem with it.
    private static func parse(_ line: TextLines.Line, path: String) throws -> SensitivityParameter {
        let fields = line.fields
        func location(_ field: Int) -> FileLocation { FileLocation(path: path, line: line.number, field: field + 1) }
        let name = fields[0]
        guard !name.isEmpty else {
            throw DataFileError.invalidTable(location(0), message: "the parameter has no name")
        }
        guard fields.count >= 3 else {
            let missing = fields.count == 1 ? "lower and upper bounds" : "upper bound"
            throw DataFileError.invalidTable(
                location(fields.count),
                message: "parameter '\(name)' has no \(missing) (expected: name lower upper [group] [distribution])")
        }
        let first = try line.number(at: 1, path: path), second = try line.number(at: 2, path: path)
        if fields.count >= 4, !["NA", "", name].contains(fields[3]) {
            let hint = distributions.contains(fields[3])
                ? "; the fourth column is SALib's group column, so write `\(name) \(fields[1]) \(fields[2]) NA \(fields[3])`"
                : "; groups are not supported, write NA"
            throw DataFileError.invalidTable(location(3), message: "parameter '\(name)' is in group '\(fields[3])'\(hint)")
        }
        let distributionName = fields.count >= 5 ? fields[4] : "unif"
        let extras = try (5..<max(5, fields.count)).map { try line.number(at: $0, path: path) }
        func requireExtras(_ allowed: ClosedRange<Int>, _ meaning: String) throws {
            guard allowed.contains(extras.count) else {
                throw DataFileError.invalidTable(
                    location(4),
                    message: "parameter '\(name)': \(distributionName) takes \(meaning) after its name, found \(extras.count) numbers")
            }
        }
        let distribution: ParameterDistribution
        switch distributionName {
        case "unif":
            try requireExtras(0...0, "no numbers")
            distribution = .uniform(lower: first, upper: second)
        case "logunif":
            try requireExtras(0...0, "no numbers")
            distribution = .logUniform(lower: first, upper: second)
        case "norm":
            try requireExtras(0...0, "no numbers (the two columns are its mean and standard deviation)")
            distribution = .normal(mean: first, standardDeviation: second)
        case "lognorm":
            try requireExtras(0...0, "no numbers (the two columns are the mean and standard deviation of its log)")
            distribution = .logNormal(logMean: first, logStandardDeviation: second)
        case "truncnorm":
            try requireExtras(2...2, "2 numbers (mean and standard deviation)")
            distribution = .truncatedNormal(lower: first, upper: second, mean: extras[0], standardDeviation: extras[1])
        case "triang":
            try requireExtras(0...1, "at most 1 number (the peak fraction)")
            // SALib's two-number form: the range is [0, first] with the peak at fraction `second`.
            let (lower, upper, peak) = extras.isEmpty ? (0, first, second) : (first, second, extras[0])
            guard peak >= 0, peak <= 1 else {
                throw DataFileError.invalidTable(
                    location(extras.isEmpty ? 2 : 5),
                    message: "parameter '\(name)': the triangular peak fraction must lie in [0, 1], found \(peak)")
            }
            distribution = .triangular(lower: lower, upper: upper, mode: lower + peak * (upper - lower))
        case "levels":
            try requireExtras(1...1, "1 number (how many evenly spaced levels from lower to upper)")
            if let problem = ParameterDistribution.uniform(lower: first, upper: second).problem {
                throw DataFileError.invalidTable(location(1), message: "parameter '\(name)': \(problem)")
            }
            guard let count = Int(exactly: extras[0]), count >= 2, count <= maximumLevels else {
                throw DataFileError.invalidTable(
                    location(5),
                    message: "parameter '\(name)': the number of levels must be a whole number from 2 to \(maximumLevels), "
                        + "found \(fields[5])")
            }
            distribution = .discrete(
                levels: (0..<count).map { first + Double($0) * (second - first) / Double(count - 1) })
        default:
            throw DataFileError.invalidTable(
                location(4),
                message: "unknown distribution \"\(distributionName)\""
                    + NameSuggestions.didYouMean(distributionName, among: distributions)
                    + " (known: \(distributions.joined(separator: ", ")))")
        }
        if let problem = distribution.problem {
            throw DataFileError.invalidTable(location(1), message: "parameter '\(name)': \(problem)")
        }
        return SensitivityParameter(name: name, distribution: distribution)
    }
}
