import ShockFlowLinearAlgebra

/// The p-level grid of a Morris sample in parameter values: parameter j takes the values
/// Q_j(k/(p−1)), k = 0…p−1 (Q_j its quantile function), and each step of a trajectory moves one
/// parameter by Δ = p/(2(p−1)), that is by p/2 grid levels. A sample analysed with another p than it
/// was drawn with would be divided by the wrong Δ; `MorrisGrid.check` refuses it and says which p fits.
public struct MorrisGrid {
    let levels: Int
    /// Per parameter, the value of each level (non-decreasing in the level).
    private let values: [[Double]]
    private let tolerances: [Double]

    public init(problem: SensitivityProblem, levels: Int) throws {
        if let requirement = SamplingDesign.morrisLevelsProblem(levels) {
            throw SensitivityError.invalidLevelCount(design: "Morris", levels: levels, requirement: requirement)
        }
        self.levels = levels
        values = problem.parameters.map { parameter in
            (0..<levels).map { parameter.distribution.quantile(Double($0) / Double(levels - 1)) }
        }
        // Values written in shortest round-trip form match exactly; other writers (or other quantile
        // formulas) may differ in the last digits.
        tolerances = values.map { grid in 1e-9 * max(grid.filter(\.isFinite).map(abs).max() ?? 1, 1e-300) }
    }

    /// Refuses a sample (runs × parameters, whole trajectories of d+1 rows) whose values are off this
    /// grid or whose steps are not of p/2 levels; the error says which level count the values fit, if
    /// one from 2 to `searchedLevels` does. Samples of another shape are left to the analysis to refuse.
    public static func check(samples: Matrix, problem: SensitivityProblem, levels: Int) throws {
        let grid = try MorrisGrid(problem: problem, levels: levels)
        guard let mismatch = grid.firstMismatch(in: samples, names: problem.names) else { return }
        let revealed = stride(from: 2, through: searchedLevels, by: 2).first { candidate in
            candidate != levels && (try? MorrisGrid(problem: problem, levels: candidate))?.firstMismatch(in: samples, names: problem.names) == nil
        }
        throw SensitivityError.notOnMorrisGrid(levels: levels, revealedLevels: revealed, detail: mismatch)
    }

    /// Level counts tried when a sample is off the grid given.
    static let searchedLevels = 100

    /// The first value off the grid or step of the wrong size, in words; nil when the sample fits.
    func firstMismatch(in samples: Matrix, names: [String]) -> String? {
        let d = values.count
        guard samples.columns == d, d > 0, samples.rows % (d + 1) == 0 else { return nil }
        var levelsOf = [ClosedRange<Int>](repeating: 0...0, count: d)
        var previous = [ClosedRange<Int>](repeating: 0...0, count: d)
        for row in 0..<samples.rows {
            for j in 0..<d {
                guard let found = levelRange(of: samples[row, j], parameter: j) else {
                    return "sample row \(row + 1), parameter '\(names[j])': \(samples[row, j]) is not a value of its \(levels)-level grid"
                }
                levelsOf[j] = found
            }
            if row % (d + 1) != 0 {
                let moved = (0..<d).filter { samples[row, $0] != samples[row - 1, $0] }
                if moved.count == 1, let j = moved.first, !canStep(from: previous[j], to: levelsOf[j]) {
                    return "sample rows \(row) to \(row + 1), parameter '\(names[j])': the step from \(samples[row - 1, j]) to "
                        + "\(samples[row, j]) is not Δ = \(levels)/(2·\(levels - 1)) of its \(levels)-level grid"
                }
            }
            previous = levelsOf
        }
        return nil
    }

    /// The levels whose value matches `value` (a range: the quantile may repeat a value).
    private func levelRange(of value: Double, parameter j: Int) -> ClosedRange<Int>? {
        let grid = values[j], tolerance = tolerances[j]
        var low = 0, high = grid.count
        while low < high {
            let middle = (low + high) / 2
            if grid[middle] < value - tolerance { low = middle + 1 } else { high = middle }
        }
        var last = low - 1
        while last + 1 < grid.count, abs(grid[last + 1] - value) <= tolerance { last += 1 }
        return last >= low ? low...last : nil
    }

    /// Whether some level of `from` and some level of `to` are p/2 levels apart.
    private func canStep(from: ClosedRange<Int>, to: ClosedRange<Int>) -> Bool {
        let step = levels / 2
        for shift in [step, -step] where from.overlaps((to.lowerBound + shift)...(to.upperBound + shift)) { return true }
        return false
    }
}
