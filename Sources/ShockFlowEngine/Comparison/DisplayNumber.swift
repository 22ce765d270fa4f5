import Foundation

/// Numbers for people: six significant digits, thousands separators, a sign on changes; very large
/// and very small magnitudes in scientific notation. Files keep the exact round-trip form instead.
enum DisplayNumber {
    static func format(_ value: Double, signed: Bool = false) -> String {
        let sign = value < 0 ? "-" : (signed && value > 0 ? "+" : "")
        let magnitude = abs(value)
        guard magnitude != 0 else { return "0" }
        guard magnitude >= 1e-4, magnitude < 1e15 else { return sign + String(format: "%.4e", magnitude) }
        let decimals = min(9, max(0, 5 - Int(floor(log10(magnitude)))))
        return sign + grouped(String(format: "%.\(decimals)f", magnitude))
    }

    /// A relative difference as a signed percentage: two decimals, or scientific below 0.01 %.
    static func percent(_ relative: Double) -> String {
        let percent = relative * 100
        guard percent != 0 else { return "0 %" }
        let sign = percent < 0 ? "-" : "+"
        guard abs(percent) >= 0.01 else { return sign + String(format: "%.2e", abs(percent)) + " %" }
        return sign + grouped(String(format: "%.2f", abs(percent)), trimmingZeros: false) + " %"
    }

    /// Commas between thousands of the integer part; trailing zeros of the fraction dropped unless asked.
    private static func grouped(_ text: String, trimmingZeros: Bool = true) -> String {
        let parts = text.split(separator: ".", maxSplits: 1)
        let integer = Array(parts[0])
        var result = ""
        for (index, digit) in integer.enumerated() {
            if index > 0, (integer.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        guard parts.count == 2 else { return result }
        let fraction = trimmingZeros ? String(parts[1].reversed().drop { $0 == "0" }.reversed()) : String(parts[1])
        return fraction.isEmpty ? result : result + "." + fraction
    }
}
