import Foundation
import Testing
@testable import ShockFlowFormats

/// FIPS 180-4 / NIST example vectors for SHA-256.
@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func publishedVectors(message: String, digest: String) {
        #expect(SHA256.hex(of: Array(message.utf8)) == digest)
    }

    /// One million 'a', fed in uneven pieces and from a file: the long-message vector.
    @Test func millionAInPiecesAndFromAFile() throws {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        var hasher = SHA256()
        var offset = 0
        for size in [1, 63, 64, 65, 1000, 4095] + [Int](repeating: 99_991, count: 20) where offset < message.count {
            let end = min(message.count, offset + size)
            hasher.update(message[offset..<end])
            offset = end
        }
        hasher.update(message[offset...])
        #expect(hasher.finalizeHex() == expected)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sha-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(message).write(to: file)
        #expect(SHA256.hex(ofFileAt: file.path) == expected)
        #expect(SHA256.swiftHex(ofFileAt: file.path) == expected)
        #expect(SHA256.hex(ofFileAt: file.path + ".missing") == nil)
    }

    /// Files of every length around the block and buffer boundaries hash the same with libcrypto
    /// (used when the system has it, as on Debian with libssl3) and with the Swift code.
    @Test(.enabled(if: LibcryptoSHA256.isAvailable, "libcrypto.so.3 is not installed: only the Swift SHA-256 runs"))
    func libcryptoAgreesWithTheSwiftCode() throws {
        var generator = SystemRandomNumberGenerator()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sha-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for length in [0, 1, 55, 56, 63, 64, 65, 1 << 20, (1 << 20) + 1, 3 * (1 << 20) - 7] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let file = directory.appendingPathComponent("\(length)")
            try Data(bytes).write(to: file)
            let system = SHA256.hex(ofFileAt: file.path)
            #expect(system != nil)
            #expect(system == SHA256.swiftHex(ofFileAt: file.path), "length \(length)")
            #expect(system == SHA256.hex(of: bytes), "length \(length)")
        }
    }
}
