import ShockFlowLinearAlgebra

/// The outcome of hypothetically extracting a set of cells (MODEL (11)).
public struct ExtractionResult: Sendable, Equatable {
    /// The extracted cells E, ascending and without repeats.
    public let extractedCells: [Int]
    /// x = L·y with every cell in place.
    public let baselineOutput: [Double]
    /// x* = L*·y, where L* = (I − A*)⁻¹ and A* is A with the rows and columns of E set to zero.
    public let outputAfterExtraction: [Double]
    /// x − x* per cell.
    public let outputLoss: [Double]
    /// 1ᵀ(x − x*): how much the economy's output leans on E.
    public let totalOutputLoss: Double
}

extension InputOutputAnalysis {
    /// Removes the cells E from the intermediate network (they neither buy nor sell inputs)
    /// and recomputes output for the same final demand (MODEL (11)). Extracted cells keep
    /// producing their own final-demand sales, so x*_E = y_E.
    /// - Parameters:
    ///   - cells: the cell indices i = r·S + s to extract.
    ///   - finalDemand: y; the base year's Y·1 when nil.
    public func hypotheticalExtraction(of cells: [Int], finalDemand: [Double]? = nil) throws -> ExtractionResult {
        let n = cellCount
        if let outside = cells.first(where: { $0 < 0 || $0 >= n }) {
            throw StaticModelError.cellOutOfRange(index: outside, cellCount: n)
        }
        let y = finalDemand ?? totalFinalDemand
        guard y.count == n else {
            throw StaticModelError.inconsistentShape(
                field: "final demand for the extraction", expected: "\(n) values", actual: "\(y.count) values")
        }
        let extracted = Array(Set(cells)).sorted()
        var kept = [Double](repeating: 1, count: n)
        for e in extracted { kept[e] = 0 }
        // MODEL (11): A* = diag(k)·A·diag(k), k = 0 on E and 1 elsewhere: rows and columns E zeroed
        let reduced = try technicalCoefficients.scalingRows(by: kept).scalingColumns(by: kept)
        let reducedFactorization = try factorIdentityMinus(
            reduced, system: "I − A without the extracted cells", describeColumn: economy.describeCell,
            with: RefinedLUFactorization.init(identityMinus:))
        let baseline = try leontiefFactorization.solve(y)
        let afterExtraction = try reducedFactorization.solve(y)
        let loss = zip(baseline, afterExtraction).map { $0 - $1 }
        return ExtractionResult(
            extractedCells: extracted, baselineOutput: baseline, outputAfterExtraction: afterExtraction,
            outputLoss: loss, totalOutputLoss: loss.reduce(0, +))
    }
}
