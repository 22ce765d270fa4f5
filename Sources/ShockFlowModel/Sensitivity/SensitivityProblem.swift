import ShockFlowLinearAlgebra

/// One uncertain input of a sensitivity study: a name and its distribution.
public struct SensitivityParameter: Equatable, Sendable {
    public var name: String
    public var distribution: ParameterDistribution

    public init(name: String, distribution: ParameterDistribution) {
        self.name = name
        self.distribution = distribution
    }
}

/// The parameters of a sensitivity study, in column order of every sample matrix
/// (SALib's "problem").
public struct SensitivityProblem: Equatable, Sendable {
    public let parameters: [SensitivityParameter]

    /// Checks for an empty list, repeated names and distributions that describe nothing.
    public init(parameters: [SensitivityParameter]) throws {
        guard !parameters.isEmpty else { throw SensitivityError.noParameters }
        var seen = Set<String>()
        for parameter in parameters {
            guard seen.insert(parameter.name).inserted else {
                throw SensitivityError.repeatedParameter(name: parameter.name)
            }
            if let problem = parameter.distribution.problem {
                throw SensitivityError.invalidDistribution(parameter: parameter.name, reason: problem)
            }
        }
        self.parameters = parameters
    }

    public var dimension: Int { parameters.count }
    public var names: [String] { parameters.map(\.name) }

    /// Maps a unit-cube sample (runs × parameters) to parameter values, column by column
    /// through each parameter's quantile function.
    public func scale(unitSample: Matrix) -> Matrix {
        precondition(unitSample.columns == dimension, "unit sample must have one column per parameter")
        var result = unitSample
        for (j, parameter) in parameters.enumerated() {
            for i in 0..<unitSample.rows { result[i, j] = parameter.distribution.quantile(unitSample[i, j]) }
        }
        return result
    }
}
