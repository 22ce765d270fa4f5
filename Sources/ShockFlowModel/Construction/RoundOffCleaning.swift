/// Entries the 2017 tables hold only through round-off, set to exact zeros.
public struct RoundOffCleaning: Sendable, Equatable {
    /// Negative exports, outflows, imports or inflows (two inflows of −5e-8 in 2017), set to 0.
    public var negativeTradeCount: Int
    public var negativeTradeTotal: Double
    /// Outputs of magnitude below the threshold (Jiangxi 03: 5e-9, Tibet 16: 4e-10), set to 0.
    public var zeroedOutputCount: Int
    public var zeroedOutputTotal: Double
}

/// Sets negative trade entries to zero (a trade flow cannot be negative, and the origin shares built
/// from them must not be) and outputs below `outputThreshold` in magnitude to exactly zero (a cell
/// with no output sells nothing, so its row of the built table is exactly zero).
public func cleanRoundOff(in tables: inout [SingleRegionTable], outputThreshold: Double) -> RoundOffCleaning {
    var report = RoundOffCleaning(negativeTradeCount: 0, negativeTradeTotal: 0, zeroedOutputCount: 0, zeroedOutputTotal: 0)
    func clamp(_ values: inout [Double]) {
        for index in values.indices where values[index] < 0 {
            report.negativeTradeCount += 1
            report.negativeTradeTotal -= values[index]
            values[index] = 0
        }
    }
    for r in tables.indices {
        clamp(&tables[r].exports)
        clamp(&tables[r].outflows)
        clamp(&tables[r].imports)
        clamp(&tables[r].inflows)
        for p in tables[r].grossOutput.indices
        where tables[r].grossOutput[p] != 0 && abs(tables[r].grossOutput[p]) < outputThreshold {
            report.zeroedOutputCount += 1
            report.zeroedOutputTotal += abs(tables[r].grossOutput[p])
            tables[r].grossOutput[p] = 0
        }
    }
    return report
}
