import Foundation

/// SHA-256 digests of input files, computed on background threads while the caller goes on
/// (loading and solving), so hashing large inputs for the manifest costs no wall time on a
/// machine with a free core.
public final class InputDigests: @unchecked Sendable {
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var digests: [String: String] = [:]

    /// Starts hashing the files that stand for `source` in a manifest (`EconomySource.provenanceFiles`).
    public convenience init(economyAt source: EconomySource) {
        self.init(paths: source.provenanceFiles)
    }

    public init(paths: [String]) {
        for path in paths {
            group.enter()
            DispatchQueue.global(qos: .userInitiated).async { [self] in
                if let digest = SHA256.hex(ofFileAt: path) {
                    lock.lock()
                    digests[path] = digest
                    lock.unlock()
                }
                group.leave()
            }
        }
    }

    /// The digest of `path`: waits for the background work; hashes now what was not started.
    public func digest(of path: String) throws -> String {
        group.wait()
        lock.lock()
        let known = digests[path]
        lock.unlock()
        if let known { return known }
        guard let digest = SHA256.hex(ofFileAt: path) else {
            throw DataFileError.unreadable(path: path, reason: "cannot read it to compute its SHA-256")
        }
        return digest
    }
}
