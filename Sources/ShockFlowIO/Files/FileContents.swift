#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A whole file read into memory as bytes, followed by one NUL byte so that C number parsers
/// can never run past the end.
final class FileContents {
    let path: String
    /// Number of bytes of the file (the NUL terminator is not counted).
    let count: Int
    let bytes: UnsafeMutablePointer<UInt8>

    init(path: String) throws {
        self.path = path
        let descriptor = open(path, O_RDONLY)
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
        let size = Int(status.st_size)
        bytes = .allocate(capacity: size + 1)
        var filled = 0
        while filled < size {
            let got = read(descriptor, bytes + filled, size - filled)
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else {
                let reason = got < 0 ? String(cString: strerror(errno)) : "the file shrank while being read"
                bytes.deallocate()
                throw DataFileError.unreadable(path: path, reason: reason)
            }
            filled += got
        }
        bytes[size] = 0
        count = size
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
enum PathKind {
    case missing, file, directory

    init(_ path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else {
            self = .missing
            return
        }
        self = (status.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
    }
}
