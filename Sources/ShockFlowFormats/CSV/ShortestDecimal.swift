/// The shortest round-trip text of a Double, as Swift's `description` writes it, computed with exact
/// 128-bit integer arithmetic for the values result tables mostly hold: finite, not whole, of magnitude
/// in [10⁻⁵, 10¹⁶). About five times faster than `description` (no String is made); any value it is
/// not sure of (outside that range, a power of two, a decimal exactly on a rounding boundary or
/// exactly halfway between two candidates) it leaves to `description`, so the text is always the same.
///
/// The value is m·2^e with a 53-bit integer m; it reads back from any decimal strictly inside
/// ((2m − 1)·2^(e−1), (2m + 1)·2^(e−1)). The shortest such decimal d·10^q has the largest q for which
/// an integer d lies inside; among those d, the one closest to the value is written (as Swift does).
/// With f = 1 − e the test is (2m − 1)·10^(−q) < d·2^f < (2m + 1)·10^(−q), exact in UInt128 because
/// 2m + 1 < 2^54 and 10^(−q) ≤ 10^22 < 2^74.
enum ShortestDecimal {
    /// Appends the text of `value` and returns true, or returns false (appending nothing) when the
    /// value is outside what this handles.
    static func append(_ value: Double, to bytes: inout [UInt8]) -> Bool {
        let magnitude = value.magnitude
        guard magnitude >= 1e-5, magnitude < 1e16, value.significandBitPattern != 0,
            magnitude != magnitude.rounded(.towardZero)
        else { return false }
        // magnitude = m·2^e, in [2^(e+52), 2^(e+53)); its decimal exponent is k0 or k0 + 1.
        let significand = UInt128(value.significandBitPattern | (1 << 52))
        let binaryExponent = Int(value.exponentBitPattern) - 1075
        let shift = 1 - binaryExponent
        guard shift > 1, shift < 100 else { return false }
        let k0 = ((binaryExponent + 52) * 78913) >> 18  // ⌊(e + 52)·log10 2⌋ for |e + 52| < 2^10
        let center = significand << 1
        let lower = center - 1
        let upper = center + 1
        // From 17 or 18 significant digits (always enough) up, while a shorter decimal still fits.
        var exponent = k0 - 16
        var best: Int?
        while exponent < 0 {
            guard -exponent < powersOfTen.count else { return false }
            let scale = powersOfTen[-exponent]
            let lowerScaled = lower &* scale
            let upperScaled = upper &* scale
            let above = (lowerScaled &>> shift) &+ 1
            // A decimal exactly on a boundary: whether it reads back depends on rounding ties; not decided here.
            if (above &- 1) &<< shift == lowerScaled || (upperScaled &>> shift) &<< shift == upperScaled { return false }
            guard above &<< shift < upperScaled else { break }
            best = exponent
            exponent += 1
        }
        guard let best else { return false }
        let scale = powersOfTen[-best]
        let centerScaled = center &* scale
        let below = centerScaled >> shift
        let remainder = centerScaled - (below << shift)
        let half = UInt128(1) << (shift - 1)
        guard remainder != half else { return false }
        let nearest = remainder < half ? below : below + 1
        let other = remainder < half ? below + 1 : below
        let lowerScaled = lower &* scale
        let upperScaled = upper &* scale
        func inside(_ digits: UInt128) -> Bool { digits << shift > lowerScaled && digits << shift < upperScaled }
        let digits = inside(nearest) ? nearest : inside(other) ? other : nil
        guard let digits, digits < UInt128(UInt64.max) else { return false }
        write(UInt64(digits), exponent: best, negative: value < 0, to: &bytes)
        return true
    }

    /// 10^0 … 10^22.
    private static let powersOfTen: [UInt128] = {
        var powers: [UInt128] = [1]
        for _ in 1...22 { powers.append(powers[powers.count - 1] * 10) }
        return powers
    }()

    /// digits·10^exponent in Swift's layout: `0.000123`, `123.456`, or below 10⁻⁴ `1.23e-05`; composed
    /// on the stack and appended at once.
    private static func write(_ digits: UInt64, exponent: Int, negative: Bool, to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { text in
            // The digits, last first, at the end of the buffer: text[digitsStart..<48].
            var digitsStart = 48
            var rest = digits
            while rest > 0 {
                digitsStart -= 1
                text[digitsStart] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            }
            let count = 48 - digitsStart
            let leading = exponent + count - 1  // the first digit's decimal exponent
            var length = 0
            func put(_ byte: UInt8) {
                text[length] = byte
                length += 1
            }
            if negative { put(UInt8(ascii: "-")) }
            if leading < -4 {
                put(text[digitsStart])
                if count > 1 {
                    put(UInt8(ascii: "."))
                    for index in (digitsStart + 1)..<48 { put(text[index]) }
                }
                put(UInt8(ascii: "e"))
                put(UInt8(ascii: "-"))
                put(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: -leading / 10))
                put(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: -leading % 10))
            } else if leading < 0 {
                put(UInt8(ascii: "0"))
                put(UInt8(ascii: "."))
                for _ in 0..<(-leading - 1) { put(UInt8(ascii: "0")) }
                for index in digitsStart..<48 { put(text[index]) }
            } else {
                // Not whole, so there are digits after the point.
                for index in digitsStart...(digitsStart + leading) { put(text[index]) }
                put(UInt8(ascii: "."))
                for index in (digitsStart + leading + 1)..<48 { put(text[index]) }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[0..<length]))
        }
    }
}
