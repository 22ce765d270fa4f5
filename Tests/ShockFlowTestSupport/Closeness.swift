import ShockFlowLinearAlgebra
import Testing

/// The smallest scale an entry's deviation is measured against in `expectClose`.
public enum ClosenessFloor: Sendable {
    /// A fixed scale, in the values' own units: entries smaller than it are compared against it.
    case absolute(Double)
    /// This fraction of the largest |expected| entry: entries near zero are compared against it, so
    /// that round-off in a difference of large numbers is not mistaken for an error.
    case ofLargest(Double)

    /// No floor: every entry is compared against its own size (where the expected entry is 0, the
    /// deviation itself must be at most `relative`).
    public static let none = ClosenessFloor.absolute(0)

    func value(for expected: [Double]) -> Double {
        switch self {
        case .absolute(let floor): return floor
        case .ofLargest(let fraction): return fraction * (expected.map(abs).max() ?? 0)
        }
    }
}

/// Expects every entry relatively close to the expected one, with a floor:
///
///     |actual − expected| ≤ relative · max(|expected|, floor)    for every entry,
///
/// the floor given in the values' units (`.absolute(f)`) or as a fraction of the largest |expected|
/// entry (`.ofLargest(f)`, 1e-3 unless told). A NaN anywhere fails. Reports the worst entry only, by
/// its index (`what[i]`).
public func expectClose(
    _ actual: [Double], _ expected: [Double], relative: Double, floor: ClosenessFloor = .ofLargest(1e-3),
    _ what: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    guard actual.count == expected.count else {
        Issue.record("\(what): \(actual.count) values, expected \(expected.count)", sourceLocation: sourceLocation)
        return
    }
    guard let worst = worstEntry(actual, expected, floor: floor.value(for: expected)), worst.ratio > relative else { return }
    Issue.record(
        "\(what)[\(worst.index)] = \(actual[worst.index]), expected \(expected[worst.index]) (deviation \(worst.ratio) of the scale, allowed \(relative))",
        sourceLocation: sourceLocation)
}

/// `expectClose` for matrices of the same shape, entry by entry (column-major), reporting the worst
/// entry as `what[row, column]`.
public func expectClose(
    _ actual: Matrix, _ expected: Matrix, relative: Double, floor: ClosenessFloor = .ofLargest(1e-3),
    _ what: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    guard actual.rows == expected.rows, actual.columns == expected.columns else {
        Issue.record(
            "\(what): shape \(actual.rows)×\(actual.columns), expected \(expected.rows)×\(expected.columns)",
            sourceLocation: sourceLocation)
        return
    }
    let scale = floor.value(for: expected.elements)
    guard let worst = worstEntry(actual.elements, expected.elements, floor: scale), worst.ratio > relative else { return }
    let (row, column) = (worst.index % expected.rows, worst.index / expected.rows)
    Issue.record(
        "\(what)[\(row), \(column)] = \(actual[row, column]), expected \(expected[row, column]) (deviation \(worst.ratio) of the scale, allowed \(relative))",
        sourceLocation: sourceLocation)
}

/// The entry with the largest |a − e| / max(|e|, floor) (a NaN ratio counts as infinite); nil when empty.
private func worstEntry(_ actual: [Double], _ expected: [Double], floor: Double) -> (index: Int, ratio: Double)? {
    guard !expected.isEmpty else { return nil }
    var worst = (index: 0, ratio: -1.0)
    for index in expected.indices {
        let scale = max(abs(expected[index]), floor)
        let deviation = abs(actual[index] - expected[index])
        var ratio = scale == 0 ? deviation : deviation / scale
        if ratio.isNaN { ratio = .infinity }
        if ratio > worst.ratio { worst = (index, ratio) }
    }
    return worst
}
