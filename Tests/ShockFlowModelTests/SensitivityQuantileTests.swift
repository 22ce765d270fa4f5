import Foundation
import Testing
@testable import ShockFlowModel

/// Sample quantiles (the sweep report's median and 5–95 % band) against numpy's default `np.quantile`
/// (`scripts/fixtures/quantiles_reference.py`), and against values worked out by hand.
@Suite struct SensitivityQuantileTests {
    /// `Fixtures/quantiles/numpy_quantiles.txt`: the probabilities, then each case's values and numpy's quantiles.
    static func numpyCases() throws -> (probabilities: [Double], cases: [(name: String, values: [Double], quantiles: [Double])]) {
        let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
            .appendingPathComponent("quantiles/numpy_quantiles.txt")
        var probabilities: [Double] = []
        var values: [String: [Double]] = [:], quantiles: [String: [Double]] = [:], order: [String] = []
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
            let fields = line.split(separator: " ").map(String.init)
            let numbers = try fields.dropFirst(fields[0] == "probabilities" ? 1 : 2).map { try #require(Double($0), "\(line)") }
            switch fields[0] {
            case "probabilities": probabilities = numbers
            case "values":
                values[fields[1]] = numbers
                order.append(fields[1])
            default: quantiles[fields[1]] = numbers
            }
        }
        return (probabilities, order.map { ($0, values[$0] ?? [], quantiles[$0] ?? []) })
    }

    /// The same arithmetic as numpy's, so the same numbers to the last bit.
    @Test func quantilesAreNumpysBitForBit() throws {
        let (probabilities, cases) = try Self.numpyCases()
        #expect(probabilities.count == 11 && cases.count == 8)
        for (name, values, expected) in cases {
            let actual = SampleQuantiles.linear(values, at: probabilities)
            #expect(actual == expected, "\(name): \(actual) against numpy's \(expected)")
        }
    }

    /// Whole numbers 0…n−1 in any order: Q(q) = (n − 1)·q, read off by hand (to rounding).
    @Test func wholeNumbersGiveTheirInterpolatedRank() {
        let values = [7.0, 0, 19, 3, 12, 5, 18, 1, 9, 14, 2, 16, 4, 11, 6, 17, 8, 13, 10, 15]
        let quantiles = SampleQuantiles.linear(values, at: [0, 0.05, 0.5, 0.95, 1])
        for (actual, expected) in zip(quantiles, [0, 0.95, 9.5, 18.05, 19]) {
            #expect(abs(actual - expected) < 1e-12, "\(actual) against \(expected)")
        }
        // An odd count has its middle value as the median; two values interpolate between them.
        #expect(SampleQuantiles.linear([5, 1, 3], at: [0.5]) == [3])
        #expect(SampleQuantiles.linear([10, 20], at: [0.05, 0.95]) == [10.5, 19.5])
    }

    /// Monotone in q, from the smallest value to the largest, whatever the order of the values.
    @Test func quantilesAreOrderedAndBounded() throws {
        let (probabilities, cases) = try Self.numpyCases()
        for (name, values, _) in cases {
            let forward = SampleQuantiles.linear(values, at: probabilities)
            #expect(forward.first == values.min() && forward.last == values.max(), "\(name)")
            #expect(zip(forward, forward.dropFirst()).allSatisfy { $0 <= $1 }, "\(name): \(forward)")
            #expect(SampleQuantiles.linear(values.reversed(), at: probabilities) == forward, "\(name)")
        }
        let withNaN = SampleQuantiles.linear([1, .nan, 2], at: [0.05, 0.5])
        #expect(withNaN.count == 2 && withNaN.allSatisfy { $0.isNaN }, "a NaN makes the quantiles NaN, as numpy")
    }
}
