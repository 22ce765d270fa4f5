#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decimal text to `Double`, correctly rounded, as fast as the common cases allow.
///
/// Plain decimals with at most 19 significant digits whose value is an integer ≤ 2⁵³ times a
/// power of ten within 10^±22 are converted exactly with one multiplication or division
/// (Clinger's fast path: both operands are exact doubles, so the IEEE result is correctly
/// rounded); everything else goes to the C library's `strtod`. Both give the same bits.
package enum NumberParsing {
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]
    private static let largestExactInteger: UInt64 = 1 << 53

    /// Parses all of `count` bytes at `text` as a number; nil if they are not one.
    /// NaN and infinities come back as such: callers decide whether to accept them.
    static func parse(_ text: UnsafePointer<UInt8>, count: Int) -> Double? {
        var index = 0
        var negative = false
        if index < count, text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") {
            negative = text[index] == UInt8(ascii: "-")
            index += 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var decimalExponent = 0
        let integerStart = index
        guard accumulateDigits(text, count, &index, &mantissa, &significantDigits) else {
            return parseWithStrtod(text, count: count)
        }
        var digitsSeen = index - integerStart
        if index < count, text[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            guard accumulateDigits(text, count, &index, &mantissa, &significantDigits) else {
                return parseWithStrtod(text, count: count)
            }
            decimalExponent = fractionStart - index
            digitsSeen += index - fractionStart
        }
        guard digitsSeen > 0 else { return parseWithStrtod(text, count: count) }
        if index < count, text[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            var exponentNegative = false
            if index < count, text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") {
                exponentNegative = text[index] == UInt8(ascii: "-")
                index += 1
            }
            var exponent = 0
            var exponentDigits = 0
            while index < count, text[index] &- UInt8(ascii: "0") < 10 {
                if exponent < 100_000 { exponent = exponent * 10 + Int(text[index] &- UInt8(ascii: "0")) }
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0 else { return nil }
            decimalExponent += exponentNegative ? -exponent : exponent
        }
        guard index == count else { return parseWithStrtod(text, count: count) }
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        guard mantissa <= largestExactInteger, decimalExponent >= -22, decimalExponent <= 22 else {
            return parseWithStrtod(text, count: count)
        }
        var value = Double(mantissa)
        value = decimalExponent < 0
            ? value / powersOfTen[-decimalExponent] : value * powersOfTen[decimalExponent]
        return negative ? -value : value
    }

    /// Appends the decimal digits at `index` to `mantissa`; false past 19 significant digits.
    @inline(__always)
    private static func accumulateDigits(
        _ text: UnsafePointer<UInt8>, _ count: Int, _ index: inout Int, _ mantissa: inout UInt64,
        _ significantDigits: inout Int
    ) -> Bool {
        while index < count {
            let digit = text[index] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            guard significantDigits < 19 else { return false }
            mantissa = mantissa &* 10 &+ UInt64(digit)
            if mantissa != 0 { significantDigits += 1 }
            index += 1
        }
        return true
    }

    /// `strtod` on a NUL-terminated copy; the whole text must be consumed.
    /// True when the bytes are certainly a finite decimal number, `[+-]digits[.digits][(e|E)[+-]digits]`
    /// below 10^300, told by looking at them alone (no conversion): a check that a field is a number
    /// costs less than parsing it. False means "parse to know" (`parse` then decides), not "not a number".
    package static func isCertainlyFiniteDecimal(_ text: UnsafePointer<UInt8>, count: Int) -> Bool {
        var index = 0
        if index < count, text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") { index += 1 }
        var integerDigits = 0, fractionDigits = 0
        while index < count, text[index] &- UInt8(ascii: "0") < 10 { index += 1; integerDigits += 1 }
        if index < count, text[index] == UInt8(ascii: ".") {
            index += 1
            while index < count, text[index] &- UInt8(ascii: "0") < 10 { index += 1; fractionDigits += 1 }
        }
        guard integerDigits + fractionDigits > 0, integerDigits < 300 else { return false }
        guard index < count else { return true }
        guard text[index] | 0x20 == UInt8(ascii: "e") else { return false }
        index += 1
        let negativeExponent = index < count && text[index] == UInt8(ascii: "-")
        if index < count, text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") { index += 1 }
        var exponent = 0, exponentDigits = 0
        while index < count, text[index] &- UInt8(ascii: "0") < 10, exponentDigits < 4 {
            exponent = exponent * 10 + Int(text[index] &- UInt8(ascii: "0"))
            index += 1
            exponentDigits += 1
        }
        return index == count && exponentDigits > 0 && (negativeExponent || integerDigits + exponent < 300)
    }

    private static func parseWithStrtod(_ text: UnsafePointer<UInt8>, count: Int) -> Double? {
        guard count > 0 else { return nil }
        // strtod also reads C's hexadecimal floats (`0x1p3`); data files hold decimal numbers only.
        for index in 0..<count where text[index] | 0x20 == UInt8(ascii: "x") { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { buffer in
            guard let start = buffer.baseAddress else { return nil }
            UnsafeMutableRawPointer(start).copyMemory(from: text, byteCount: count)
            start[count] = 0
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(start, &end)
            return end == start + count ? value : nil
        }
    }
}
