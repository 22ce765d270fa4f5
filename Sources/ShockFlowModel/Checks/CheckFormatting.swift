import Foundation

/// A number in a message: three significant digits (`2.86e-02`, `103`).
func formatForMessage(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
    return String(format: "%.3g", value)
}

/// "1 cell", "3 cells".
func pluralized(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
