/// How numbers are written in every file ShockFlow produces.
public enum NumberFormatting {
    /// The shortest text that reads back to the same `Double`.
    ///
    /// Whole numbers below 10¹⁶ in magnitude are written as integers without a decimal point
    /// (`5`, `-12`, `1000000`), and −0 as `0`; every other value uses Swift's shortest
    /// round-trip form (`0.1`, `1234.5678`, `1e-07`, `2.5e+20`, `1e+16`). Non-finite values are written as
    /// `nan`, `inf` or `-inf`, which ShockFlow's readers refuse. Most fractions are written by
    /// `ShortestDecimal` straight into the bytes, the text `description` would give.
    public static func shortest(_ value: Double) -> String {
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `shortest(value)` to a byte buffer.
    package static func append(_ value: Double, to bytes: inout [UInt8]) {
        if value == value.rounded(.towardZero), abs(value) < 1e16 {
            appendInteger(Int64(value), to: &bytes)
        } else if !ShortestDecimal.append(value, to: &bytes) {
            bytes.append(contentsOf: value.description.utf8)
        }
    }

    private static func appendInteger(_ value: Int64, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        guard magnitude > 0 else {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        let start = bytes.count
        while magnitude > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        }
        bytes[start...].reverse()
    }
}
