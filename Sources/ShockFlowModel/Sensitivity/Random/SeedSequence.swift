/// numpy's `SeedSequence` (NEP 19) for one integer seed: hashes the seed into an entropy pool
/// and draws well-mixed 32-bit words from it, so `PCG64(seed:)` starts where
/// `numpy.random.default_rng(seed)` starts.
struct SeedSequence {
    private static let poolSize = 4
    private static let initA: UInt32 = 0x43b0_d7e5
    private static let multA: UInt32 = 0x931e_8875
    private static let initB: UInt32 = 0x8b51_f9dd
    private static let multB: UInt32 = 0x58f3_8ded
    private static let mixMultL: UInt32 = 0xca01_f9dd
    private static let mixMultR: UInt32 = 0x4973_f715

    private var pool = [UInt32](repeating: 0, count: SeedSequence.poolSize)

    init(seed: UInt64) {
        // The seed as little-endian 32-bit words (numpy's `_int_to_uint32_array`; 0 gives [0]).
        var entropy: [UInt32] = []
        var rest = seed
        repeat {
            entropy.append(UInt32(truncatingIfNeeded: rest))
            rest >>= 32
        } while rest > 0

        var hashConstant = Self.initA
        func hashMix(_ value: UInt32) -> UInt32 {
            var value = value ^ hashConstant
            hashConstant = hashConstant &* Self.multA
            value = value &* hashConstant
            return value ^ (value >> 16)
        }
        func mix(_ x: UInt32, _ y: UInt32) -> UInt32 {
            let result = (Self.mixMultL &* x) &- (Self.mixMultR &* y)
            return result ^ (result >> 16)
        }
        for i in 0..<Self.poolSize {
            pool[i] = hashMix(i < entropy.count ? entropy[i] : 0)
        }
        for source in 0..<Self.poolSize {
            for destination in 0..<Self.poolSize where source != destination {
                pool[destination] = mix(pool[destination], hashMix(pool[source]))
            }
        }
        for source in Self.poolSize..<max(Self.poolSize, entropy.count) {
            for destination in 0..<Self.poolSize {
                pool[destination] = mix(pool[destination], hashMix(entropy[source]))
            }
        }
    }

    /// `generate_state(count, np.uint64)`: 64-bit words made of little-endian pairs of 32-bit words.
    func generateState(count: Int) -> [UInt64] {
        var hashConstant = Self.initB
        var words: [UInt32] = []
        for i in 0..<(2 * count) {
            var value = pool[i % Self.poolSize] ^ hashConstant
            hashConstant = hashConstant &* Self.multB
            value = value &* hashConstant
            words.append(value ^ (value >> 16))
        }
        return (0..<count).map { UInt64(words[2 * $0]) | (UInt64(words[2 * $0 + 1]) << 32) }
    }
}
