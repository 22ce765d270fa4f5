import Foundation
import Testing

@testable import ShockFlowIO

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
        #expect(SHA256.hex(ofFileAt: file.path + ".missing") == nil)
    }
}
