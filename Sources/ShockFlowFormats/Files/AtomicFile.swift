import Foundation

/// Writes files so that they appear whole or not at all: the bytes go to a temporary file in the
/// same directory, which is flushed to disk and then renamed over the destination (rename is
/// atomic within one file system). Used by every writer in ShockFlow.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws {
        try write(parts: [bytes], to: path)
    }

    /// Writes `parts` one after the other as one file (a table built in pieces, without copying them together).
    public static func write(parts: [[UInt8]], to path: String) throws {
        let temporaryPath = try createTemporary(besides: path) { candidate in
            let descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { return false }
            close(descriptor)
            return true
        }
        do {
            try fill(temporaryPath, with: parts)
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

    private static func fill(_ path: String, with parts: [[UInt8]]) throws {
        let descriptor = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard descriptor >= 0 else { throw systemError(path) }
        defer { close(descriptor) }
        for bytes in parts { try write(bytes, to: descriptor, path: path) }
        guard fsync(descriptor) == 0 else { throw systemError(path) }
    }

    private static func write(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
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
    }

    package static func systemError(_ path: String) -> DataFileError {
        .writeFailed(path: path, reason: String(cString: strerror(errno)))
    }

    /// Removes the hidden siblings `.<name>.tmp-<pid>-<tag>` of `path` that a writer killed mid-write
    /// left behind: those whose process no longer exists (`kill(pid, 0)` fails with ESRCH). A live
    /// writer's (another run writing the same folder now) are left alone, and so is anything else.
    package static func removeStaleTemporaries(besides path: String) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let prefix = "." + url.lastPathComponent + ".tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0, pid != getpid(),
                kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            try? FileManager.default.removeItem(atPath: directory + "/" + name)
        }
    }
}

/// Writes a whole output folder atomically: the contents are written into a hidden sibling
/// folder, which then replaces `path` by rename. An existing folder at `path` is replaced
/// entirely (its old contents are removed); on failure nothing at `path` changes. Two writers of
/// one path at once never mix: each folder moves whole, and the one that moves last stays. Hidden
/// siblings that a killed writer left are removed by the next write.
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
        AtomicFile.removeStaleTemporaries(besides: path)
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

    /// Moves the filled folder to `path`. Another writer may move its own folder there or away between
    /// our look and our rename (the renames fail then, changing nothing): look again, a few times.
    private static func replace(_ path: String, with temporaryPath: String) throws {
        for _ in 0..<20 {
            switch PathKind(path) {
            case .missing:
                if rename(temporaryPath, path) == 0 { return }
                guard errno == EEXIST || errno == ENOTEMPTY else { throw AtomicFile.systemError(path) }
            case .file:
                throw DataFileError.writeFailed(path: path, reason: "a file (not a folder) is in the way")
            case .directory:
                let retiredPath = try AtomicFile.createTemporary(besides: path) { candidate in
                    mkdir(candidate, 0o755) == 0
                }
                guard rename(path, retiredPath) == 0 else {
                    let code = errno
                    rmdir(retiredPath)
                    if code == ENOENT { continue }
                    errno = code
                    throw AtomicFile.systemError(path)
                }
                if rename(temporaryPath, path) == 0 {
                    try? FileManager.default.removeItem(atPath: retiredPath)
                    return
                }
                let code = errno
                if code == EEXIST || code == ENOTEMPTY {
                    // Another writer's folder arrived in between: it replaced the one retired, which goes.
                    try? FileManager.default.removeItem(atPath: retiredPath)
                    continue
                }
                rename(retiredPath, path)
                errno = code
                throw AtomicFile.systemError(path)
            }
        }
        throw DataFileError.writeFailed(path: path, reason: "other processes kept replacing the folder at the same time")
    }
}
