import ShockFlowLinearAlgebra

/// One uncertain input of a sensitivity study: a name, its distribution and optionally the group it
/// varies with (SALib's `groups`: a group's parameters move together and get one index).
public struct SensitivityParameter: Equatable, Sendable {
    public var name: String
    public var distribution: ParameterDistribution
    public var group: String?

    public init(name: String, distribution: ParameterDistribution, group: String? = nil) {
        self.name = name
        self.distribution = distribution
        self.group = group
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

    /// True when some parameter names a group: indices are then per group (Saltelli designs only).
    public var isGrouped: Bool { parameters.contains { $0.group != nil } }

    /// What the indices are reported for: the groups in order of first appearance (a parameter
    /// without a group is a group of its own, under its name), or the parameters.
    public var factorNames: [String] {
        var names: [String] = []
        for parameter in parameters where !names.contains(parameter.group ?? parameter.name) {
            names.append(parameter.group ?? parameter.name)
        }
        return names
    }

    /// Each parameter's position in `factorNames`.
    var factorIndices: [Int] {
        let factors = factorNames
        return parameters.map { parameter in factors.firstIndex(of: parameter.group ?? parameter.name) ?? 0 }
    }

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
