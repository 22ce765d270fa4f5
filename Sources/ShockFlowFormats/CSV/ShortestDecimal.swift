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
        let powers = powersOfTen
        var exponent = k0 - 16
        var best: Int?
        while exponent < 0 {
            guard -exponent < powers.count else { return false }
            let scale = powers[-exponent]
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
        let scale = powers[-best]
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
        guard let digits, digits < powers[18] else { return false }
        // It has k0 − best + 1 digits, or one more; counted from there (not from one) to keep the branches few.
        var count = max(1, k0 - best + 1)
        while count > 1, digits < powers[count - 1] { count -= 1 }
        while digits >= powers[count] { count += 1 }
        write(UInt64(digits), count: count, exponent: best, negative: value < 0, to: &bytes)
        return true
    }

    /// 10^0 … 10^22.
    private static let powersOfTen: [UInt128] = {
        var powers: [UInt128] = [1]
        for _ in 1...22 { powers.append(powers[powers.count - 1] * 10) }
        return powers
    }()

    /// digits (`count` of them)·10^exponent in Swift's layout: `0.000123`, `123.456`, or below 10⁻⁴ `1.23e-05`. The digits
    /// are made eight at a time (`eightDigits`) into 24 bytes on the stack, then copied around the point.
    private static func write(_ digits: UInt64, count: Int, exponent: Int, negative: Bool, to bytes: inout [UInt8]) {
        let leading = exponent + count - 1  // the first digit's decimal exponent
        var text = (
            eightDigits(digits / 10_000_000_000_000_000), eightDigits((digits / 100_000_000) % 100_000_000),
            eightDigits(digits % 100_000_000))
        withUnsafeBytes(of: &text) { text in
            let significant = UnsafeRawBufferPointer(rebasing: text[(24 - count)...])
            if negative { bytes.append(UInt8(ascii: "-")) }
            if leading < -4 {
                bytes.append(significant[0])
                if count > 1 {
                    bytes.append(UInt8(ascii: "."))
                    bytes.append(contentsOf: significant[1...])
                }
                bytes.append(contentsOf: [
                    UInt8(ascii: "e"), UInt8(ascii: "-"), UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: -leading / 10),
                    UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: -leading % 10),
                ])
            } else if leading < 0 {
                bytes.append(contentsOf: [UInt8(ascii: "0"), UInt8(ascii: ".")])
                bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -leading - 1))
                bytes.append(contentsOf: significant)
            } else {
                // Not whole, so there are digits after the point.
                bytes.append(contentsOf: significant[...leading])
                bytes.append(UInt8(ascii: "."))
                bytes.append(contentsOf: significant[(leading + 1)...])
            }
        }
    }

    /// A number below 10⁸ as eight ASCII digits, the first in the lowest byte (little-endian memory
    /// order): split into halves of four digits, pairs, then single digits, all lanes at once.
    private static func eightDigits(_ value: UInt64) -> UInt64 {
        let high = value / 10_000
        let fours = high | ((value - high * 10_000) << 32)
        let twosHigh = ((fours &* 10_486) >> 20) & 0x0000_007F_0000_007F
        let pairs = twosHigh | ((fours &- 100 &* twosHigh) << 16)
        let onesHigh = ((pairs &* 103) >> 10) & 0x000F_000F_000F_000F
        let singles = onesHigh | ((pairs &- 10 &* onesHigh) << 8)
        return (singles &+ 0x3030_3030_3030_3030).littleEndian
    }
}
