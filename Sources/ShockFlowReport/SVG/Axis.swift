import Foundation

/// A linear scale from data values to pixels, with "nice" round tick values (1, 2 or 5 × 10ⁿ steps).
struct LinearScale {
    let lower: Double, upper: Double
    let pixelStart: Double, pixelEnd: Double

    /// A scale covering `values` (and `including`, e.g. 0 for bars), widened to round ticks.
    init(covering values: [Double], including extra: [Double] = [], pixels: (start: Double, end: Double)) {
        let all = (values + extra).filter(\.isFinite)
        var low = all.min() ?? 0, high = all.max() ?? 1
        if low == high {
            let pad = low == 0 ? 1 : abs(low) * 0.05
            low -= pad
            high += pad
        }
        let step = Self.niceStep((high - low) / 5)
        lower = (low / step).rounded(.down) * step
        upper = (high / step).rounded(.up) * step
        pixelStart = pixels.start
        pixelEnd = pixels.end
    }

    func pixel(_ value: Double) -> Double {
        pixelStart + (value - lower) / (upper - lower) * (pixelEnd - pixelStart)
    }

    /// Round values between the bounds, about five of them.
    var ticks: [Double] {
        let step = Self.niceStep((upper - lower) / 5)
        let first = (lower / step).rounded(.up)
        let last = (upper / step).rounded(.down)
        guard first <= last, last - first < 50 else { return [lower, upper] }
        return stride(from: first, through: last, by: 1).map { $0 * step }
    }

    /// The round step (1, 2 or 5 × 10ⁿ) nearest above `rough`.
    static func niceStep(_ rough: Double) -> Double {
        guard rough > 0, rough.isFinite else { return 1 }
        let power = pow(10, floor(log10(rough)))
        let fraction = rough / power
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        return nice * power
    }
}

/// Short numbers for chart labels: three significant digits and thousand, million, billion, trillion
/// written k, M, bn, tn (the unit stays in the axis title).
enum CompactNumber {
    static func format(_ value: Double, signed: Bool = false) -> String {
        guard value.isFinite else { return "–" }
        let magnitude = abs(value)
        let sign = value < 0 ? "−" : (signed && value > 0 ? "+" : "")
        if magnitude == 0 { return "0" }
        let suffixes: [(Double, String)] = [(1e12, " tn"), (1e9, " bn"), (1e6, " M"), (1e3, " k")]
        for (scale, suffix) in suffixes where magnitude >= scale {
            return sign + significant(magnitude / scale) + suffix
        }
        if magnitude < 1e-3 { return sign + String(format: "%.2e", magnitude) }
        return sign + significant(magnitude)
    }

    /// A share (0.01 = 1 %) as a percentage with up to two decimals.
    static func percent(_ share: Double, signed: Bool = false) -> String {
        let value = share * 100
        let sign = value < 0 ? "−" : (signed && value > 0 ? "+" : "")
        let magnitude = abs(value)
        let text = magnitude >= 10 ? String(format: "%.1f", magnitude) : String(format: "%.2f", magnitude)
        return (text == "0.00" ? "" : sign) + text + " %"
    }

    private static func significant(_ magnitude: Double) -> String {
        let decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2
        var text = String(format: "%.\(decimals)f", magnitude)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
