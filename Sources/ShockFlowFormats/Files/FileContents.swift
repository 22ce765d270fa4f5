#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file, or a window of it, read into memory as bytes, followed by one NUL byte so that C number
/// parsers can never run past the end.
package final class FileContents {
    let path: String
    /// Number of bytes held (the NUL terminator is not counted).
    package let count: Int
    package let bytes: UnsafeMutablePointer<UInt8>
    /// Where `bytes[0]` sits in the file (0 for a whole file).
    let offset: Int
    /// The size of the whole file when it was read.
    let fileSize: Int

    /// The whole file.
    convenience init(path: String) throws {
        try self.init(path: path, offset: 0, count: nil)
    }

    /// At most `count` bytes of the file from byte `offset` (fewer at its end; all of it when `count`
    /// is nil), read with `pread`, so a large file can be read window by window in flat memory.
    init(path: String, offset: Int, count: Int?) throws {
        self.path = path
        self.offset = offset
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT { throw DataFileError.fileNotFound(path: path, expected: "a readable file") }
            throw DataFileError.unreadable(path: path, reason: String(cString: strerror(code)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw DataFileError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw DataFileError.unreadable(path: path, reason: "not a regular file")
        }
        fileSize = Int(status.st_size)
        let size = max(0, min(count ?? Int.max, fileSize - offset))
        bytes = .allocate(capacity: size + 1)
        var filled = 0
        while filled < size {
            let got = pread(descriptor, bytes + filled, size - filled, off_t(offset + filled))
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else {
                let reason = got < 0 ? String(cString: strerror(errno)) : "the file shrank while being read"
                bytes.deallocate()
                throw DataFileError.unreadable(path: path, reason: reason)
            }
            filled += got
        }
        bytes[size] = 0
        self.count = size
    }

    deinit {
        bytes.deallocate()
    }

    /// The bytes in `start..<end` as a String (invalid UTF-8 is repaired, not refused).
    func string(from start: Int, to end: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: bytes + start, count: end - start), as: UTF8.self)
    }
}

/// Whether a file or folder exists at `path`, and which.
package enum PathKind {
    case missing, file, directory

    package init(_ path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else {
            self = .missing
            return
        }
        self = (status.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
    }
}
