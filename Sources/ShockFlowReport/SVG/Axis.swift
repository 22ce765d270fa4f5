import Foundation

/// A linear scale from data values to pixels, with round tick values (1, 2 or 5 × 10ᵏ apart).
struct LinearScale {
    let lower: Double, upper: Double
    let pixelStart: Double, pixelEnd: Double
    /// The tick values, ascending, and the step between round ticks (for the labels' decimals).
    let ticks: [Double]
    let step: Double

    /// A value axis covering `values` (and `including`, e.g. 0 for bars), widened to the round ticks
    /// just outside the data; about `intervals` intervals between ticks.
    init(covering values: [Double], including extra: [Double] = [], pixels: (start: Double, end: Double), intervals: Int = 5) {
        let all = (values + extra).filter(\.isFinite)
        var low = all.min() ?? 0, high = all.max() ?? 1
        if low == high {
            let pad = low == 0 ? 1 : abs(low) * 0.05
            low -= pad
            high += pad
        }
        let step = RoundStep(covering: high - low, intervals: intervals)
        let first = (low / step.value + 1e-9).rounded(.down), last = (high / step.value - 1e-9).rounded(.up)
        ticks = stride(from: first, through: last, by: 1).map(step.multiple)
        lower = ticks.first ?? low
        upper = ticks.last ?? high
        self.step = step.value
        pixelStart = pixels.start
        pixelEnd = pixels.end
    }

    /// A time axis of `count` periods (0 … count − 1) that follows the horizon exactly: the first and
    /// last period at the ends (`cells`: each period a cell of equal width, ticks at the cells' middles).
    /// Ticks are whole periods 1, 2 or 5 × 10ᵏ apart, at least `spacing` pixels, and always the last period.
    init(periods count: Int, pixels: (start: Double, end: Double), cells: Bool = false, spacing: Double = 28) {
        let last = max(count - 1, 0)
        if cells || last == 0 {
            lower = -0.5
            upper = Double(last) + 0.5
        } else {
            lower = 0
            upper = Double(last)
        }
        pixelStart = pixels.start
        pixelEnd = pixels.end
        let perPeriod = abs(pixels.end - pixels.start) / (upper - lower)
        var step = RoundStep(mantissa: 1, exponent: 0)
        while step.value * perPeriod < spacing, step.value < Double(max(last, 1)) { step = step.next }
        var ticks = stride(from: 0.0, through: Double(last), by: step.value).map { $0 }
        if let previous = ticks.last, previous < Double(last) {
            // The last period is always labelled; the round tick before it goes when the labels would touch.
            let width = TickLabels.estimatedWidth(String(last)) / 2 + TickLabels.estimatedWidth(String(Int(previous))) / 2 + 4
            if (Double(last) - previous) * perPeriod < width { ticks.removeLast() }
            ticks.append(Double(last))
        }
        self.ticks = ticks
        self.step = step.value
    }

    func pixel(_ value: Double) -> Double {
        pixelStart + (value - lower) / (upper - lower) * (pixelEnd - pixelStart)
    }
}

/// A round step, mantissa 1, 2 or 5 times 10^exponent, kept apart so that multiples come out as the
/// decimal numbers they name (3 × 0.001 is 0.003, not 0.0030000000000000001).
struct RoundStep {
    var mantissa: Int
    var exponent: Int

    init(mantissa: Int, exponent: Int) {
        self.mantissa = mantissa
        self.exponent = exponent
    }

    /// The smallest round step that divides `span` into at most `intervals` intervals.
    init(covering span: Double, intervals: Int) {
        guard span > 0, span.isFinite else {
            self.init(mantissa: 1, exponent: 0)
            return
        }
        let rough = span / Double(max(intervals, 1))
        var step = RoundStep(mantissa: 1, exponent: Int(floor(log10(rough))) - 1)
        while step.value < rough * (1 - 1e-12) { step = step.next }
        self = step
    }

    var value: Double { multiple(1) }

    /// The next round step up: 1 → 2 → 5 → 10.
    var next: RoundStep {
        switch mantissa {
        case 1: RoundStep(mantissa: 2, exponent: exponent)
        case 2: RoundStep(mantissa: 5, exponent: exponent)
        default: RoundStep(mantissa: 1, exponent: exponent + 1)
        }
    }

    /// k times the step, computed as k·mantissa scaled by a power of ten (exact for whole k·mantissa).
    func multiple(_ k: Double) -> Double {
        let whole = k * Double(mantissa)
        return exponent >= 0 ? whole * pow(10, Double(exponent)) : whole / pow(10, Double(-exponent))
    }
}

/// Tick labels: the same number of decimals on every label of an axis, and enough of them that
/// neighbouring labels differ (0.009, 0.010, 0.011 rather than 0.01 twice).
enum TickLabels {
    /// Labels for `ticks` (`step` apart) divided by `divisor`; with `suffixed`, thousand, million,
    /// billion and trillion as k, M, bn, tn chosen by the largest tick; `percent` appends " %".
    static func labels(_ ticks: [Double], step: Double, divisor: Double = 1, suffixed: Bool = false, percent: Bool = false) -> [String] {
        var shown = ticks.map { $0 / divisor }
        var shownStep = abs(step / divisor)
        let largest = shown.map(abs).max() ?? 0
        var suffix = ""
        if suffixed, let unit = CompactNumber.suffixes.first(where: { largest >= $0.scale }) {
            shown = shown.map { $0 / unit.scale }
            shownStep /= unit.scale
            suffix = unit.suffix
        }
        let tail = suffix + (percent ? " %" : "")
        let top = shown.map(abs).max() ?? 0
        if top > 0, top < 1e-3 { return scientific(shown, step: shownStep, largest: top, tail: tail) }
        var decimals = shownStep > 0 ? max(0, -Int(floor(log10(shownStep) + 1e-9))) : 0
        while true {
            let labels = shown.map { fixed($0, decimals: decimals) + ($0 == 0 ? (percent ? " %" : "") : tail) }
            if Set(labels).count == labels.count || decimals >= 15 { return labels }
            decimals += 1
        }
    }

    /// Tiny values with one power of ten for the axis: 0, 2×10⁻⁷ … 1.0×10⁻⁶ read as 0.2×10⁻⁶ … 1.0×10⁻⁶.
    private static func scientific(_ shown: [Double], step: Double, largest: Double, tail: String) -> [String] {
        let exponent = Int(floor(log10(largest) + 1e-9))
        let power = pow(10, Double(exponent))
        var decimals = step > 0 ? max(0, exponent - Int(floor(log10(step) + 1e-9))) : 0
        while true {
            let labels = shown.map { $0 == 0 ? "0" : fixed($0 / power, decimals: decimals) + "×10" + superscript(exponent) + tail }
            if Set(labels).count == labels.count || decimals >= 15 { return labels }
            decimals += 1
        }
    }

    /// `value` with `decimals` decimals and a real minus sign; 0 as `0`, and without a sign when it rounds to zero.
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value != 0 else { return "0" }
        let text = String(format: "%.\(decimals)f", abs(value))
        let isZero = text.allSatisfy { $0 == "0" || $0 == "." }
        return isZero ? text : (value < 0 ? "−" : "") + text
    }

    static func superscript(_ number: Int) -> String {
        let digits: [Character: Character] = [
            "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻",
        ]
        return String(String(number).map { digits[$0] ?? $0 })
    }

    /// Roughly how wide a label is at the charts' 10–11 px font, for spacing ticks and shortening labels.
    static func estimatedWidth(_ text: String) -> Double { Double(text.count) * 6.2 }
}

/// Short numbers for chart labels: three significant digits and thousand, million, billion, trillion
/// written k, M, bn, tn (the unit stays in the axis title).
enum CompactNumber {
    static let suffixes: [(scale: Double, suffix: String)] = [(1e12, " tn"), (1e9, " bn"), (1e6, " M"), (1e3, " k")]

    static func format(_ value: Double, signed: Bool = false) -> String {
        guard value.isFinite else { return "–" }
        let magnitude = abs(value)
        let sign = value < 0 ? "−" : (signed && value > 0 ? "+" : "")
        if magnitude == 0 { return "0" }
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

    /// Three significant digits, trailing zeros of the fraction dropped.
    static func significant(_ magnitude: Double) -> String {
        guard magnitude > 0 else { return "0" }
        let decimals = max(0, 2 - Int(floor(log10(magnitude) + 1e-12)))
        var text = String(format: "%.\(decimals)f", magnitude)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
