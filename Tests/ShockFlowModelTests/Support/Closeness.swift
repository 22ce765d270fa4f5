import ShockFlowLinearAlgebra
import Testing

/// Expects every entry within `relative` of the expected one; entries near zero are compared
/// against 1e-3 of the matrix's largest entry instead, so that round-off in a difference of
/// large numbers is not mistaken for an error. Reports the worst entry only.
func expectClose(
    _ actual: Matrix, _ expected: Matrix, relative: Double = 1e-9, _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard actual.rows == expected.rows, actual.columns == expected.columns else {
        Issue.record(
            "\(what): shape \(actual.rows)×\(actual.columns), expected \(expected.rows)×\(expected.columns)",
            sourceLocation: sourceLocation)
        return
    }
    let floor = 1e-3 * (expected.elements.map(abs).max() ?? 0)
    var worst = (ratio: 0.0, index: 0)
    for index in expected.elements.indices {
        let scale = max(abs(expected.elements[index]), floor)
        let deviation = abs(actual.elements[index] - expected.elements[index])
        let ratio = scale == 0 ? deviation : deviation / scale
        if !worst.ratio.isNaN, ratio.isNaN || ratio > worst.ratio { worst = (ratio, index) }
    }
    let (row, column) = (worst.index % max(1, expected.rows), worst.index / max(1, expected.rows))
    #expect(
        worst.ratio <= relative,
        "\(what)[\(row), \(column)] = \(actual.elements.isEmpty ? 0 : actual[row, column]), expected \(expected.elements.isEmpty ? 0 : expected[row, column])",
        sourceLocation: sourceLocation)
}

func expectClose(
    _ actual: [Double], _ expected: [Double], relative: Double = 1e-9, _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    expectClose(Matrix(column: actual), Matrix(column: expected), relative: relative, what, sourceLocation: sourceLocation)
}
