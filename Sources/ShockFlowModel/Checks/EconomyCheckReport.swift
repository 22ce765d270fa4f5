/// How serious a finding is: any `error` fails the economy.
public enum CheckSeverity: Int, Comparable, Sendable, CustomStringConvertible {
    case info
    case warning
    case error

    public static func < (lhs: CheckSeverity, rhs: CheckSeverity) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .info: return "info"
        case .warning: return "warning"
        case .error: return "error"
        }
    }
}

/// What a finding is about.
public enum CheckKind: String, Sendable {
    /// An array's size does not fit the economy's cells, final-demand columns or products.
    case inconsistentShape
    /// A NaN or ±Inf in any array.
    case nonFiniteValue
    case negativeOutput
    case zeroOutput
    case negativeIntermediateFlow
    /// Negative final demand (inventory draw-downs, discrepancies): allowed, reported.
    case negativeFinalDemand
    /// MODEL (1): x = Z·1 + Y·1.
    case rowBalance
    /// MODEL (2): x = Zᵀ·1 + v + m_total.
    case columnBalance
    /// A column of A sums to 1 or more, so I − A need not be invertible.
    case coefficientColumnSum
    /// I − A cannot be factored.
    case singularSystem
    /// The estimated condition number of I − A.
    case conditioning
}

/// One result of the checks, with a message that names cells by region and sector code.
public struct CheckFinding: Sendable, Equatable {
    public var severity: CheckSeverity
    public var kind: CheckKind
    /// The cells concerned (i = r·S + s), worst first; empty when the finding is not about cells.
    public var cells: [Int]
    public var message: String

    public init(severity: CheckSeverity, kind: CheckKind, cells: [Int] = [], message: String) {
        self.severity = severity
        self.kind = kind
        self.cells = cells
        self.message = message
    }
}

/// The outcome of one balance identity over all cells.
public struct BalanceSummary: Sendable, Equatable {
    /// The cell with the largest relative error (nil when the economy has no cells).
    public var worstCell: Int?
    /// |x_i − s_i| / max(|x_i|, |s_i|) at the worst cell, s the other side of the identity.
    public var worstRelativeError: Double
    /// How many cells exceed the tolerance (plus the rounding allowance).
    public var failingCellCount: Int
    /// How far apart the sides may be beyond the relative tolerance because the table's values are
    /// rounded (`EconomyMetadata.rounding`), in the money unit; 0 for an unrounded table.
    public var roundingAllowance: Double
}

/// Everything the checks of MODEL section 1 found in an economy; a value, nothing printed.
public struct EconomyCheckReport: Sendable, Equatable {
    public var options: CheckOptions
    /// Findings in the order the checks ran.
    public var findings: [CheckFinding]
    /// MODEL (1); nil when the check could not run (inconsistent shapes or non-finite values).
    public var rowBalance: BalanceSummary?
    /// MODEL (2); nil when the check could not run.
    public var columnBalance: BalanceSummary?
    /// Cells with x_i = 0: excluded from coefficients.
    public var zeroOutputCells: [Int]
    /// The 1-norm condition number of I − A estimated by `dgecon` (∞ when singular); nil when not estimated.
    public var conditionNumber: Double?

    /// True when no finding is an error.
    public var passed: Bool { !findings.contains { $0.severity == .error } }
}
