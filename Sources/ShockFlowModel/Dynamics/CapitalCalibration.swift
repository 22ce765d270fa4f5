import Foundation

/// Capital stocks K on the balanced path (MODEL section 4): their total makes the base budget
/// B(0) sustain growth g with gestation lag G, and cells share it by depreciation of fixed assets.
enum CapitalCalibration {
    /// Depreciation by cell with the gaps filled: D_i where D_i > 0, else its output times its
    /// sector's national D/x ratio (the economy-wide ratio when the sector has no positive D
    /// anywhere; output itself when there is no D at all). Zero for cells with zero output.
    /// Capital is shared out in proportion to it.
    static func filledDepreciation(_ depreciation: [Double]?, grossOutput: [Double], sectorCount: Int) -> [Double] {
        let n = grossOutput.count
        let reported = depreciation ?? [Double](repeating: 0, count: n)
        var sectorDepreciation = [Double](repeating: 0, count: sectorCount)
        var sectorOutput = [Double](repeating: 0, count: sectorCount)
        for i in 0..<n where reported[i] > 0 && grossOutput[i] > 0 {
            sectorDepreciation[i % sectorCount] += reported[i]
            sectorOutput[i % sectorCount] += grossOutput[i]
        }
        let totalDepreciation = sectorDepreciation.reduce(0, +), totalOutput = sectorOutput.reduce(0, +)
        let economyRatio = totalOutput > 0 ? totalDepreciation / totalOutput : 1
        var weights = [Double](repeating: 0, count: n)
        for i in 0..<n where grossOutput[i] > 0 {
            let sector = i % sectorCount
            let ratio = sectorOutput[sector] > 0 ? sectorDepreciation[sector] / sectorOutput[sector] : economyRatio
            weights[i] = reported[i] > 0 ? reported[i] : ratio * grossOutput[i]
        }
        return weights
    }

    /// Σ K = B(0) / ((δ + g)·(1 + g)^(G−1)), with δ, g per period.
    static func totalCapital(budget: Double, depreciation: Double, growth: Double, lag: Int) -> Double {
        budget / ((depreciation + growth) * pow(1 + growth, Double(lag - 1)))
    }
}
