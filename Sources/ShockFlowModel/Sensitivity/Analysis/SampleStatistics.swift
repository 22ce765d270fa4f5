/// Moments as numpy computes them (two-pass), in a fixed summation order.
enum SampleStatistics {
    static func mean(_ values: [Double]) -> Double {
        values.reduce(0, +) / Double(values.count)
    }

    /// Variance with divisor n − ddof.
    static func variance(_ values: [Double], degreesOfFreedomLost ddof: Int = 0) -> Double {
        let center = mean(values)
        return values.reduce(0) { $0 + ($1 - center) * ($1 - center) } / Double(values.count - ddof)
    }

    static func standardDeviation(_ values: [Double], degreesOfFreedomLost ddof: Int = 0) -> Double {
        variance(values, degreesOfFreedomLost: ddof).squareRoot()
    }

    /// Largest minus smallest value (numpy's `ptp`).
    static func range(_ values: [Double]) -> Double {
        guard let low = values.min(), let high = values.max() else { return 0 }
        return high - low
    }
}
