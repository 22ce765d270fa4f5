import ShockFlowLinearAlgebra

/// The result of bi-proportional (RAS) balancing: diag(r)·prior·diag(s) with the target margins.
public struct BiproportionalBalancing: Sendable, Equatable {
    public var matrix: Matrix
    /// Row-and-column scaling sweeps performed.
    public var iterations: Int
    /// Largest |row or column sum − target| / target over positive targets.
    public var relativeResidual: Double
    public var converged: Bool
}

/// RAS: alternately scales the rows of a non-negative prior to their targets and the columns to
/// theirs until the worst relative margin error is at most `tolerance` (or `maximumIterations`
/// sweeps are spent; then `converged` is false). Zero targets zero their row or column.
public func balanceBiproportionally(
    _ prior: Matrix, rowTargets: [Double], columnTargets: [Double], tolerance: Double, maximumIterations: Int
) throws -> BiproportionalBalancing {
    guard prior.rows == rowTargets.count, prior.columns == columnTargets.count else {
        throw ConstructionError.inconsistentInputs(
            "a \(prior.rows)×\(prior.columns) prior with \(rowTargets.count) row and \(columnTargets.count) column targets")
    }
    let rowTotal = rowTargets.reduce(0, +), columnTotal = columnTargets.reduce(0, +)
    guard abs(rowTotal - columnTotal) <= tolerance * max(abs(rowTotal), abs(columnTotal)) else {
        throw ConstructionError.inconsistentTargets(rowTotal: rowTotal, columnTotal: columnTotal)
    }
    var matrix = prior
    let rowSums = try matrix.rowSums(), columnSums = try matrix.columnSums()
    for (i, target) in rowTargets.enumerated() where target > 0 && !(rowSums[i] > 0) {
        throw ConstructionError.unreachableTarget(side: .outflows, index: i, target: target)
    }
    for (j, target) in columnTargets.enumerated() where target > 0 && !(columnSums[j] > 0) {
        throw ConstructionError.unreachableTarget(side: .inflows, index: j, target: target)
    }
    var iterations = 0
    var residual = try marginResidual(matrix, rowTargets: rowTargets, columnTargets: columnTargets)
    while residual > tolerance && iterations < maximumIterations {
        matrix = try matrix.scalingRows(by: scalingFactors(current: matrix.rowSums(), targets: rowTargets))
        matrix = try matrix.scalingColumns(by: scalingFactors(current: matrix.columnSums(), targets: columnTargets))
        iterations += 1
        residual = try marginResidual(matrix, rowTargets: rowTargets, columnTargets: columnTargets)
    }
    return BiproportionalBalancing(
        matrix: matrix, iterations: iterations, relativeResidual: residual, converged: residual <= tolerance)
}

/// target / current where current > 0; 0 where the target is 0 (or nothing can be scaled).
private func scalingFactors(current: [Double], targets: [Double]) -> [Double] {
    zip(current, targets).map { current, target in current > 0 ? target / current : 0 }
}

/// Largest relative error of the row and column sums against positive targets (absolute against zero ones).
private func marginResidual(_ matrix: Matrix, rowTargets: [Double], columnTargets: [Double]) throws -> Double {
    var worst = 0.0
    for (sums, targets) in [(try matrix.rowSums(), rowTargets), (try matrix.columnSums(), columnTargets)] {
        for (sum, target) in zip(sums, targets) {
            worst = max(worst, target > 0 ? abs(sum - target) / target : abs(sum))
        }
    }
    return worst
}
