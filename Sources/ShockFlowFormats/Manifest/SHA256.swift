import Foundation

/// SHA-256 (FIPS 180-4) of bytes, for the input hashes recorded in manifests.
/// Foundation on Linux has no CryptoKit; this small implementation is checked against the
/// standard's test vectors.
public struct SHA256 {
    private var state: [UInt32] = [
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
    ]
    private var pending: [UInt8] = []
    private var length: UInt64 = 0

    private static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    public init() {}

    public mutating func update<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        if bytes.withContiguousStorageIfAvailable({ update(UnsafeRawBufferPointer($0)) }) == nil {
            Array(bytes).withUnsafeBytes { update($0) }
        }
    }

    /// Hashes whole 64-byte blocks straight from `buffer`; only a partial block is kept.
    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        length &+= UInt64(buffer.count)
        var offset = 0
        if !pending.isEmpty {
            let take = min(64 - pending.count, buffer.count)
            pending.append(contentsOf: buffer[0..<take])
            offset = take
            if pending.count < 64 { return }
            let block = pending
            pending.removeAll(keepingCapacity: true)
            block.withUnsafeBytes { if let base = $0.baseAddress { compress(base, blockCount: 1) } }
        }
        let blockCount = (buffer.count - offset) / 64
        if blockCount > 0, let base = buffer.baseAddress {
            compress(base + offset, blockCount: blockCount)
            offset += 64 * blockCount
        }
        pending.append(contentsOf: buffer[offset...])
    }

    /// SHA-256 of a file, read in 1 MiB pieces into one reused buffer (memory stays flat whatever
    /// the file's size); with libcrypto's SHA-256 when the system has it (`LibcryptoSHA256`).
    public static func hex(ofFileAt path: String) -> String? {
        if let system = LibcryptoSHA256() {
            return hex(ofFileAt: path, update: system.update, finalize: system.finalize)
        }
        var hasher = SHA256()
        return hex(ofFileAt: path, update: { hasher.update($0); return true }, finalize: { hasher.finalize() })
    }

    /// The Swift implementation alone (for tests that compare it with libcrypto's).
    static func swiftHex(ofFileAt path: String) -> String? {
        var hasher = SHA256()
        return hex(ofFileAt: path, update: { hasher.update($0); return true }, finalize: { hasher.finalize() })
    }

    private static func hex(
        ofFileAt path: String, update: (UnsafeRawBufferPointer) -> Bool, finalize: () -> [UInt8]?
    ) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 64)
        defer { chunk.deallocate() }
        while true {
            let got = read(descriptor, chunk.baseAddress, chunk.count)
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { return nil }
            if got == 0 { break }
            guard update(UnsafeRawBufferPointer(rebasing: chunk[0..<got])) else { return nil }
        }
        return finalize().map(hexadecimal)
    }

    /// 64 lowercase hexadecimal digits.
    static func hexadecimal(_ digest: [UInt8]) -> String {
        digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The digest as 64 lowercase hexadecimal digits.
    public mutating func finalizeHex() -> String {
        Self.hexadecimal(finalize())
    }

    /// The 32-byte digest (big-endian words, as the standard writes it).
    public mutating func finalize() -> [UInt8] {
        let bitLength = length &* 8
        var tail: [UInt8] = [0x80]
        while (pending.count + tail.count) % 64 != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        let savedLength = length
        update(tail)
        length = savedLength
        return state.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (24 - 8 * $0)) } }
    }

    public static func hex<Bytes: Collection>(of bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalizeHex()
    }

    /// Hashes `blockCount` consecutive 64-byte blocks at `blocks` (FIPS 180-4 §6.2.2), with the
    /// state in locals and eight rounds unrolled per step so the registers rotate without moves.
    private mutating func compress(_ blocks: UnsafeRawPointer, blockCount: Int) {
        var (h0, h1, h2, h3) = (state[0], state[1], state[2], state[3])
        var (h4, h5, h6, h7) = (state[4], state[5], state[6], state[7])
        Self.roundConstants.withUnsafeBufferPointer { constants in
            guard let k = constants.baseAddress else { return }
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
                guard let w = schedule.baseAddress else { return }
                for block in 0..<blockCount {
                    let bytes = blocks + 64 * block
                    for t in 0..<16 { w[t] = UInt32(bigEndian: bytes.loadUnaligned(fromByteOffset: 4 * t, as: UInt32.self)) }
                    for t in 16..<64 {
                        let x = w[t - 15]
                        let y = w[t - 2]
                        let s0 = x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x >> 3)
                        let s1 = y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y >> 10)
                        w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
                    }
                    var (a, b, c, d, e, f, g, h) = (h0, h1, h2, h3, h4, h5, h6, h7)
                    for t in stride(from: 0, to: 64, by: 8) {
                        Self.round(a, b, c, &d, e, f, g, &h, k[t] &+ w[t])
                        Self.round(h, a, b, &c, d, e, f, &g, k[t + 1] &+ w[t + 1])
                        Self.round(g, h, a, &b, c, d, e, &f, k[t + 2] &+ w[t + 2])
                        Self.round(f, g, h, &a, b, c, d, &e, k[t + 3] &+ w[t + 3])
                        Self.round(e, f, g, &h, a, b, c, &d, k[t + 4] &+ w[t + 4])
                        Self.round(d, e, f, &g, h, a, b, &c, k[t + 5] &+ w[t + 5])
                        Self.round(c, d, e, &f, g, h, a, &b, k[t + 6] &+ w[t + 6])
                        Self.round(b, c, d, &e, f, g, h, &a, k[t + 7] &+ w[t + 7])
                    }
                    h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d
                    h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
                }
            }
        }
        state = [h0, h1, h2, h3, h4, h5, h6, h7]
    }

    /// One round: T1 = h + Σ1(e) + Ch(e,f,g) + K + W; d += T1; h = T1 + Σ0(a) + Maj(a,b,c).
    @inline(__always)
    private static func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32, _ e: UInt32, _ f: UInt32, _ g: UInt32,
        _ h: inout UInt32, _ constantPlusWord: UInt32
    ) {
        let sigma1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
        let choice = g ^ (e & (f ^ g))
        let temp1 = h &+ sigma1 &+ choice &+ constantPlusWord
        let sigma0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
        let majority = (a & b) | (c & (a | b))
        d &+= temp1
        h = temp1 &+ sigma0 &+ majority
    }
}

extension UInt32 {
    @inline(__always) fileprivate func rotatedRight(_ count: UInt32) -> UInt32 { (self &>> count) | (self &<< (32 &- count)) }
}
