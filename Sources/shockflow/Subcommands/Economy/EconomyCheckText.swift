import Foundation
import ShockFlowFormats
import ShockFlowModel

/// The readable report of `shockflow economy check`.
enum EconomyCheckText {
    static func render(loaded: LoadedEconomy, report: EconomyCheckReport) -> String {
        let economy = loaded.economy
        let metadata = economy.metadata
        var lines: [String] = []
        let year = metadata.year.map { ", \($0)" } ?? ""
        let rounding = metadata.rounding.map { ", values rounded to steps of \(number($0))" } ?? ""
        lines.append("Economy: \(metadata.name)\(year) — \(economy.regionCount) regions × \(economy.sectorCount) sectors = \(economy.cellCount) cells, \(economy.importProducts.count) imported products; money unit: \(metadata.moneyUnit)\(rounding)")
        lines.append("Read from: \(loaded.source.path) (\(loaded.source.format.rawValue))")
        for note in loaded.notes { lines.append("Note: \(note)") }
        let tolerance = number(report.options.relativeTolerance)
        if let row = report.rowBalance {
            lines.append("Row balance, MODEL (1) x = Z·1 + Y·1: " + balance(row, economy: economy, tolerance: tolerance))
        }
        if let column = report.columnBalance {
            lines.append("Column balance, MODEL (2) x = Zᵀ·1 + v + m: " + balance(column, economy: economy, tolerance: tolerance))
        }
        lines.append("Zero-output cells (excluded from coefficients): \(report.zeroOutputCells.count)")
        if let condition = report.conditionNumber {
            lines.append("Condition number of I − A (1-norm estimate): \(number(condition))")
        }
        let ordered = report.findings.sorted { $0.severity > $1.severity }
        if !ordered.isEmpty {
            lines.append("Findings:")
            for finding in ordered { lines.append("  \(finding.severity): \(finding.message)") }
        }
        let errors = report.findings.filter { $0.severity == .error }.count
        let warnings = report.findings.filter { $0.severity == .warning }.count
        lines.append(report.passed
            ? "Result: PASSED (\(warnings) warning\(warnings == 1 ? "" : "s"))"
            : "Result: FAILED (\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"))")
        return lines.joined(separator: "\n")
    }

    private static func balance(_ summary: BalanceSummary, economy: Economy, tolerance: String) -> String {
        guard let worst = summary.worstCell else { return "no cells" }
        let allowance = summary.roundingAllowance > 0
            ? " plus the rounding allowance \(number(summary.roundingAllowance)) \(economy.metadata.moneyUnit)" : ""
        return "worst relative error \(number(summary.worstRelativeError)) at \(economy.describeCell(worst)); "
            + "\(summary.failingCellCount) cell\(summary.failingCellCount == 1 ? "" : "s") above \(tolerance)\(allowance)"
    }

    private static func number(_ value: Double) -> String {
        if !value.isFinite { return value.isNaN ? "NaN" : "∞" }
        return String(format: "%.3g", value)
    }
}
