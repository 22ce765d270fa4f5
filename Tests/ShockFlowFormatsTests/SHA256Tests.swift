import Foundation
import ShockFlowTestSupport
import Testing
@testable import ShockFlowFormats

/// SHA-256 (libcrypto's, through `SHA256`) against Python's hashlib on the FIPS / NIST example
/// messages (fixture written by scripts/fixtures/sha256_reference.py) and against coreutils'
/// `sha256sum` on random files.
@Suite struct SHA256Tests {
    struct Vector: Decodable {
        var name: String
        var text: String
        var `repeat`: Int
        var sha256: String

        var message: [UInt8] { Array(String(repeating: text, count: `repeat`).utf8) }
    }

    static let vectors: [Vector] = {
        guard let data = FileManager.default.contents(atPath: Fixtures.path("sha256/vectors.json")) else { return [] }
        return (try? JSONDecoder().decode([Vector].self, from: data)) ?? []
    }()

    @Test func fixtureHoldsTheFourNISTMessages() {
        #expect(Self.vectors.map(\.name) == ["empty", "abc", "448-bit", "million-a"])
    }

    /// Each message whole, in uneven pieces, and from a file.
    @Test(arguments: SHA256Tests.vectors.map(\.name))
    func hashlibDigests(name: String) throws {
        let vector = try #require(Self.vectors.first { $0.name == name })
        let message = vector.message
        #expect(SHA256.hex(of: message) == vector.sha256)
        #expect(SHA256.hex(of: Data(message)) == vector.sha256)
        #expect(Self.hexInPieces(message) == vector.sha256)
        try withTemporaryDirectory { directory in
            let path = directory + "/" + name
            try Data(message).write(to: URL(fileURLWithPath: path))
            #expect(SHA256.hex(ofFileAt: path) == vector.sha256)
        }
    }

    /// Random files of lengths around the 64-byte block and the 1 MiB read buffer, and one of 16 MiB,
    /// against `sha256sum` run on the same files (a fixed seed, so that a failure replays; named when a
    /// digest differs).
    @Test func randomFilesAgreeWithSha256sum() throws {
        let seed: UInt64 = 0x5EED_5A25_6000_0001
        var generator = SplitMix64(seed: seed)
        let lengths = [0, 1, 55, 56, 63, 64, 65, 1 << 20, (1 << 20) + 1, 3 * (1 << 20) - 7, (16 << 20) + 13]
        try withTemporaryDirectory { directory in
            var messages: [String: [UInt8]] = [:]
            for length in lengths {
                let words = (0..<(length + 7) / 8).map { _ in generator.next() as UInt64 }
                let bytes = words.withUnsafeBytes { Array($0.prefix(length)) }
                let path = directory + "/\(length)"
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                messages[path] = bytes
            }
            let reference = try Self.sha256sum(messages.keys.sorted())
            #expect(reference.count == lengths.count)
            for (path, bytes) in messages {
                let expected = try #require(reference[path], "sha256sum printed no digest for \(path)")
                #expect(SHA256.hex(ofFileAt: path) == expected, "file of \(bytes.count) bytes, seed \(seed)")
                #expect(SHA256.hex(of: bytes) == expected, "\(bytes.count) bytes in memory, seed \(seed)")
                #expect(Self.hexInPieces(bytes) == expected, "\(bytes.count) bytes in pieces, seed \(seed)")
            }
        }
    }

    /// A copy goes on from the state it was copied in, without touching the original; `finalize`
    /// starts a new hash.
    @Test func copiesHashIndependentlyAndFinalizeStartsOver() {
        var first = SHA256()
        first.update(Array("ab".utf8))
        var second = first
        second.update(Array("c".utf8))
        first.update(Array("x".utf8))
        #expect(second.finalizeHex() == SHA256.hex(of: Array("abc".utf8)))
        #expect(first.finalizeHex() == SHA256.hex(of: Array("abx".utf8)))
        first.update(Array("abc".utf8))
        #expect(first.finalizeHex() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        var empty = SHA256()
        #expect(empty.finalizeHex() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func missingFileHasNoDigest() throws {
        try withTemporaryDirectory { directory in
            #expect(SHA256.hex(ofFileAt: directory + "/missing") == nil)
            #expect(SHA256.hex(ofFileAt: directory) == nil)
        }
    }

    /// The message fed in pieces of uneven sizes, some across block boundaries.
    static func hexInPieces(_ message: [UInt8]) -> String {
        var hasher = SHA256()
        var offset = 0
        let sizes = [1, 63, 64, 65, 1000, 4095, 99_991, 1 << 20]
        var index = 0
        while offset < message.count {
            let end = min(message.count, offset + sizes[index % sizes.count])
            hasher.update(message[offset..<end])
            offset = end
            index += 1
        }
        return hasher.finalizeHex()
    }

    /// `sha256sum FILE…` (GNU coreutils): digest by path.
    static func sha256sum(_ paths: [String]) throws -> [String: String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", "--"] + paths
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        var digests: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: " ", maxSplits: 1)
            guard fields.count == 2 else { continue }
            digests[String(fields[1].drop { $0 == " " || $0 == "*" })] = String(fields[0])
        }
        return digests
    }
}
