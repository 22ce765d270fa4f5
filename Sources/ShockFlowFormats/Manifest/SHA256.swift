import CLibcrypto
import Foundation

/// SHA-256 (FIPS 180-4) from OpenSSL's libcrypto: the input hashes recorded in manifests, the key of the
/// built-economy cache and the checksum of binary economy files. A value: a copy hashes on by itself.
///
/// Why libcrypto, linked as a system library like OpenBLAS (`CLibcrypto`, Debian's `libssl-dev`): it is
/// OpenSSL's maintained implementation, already on every Debian machine (`libssl3`, which `openssl`,
/// `curl` and Python depend on), and it uses the CPU's SHA instructions (1.35 GB/s on the benchmark
/// machine, bench/RESULTS.md). swift-crypto, the other well-kept choice, compiles its own BoringSSL:
/// 1–1.5 more minutes on every fresh build, when the whole of `make run` takes about 3.
public struct SHA256 {
    private var context = Context()

    public init() {}

    public mutating func update<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        if bytes.withContiguousStorageIfAvailable({ update(UnsafeRawBufferPointer($0)) }) == nil {
            Array(bytes).withUnsafeBytes { update($0) }
        }
    }

    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
        Self.check(EVP_DigestUpdate(uniqueContext(), base, buffer.count), "EVP_DigestUpdate")
    }

    /// The 32-byte digest; the value then starts a new hash.
    public mutating func finalize() -> [UInt8] {
        let context = uniqueContext()
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        Self.check(digest.withUnsafeMutableBufferPointer { EVP_DigestFinal_ex(context, $0.baseAddress, &length) }, "EVP_DigestFinal_ex")
        precondition(length == 32, "libcrypto's SHA-256 returned \(length) bytes")
        Self.check(EVP_DigestInit_ex2(context, Self.algorithmPointer, nil), "EVP_DigestInit_ex2")
        return digest
    }

    /// The digest as 64 lowercase hexadecimal digits.
    public mutating func finalizeHex() -> String {
        Self.hexadecimal(finalize())
    }

    public static func hex<Bytes: Collection>(of bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalizeHex()
    }

    /// SHA-256 of a file, read in 1 MiB pieces into one reused buffer (memory stays flat whatever the
    /// file's size); nil when it cannot be read.
    public static func hex(ofFileAt path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 64)
        defer { chunk.deallocate() }
        var hasher = SHA256()
        while true {
            let got = read(descriptor, chunk.baseAddress, chunk.count)
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { return nil }
            if got == 0 { break }
            hasher.update(UnsafeRawBufferPointer(rebasing: chunk[0..<got]))
        }
        return hasher.finalizeHex()
    }

    /// 64 lowercase hexadecimal digits.
    static func hexadecimal(_ digest: [UInt8]) -> String {
        digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Why SHA-256 cannot be used in this process, or nil when it can: libcrypto did not start or has no
    /// SHA-256 (a broken OpenSSL installation, or an `OPENSSL_CONF` whose configuration leaves it out).
    /// The command line asks before running a command, so this is a clear error, not a stop mid-run.
    public static var unavailableReason: String? {
        if case .failure(let failure) = algorithm { return failure.reason }
        return nil
    }

    /// libcrypto's SHA-256, fetched once. Taking it is the process's first call into libcrypto (nothing
    /// else in ShockFlow calls it, and libcrypto has no constructor of its own), so it can still
    /// initialise the library with `OPENSSL_INIT_NO_ATEXIT`: libcrypto must not free its state in an
    /// `atexit` handler, because a background hashing thread (`InputDigests`) may still be using it when
    /// a command exits early.
    private static let algorithm: Result<Algorithm, Unavailable> = {
        guard OPENSSL_init_crypto(UInt64(OPENSSL_INIT_NO_ATEXIT), nil) == 1 else {
            return .failure(Unavailable(reason: "libcrypto (OpenSSL) could not start; check OPENSSL_CONF and the libssl3 package"))
        }
        guard let pointer = EVP_MD_fetch(nil, "SHA256", nil) else {
            return .failure(Unavailable(
                reason: "libcrypto (OpenSSL) offers no SHA-256, needed for the manifests' input hashes; check OPENSSL_CONF"))
        }
        return .success(Algorithm(pointer: pointer))
    }()

    private struct Unavailable: Error {
        let reason: String
    }

    /// The fetched algorithm (the command line has checked `unavailableReason` before any command runs).
    private static var algorithmPointer: OpaquePointer {
        switch algorithm {
        case .success(let algorithm): return algorithm.pointer
        case .failure(let failure): stop(failure.reason)
        }
    }

    /// An `EVP_MD`: immutable once fetched, shared by every thread.
    private struct Algorithm: @unchecked Sendable {
        let pointer: OpaquePointer
    }

    /// An `EVP_MD_CTX` holding the running hash, freed with its last owner.
    private final class Context {
        let pointer: OpaquePointer

        init(copying other: Context? = nil) {
            guard let pointer = EVP_MD_CTX_new() else { SHA256.stop("libcrypto could not allocate a SHA-256 context (out of memory)") }
            self.pointer = pointer
            if let other {
                SHA256.check(EVP_MD_CTX_copy_ex(pointer, other.pointer), "EVP_MD_CTX_copy_ex")
            } else {
                SHA256.check(EVP_DigestInit_ex2(pointer, SHA256.algorithmPointer, nil), "EVP_DigestInit_ex2")
            }
        }

        deinit { EVP_MD_CTX_free(pointer) }
    }

    /// The context, copied first when another value shares it (value semantics).
    private mutating func uniqueContext() -> OpaquePointer {
        if !isKnownUniquelyReferenced(&context) { context = Context(copying: context) }
        return context.pointer
    }

    /// libcrypto's digest functions fail only without memory or with a broken installation, which no
    /// input can cause: say so and exit with status 70 (EX_SOFTWARE) instead of writing a wrong hash.
    private static func check(_ status: Int32, _ function: StaticString) {
        if status != 1 { stop("libcrypto's \(function) failed (out of memory, or a broken OpenSSL installation)") }
    }

    private static func stop(_ reason: String) -> Never {
        FileHandle.standardError.write(Data("shockflow: error: \(reason)\n".utf8))
        exit(70)
    }
}
