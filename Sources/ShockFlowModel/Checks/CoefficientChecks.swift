import Foundation
import ShockFlowLinearAlgebra

extension Economy {
    /// Column sums of A below 1 (errors name each failing column) and the condition number
    /// of I − A estimated with `dgecon` (a warning above the threshold, an error when singular).
    ///
    /// With `estimateCondition` false, I − A is factored only when that is needed to tell whether it
    /// is singular: not when every absolute column sum of A is below 1, since I − A is then strictly
    /// diagonally dominant by columns and so invertible (Levy–Desplanques), and its condition number
    /// is at most (1 + s)/(1 − s), s the largest of those sums. The errors are the same either way;
    /// the condition number is then nil.
    func coefficientChecks(conditionWarningThreshold: Double, estimateCondition: Bool = true) throws
        -> (findings: [CheckFinding], conditionNumber: Double?)
    {
        var findings: [CheckFinding] = []
        let coefficients = try InputOutputCoefficients.technical(
            intermediateFlows: intermediateFlows, grossOutput: grossOutput)
        let columnSums = try coefficients.columnSums()
        // NaN (an overflowing coefficient times a zero flow) fails too, and sorts first.
        let sortKey = { (column: Int) in columnSums[column].isNaN ? Double.infinity : columnSums[column] }
        let failing = columnSums.indices.filter { !(columnSums[$0] < 1) }.sorted { sortKey($0) > sortKey($1) }
        if !failing.isEmpty {
            findings.append(
                CheckFinding(
                    severity: .error, kind: .coefficientColumnSum, cells: failing,
                    message: "the inputs of \(pluralized(failing.count, "cell")) are worth at least their output "
                        + "(column sum of A ≥ 1), so I − A need not be invertible: "
                        + describeCells(failing, limit: 10) { " (column sum \(formatForMessage(columnSums[$0])))" }))
        }
        if !estimateCondition, failing.isEmpty, coefficients.largestAbsoluteColumnSum() < 1 {
            return (findings, nil)
        }
        let factorization: LUFactorization
        do {
            factorization = try LUFactorization(coefficients.identityMinus())
        } catch LinearAlgebraError.singular(let pivot) {
            findings.append(singularFinding(column: pivot - 1))
            return (findings, .infinity)
        }
        let reciprocal = try factorization.reciprocalConditionNumber()
        guard reciprocal > 0 else {
            findings.append(singularFinding(column: nil))
            return (findings, .infinity)
        }
        let condition = 1 / reciprocal
        let estimate = "estimated 1-norm condition number of I − A: \(formatForMessage(condition)) (dgecon)"
        if condition > conditionWarningThreshold {
            findings.append(
                CheckFinding(
                    severity: .warning, kind: .conditioning,
                    message: "\(estimate), above \(formatForMessage(conditionWarningThreshold)): solutions may "
                        + "lose about \(Int(log10(condition).rounded())) of their 16 significant digits"))
        } else {
            findings.append(CheckFinding(severity: .info, kind: .conditioning, message: estimate))
        }
        return (findings, condition)
    }

    private func singularFinding(column: Int?) -> CheckFinding {
        let location = column.map { " (no usable pivot in the column of \(describeCell($0)))" } ?? ""
        return CheckFinding(
            severity: .error, kind: .singularSystem, cells: column.map { [$0] } ?? [],
            message: "I − A is singular\(location): the Leontief inverse does not exist")
    }
}

extension Matrix {
    /// max_j Σ_i |m_ij| (the 1-norm); NaN when an entry is NaN.
    fileprivate func largestAbsoluteColumnSum() -> Double {
        var largest = 0.0
        for column in 0..<columns {
            var sum = 0.0
            for row in 0..<rows { sum += abs(elements[row + column * rows]) }
            if sum.isNaN { return .nan }
            largest = max(largest, sum)
        }
        return largest
    }
}
