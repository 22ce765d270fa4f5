import Foundation

/// Writes files so that they appear whole or not at all: the bytes go to a temporary file in the
/// same directory, which is flushed to disk and then renamed over the destination (rename is
/// atomic within one file system). Used by every writer in ShockFlow.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let temporaryPath = try createTemporary(besides: path) { candidate in
            let descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { return false }
            close(descriptor)
            return true
        }
        do {
            try fill(temporaryPath, with: bytes)
            guard rename(temporaryPath, path) == 0 else { throw systemError(path) }
        } catch {
            unlink(temporaryPath)
            throw error
        }
    }

    public static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    /// Creates a fresh hidden sibling of `path` with `create` (false with `errno` set on failure)
    /// and returns its path; retries on a name clash.
    package static func createTemporary(besides path: String, create: (String) -> Bool) throws -> String {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        for _ in 0..<100 {
            let tag = String(UInt32.random(in: .min ... .max), radix: 16)
            let candidate = directory + "/." + url.lastPathComponent + ".tmp-\(getpid())-" + tag
            if create(candidate) { return candidate }
            if errno != EEXIST { throw systemError(path) }
        }
        throw DataFileError.writeFailed(path: path, reason: "could not create a temporary file next to it")
    }

    private static func fill(_ path: String, with bytes: [UInt8]) throws {
        let descriptor = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard descriptor >= 0 else { throw systemError(path) }
        defer { close(descriptor) }
        try bytes.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                guard let base = buffer.baseAddress else { return }
                let result = Foundation.write(descriptor, base + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    throw systemError(path)
                }
                written += result
            }
        }
        guard fsync(descriptor) == 0 else { throw systemError(path) }
    }

    package static func systemError(_ path: String) -> DataFileError {
        .writeFailed(path: path, reason: String(cString: strerror(errno)))
    }
}

/// Writes a whole output folder atomically: the contents are written into a hidden sibling
/// folder, which then replaces `path` by rename. An existing folder at `path` is replaced
/// entirely (its old contents are removed); on failure nothing at `path` changes.
public enum AtomicDirectory {
    /// Creates the folder's parent if needed, calls `fill` with the temporary folder's path, then
    /// moves that folder to `path`.
    public static func write(to path: String, _ fill: (_ temporaryPath: String) throws -> Void) throws {
        let files = FileManager.default
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try files.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw DataFileError.writeFailed(path: parent, reason: "cannot create the folder")
        }
        let temporaryPath = try AtomicFile.createTemporary(besides: path) { candidate in
            mkdir(candidate, 0o755) == 0
        }
        do {
            try fill(temporaryPath)
            try replace(path, with: temporaryPath)
        } catch {
            try? files.removeItem(atPath: temporaryPath)
            throw error
        }
    }

    private static func replace(_ path: String, with temporaryPath: String) throws {
        switch PathKind(path) {
        case .missing:
            guard rename(temporaryPath, path) == 0 else { throw AtomicFile.systemError(path) }
        case .file:
            throw DataFileError.writeFailed(path: path, reason: "a file (not a folder) is in the way")
        case .directory:
            let retiredPath = try AtomicFile.createTemporary(besides: path) { candidate in
                mkdir(candidate, 0o755) == 0
            }
            guard rename(path, retiredPath) == 0 else {
                rmdir(retiredPath)
                throw AtomicFile.systemError(path)
            }
            guard rename(temporaryPath, path) == 0 else {
                let error = AtomicFile.systemError(path)
                rename(retiredPath, path)
                throw error
            }
            try? FileManager.default.removeItem(atPath: retiredPath)
        }
    }
}
