import ShockFlowLinearAlgebra

/// The full factorial grid: every combination of each parameter's evenly spaced unit levels
/// 0, 1/(L−1), …, 1 (the middle, ½, when L = 1); the first parameter varies slowest, as `itertools.product`.
enum FactorialDesign {
    static func unitSample(levels: Int, dimension d: Int) -> Matrix {
        unitSample(levels: [Int](repeating: levels, count: d))
    }

    /// `levels[j]` levels for parameter j: Π levels[j] rows.
    static func unitSample(levels: [Int]) -> Matrix {
        let values = levels.map { count in (0..<count).map { count == 1 ? 0.5 : Double($0) / Double(count - 1) } }
        let runs = levels.reduce(1, *)
        var sample = Matrix(rows: runs, columns: levels.count)
        for i in 0..<runs {
            var rest = i
            for j in stride(from: levels.count - 1, through: 0, by: -1) {
                sample[i, j] = values[j][rest % levels[j]]
                rest /= levels[j]
            }
        }
        return sample
    }
}

extension SensitivityProblem {
    /// Each parameter's levels on a grid of `levels`: a discrete parameter takes each of its own levels
    /// once (its unit levels i/(k−1) pick level i of k), any other parameter `levels` evenly spaced quantiles.
    public func gridLevels(_ levels: Int) -> [Int] {
        parameters.map { parameter in
            if case .discrete(let values) = parameter.distribution { return values.count }
            return levels
        }
    }

    /// The number of runs `design` has for this problem (`Int.max` when that overflows): a grid's as
    /// `gridLevels` counts them, any other design's as `SamplingDesign.runCount(parameters:)`.
    public func runCount(_ design: SamplingDesign) -> Int {
        guard case .grid(let levels) = design else { return design.runCount(parameters: dimension) }
        return gridLevels(levels).reduce(1) { result, factor in
            let (value, overflow) = result.multipliedReportingOverflow(by: factor)
            return overflow ? Int.max : value
        }
    }

    /// The grid's sample in unit coordinates, refused when a level count is below 1 or it is too large.
    func gridUnitSample(levels: Int) throws -> Matrix {
        if levels < 1 {
            throw SensitivityError.invalidLevelCount(design: "grid", levels: levels, requirement: "at least 1 is needed")
        }
        let runs = runCount(.grid(levels: levels))
        if runs > SamplingDesign.maximumValues / dimension {
            throw SensitivityError.designTooLarge(design: "grid", runs: runs, maximumRuns: SamplingDesign.maximumValues / dimension)
        }
        return FactorialDesign.unitSample(levels: gridLevels(levels))
    }
}
