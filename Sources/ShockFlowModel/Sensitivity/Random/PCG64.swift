/// numpy's default bit generator, PCG64 (128-bit LCG, XSL-RR output), seeded as
/// `numpy.random.default_rng(seed)` is. Drawing through the same numpy algorithms
/// (`integers`, `random`, `uniform`, `shuffle`) gives SALib's samples and bootstrap
/// resamples bit for bit; see docs/sensitivity.md.
public struct PCG64: RandomNumberGenerator, Sendable {
    private static let multiplierHigh: UInt64 = 2_549_297_995_355_413_924
    private static let multiplierLow: UInt64 = 4_865_540_595_714_422_341

    private var stateHigh: UInt64 = 0
    private var stateLow: UInt64 = 0
    private let incrementHigh: UInt64
    private let incrementLow: UInt64
    /// numpy hands out the upper half of a 64-bit draw as the next 32-bit draw.
    private var bufferedHalf: UInt32?

    public init(seed: UInt64) {
        let words = SeedSequence(seed: seed).generateState(count: 4)
        // pcg_setseq_128_srandom_r: inc = (initseq << 1) | 1; step; state += initstate; step.
        incrementHigh = (words[2] << 1) | (words[3] >> 63)
        incrementLow = (words[3] << 1) | 1
        step()
        let (low, carry) = stateLow.addingReportingOverflow(words[1])
        stateLow = low
        stateHigh = stateHigh &+ words[0] &+ (carry ? 1 : 0)
        step()
    }

    /// state ← state·multiplier + increment (mod 2¹²⁸).
    private mutating func step() {
        let (productHigh, productLow) = stateLow.multipliedFullWidth(by: Self.multiplierLow)
        let high = productHigh &+ stateHigh &* Self.multiplierLow &+ stateLow &* Self.multiplierHigh
        let (low, carry) = productLow.addingReportingOverflow(incrementLow)
        stateLow = low
        stateHigh = high &+ incrementHigh &+ (carry ? 1 : 0)
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        step()
        let folded = stateHigh ^ stateLow
        let rotation = stateHigh >> 58
        return (folded >> rotation) | (folded << ((64 &- rotation) & 63))
    }

    /// The next 32 random bits (numpy's `next_uint32`: two per 64-bit draw, low half first).
    public mutating func nextUInt32() -> UInt32 {
        if let half = bufferedHalf {
            bufferedHalf = nil
            return half
        }
        let draw = next()
        bufferedHalf = UInt32(truncatingIfNeeded: draw >> 32)
        return UInt32(truncatingIfNeeded: draw)
    }

    /// A uniform double in [0, 1) with 53 random bits (numpy's `random()`).
    public mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// A uniform integer in 0..<bound for bound ≤ 2³² (numpy's `integers(bound)`: Lemire's
    /// method on 32-bit draws).
    public mutating func nextInteger(below bound: Int) -> Int {
        precondition(bound >= 1 && bound <= 1 << 32, "bound must be in 1...2^32")
        if bound == 1 { return 0 }
        if bound == 1 << 32 { return Int(nextUInt32()) }
        let exclusive = UInt64(bound)
        var product = UInt64(nextUInt32()) * exclusive
        var leftover = UInt32(truncatingIfNeeded: product)
        if UInt64(leftover) < exclusive {
            let threshold = (UInt32.max - UInt32(bound - 1)) % UInt32(bound)
            while leftover < threshold {
                product = UInt64(nextUInt32()) * exclusive
                leftover = UInt32(truncatingIfNeeded: product)
            }
        }
        return Int(product >> 32)
    }

    /// A uniform integer in 0...maximum by masked rejection (numpy's `random_interval`,
    /// used by `shuffle`).
    mutating func nextInteger(atMost maximum: Int) -> Int {
        precondition(maximum >= 0 && maximum <= Int(UInt32.max), "maximum must fit 32 bits")
        if maximum == 0 { return 0 }
        var mask = UInt32(maximum)
        mask |= mask >> 1
        mask |= mask >> 2
        mask |= mask >> 4
        mask |= mask >> 8
        mask |= mask >> 16
        while true {
            let value = nextUInt32() & mask
            if value <= UInt32(maximum) { return Int(value) }
        }
    }

    /// Fisher–Yates in numpy's order (`Generator.shuffle`): swaps element i with a
    /// draw from 0...i for i from the last down to 1.
    public mutating func shuffle<T>(_ values: inout [T]) {
        guard values.count > 1 else { return }
        for i in stride(from: values.count - 1, through: 1, by: -1) {
            let j = nextInteger(atMost: i)
            values.swapAt(i, j)
        }
    }
}
