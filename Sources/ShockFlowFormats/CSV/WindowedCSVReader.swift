#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A CSV file read window by window (about 4 MB each, cut just after a line break outside quotes), so
/// memory stays flat whatever the file's size. A record never straddles two windows; line numbers
/// are the file's. A copy of the reader keeps its window and reads on from there independently.
package struct WindowedCSVReader {
    static let defaultWindowSize = 4 << 20

    /// The reader over the current window: its fields are those of the last record read.
    package var current: CSVReader
    private let windowSize: Int

    /// Opens `path` at its first window, refusing an empty file.
    package init(path: String, separator: UInt8 = UInt8(ascii: ","), windowSize: Int = defaultWindowSize) throws {
        self.windowSize = max(windowSize, 1)
        let window = try Self.window(path: path, offset: 0, size: self.windowSize)
        guard window.file.fileSize > 0 else { throw DataFileError.emptyFile(path: path) }
        current = CSVReader(file: window.file, separator: separator, end: window.end)
    }

    var path: String { current.path }

    /// Reads the next record, moving to the next window when this one is used up; false at the end of the file.
    package mutating func nextRecord() throws -> Bool {
        while true {
            if try current.nextRecord() { return true }
            let file = current.file
            let offset = file.offset + current.end
            guard offset < file.fileSize else { return false }
            let window = try Self.window(path: file.path, offset: offset, size: windowSize)
            guard window.end > 0 else { return false }  // the file shrank since the last window
            let fieldNames = current.fieldNames
            current = CSVReader(
                file: window.file, separator: current.separator, end: window.end, firstLine: current.lineAtPosition)
            current.fieldNames = fieldNames
        }
    }

    /// The last byte of the file (nil when it is empty), read on its own.
    package func lastByte() throws -> UInt8? {
        let size = current.file.fileSize
        guard size > 0 else { return nil }
        let tail = try FileContents(path: path, offset: size - 1, count: 1)
        return tail.count == 1 ? tail.bytes[0] : nil
    }

    /// The bytes from `offset`: `size` of them cut after the last whole record, or the rest of the file.
    /// A record longer than the window doubles it until the record fits.
    private static func window(path: String, offset: Int, size: Int) throws -> (file: FileContents, end: Int) {
        var size = size
        while true {
            let file = try FileContents(path: path, offset: offset, count: size)
            if offset + file.count >= file.fileSize { return (file, file.count) }
            if let end = lastRecordEnd(file.bytes, count: file.count) { return (file, end) }
            size *= 2
        }
    }

    /// Just after the last line break that is not inside a quoted field (the bytes start at a record's
    /// start, so a line break is quoted when an odd number of `"` come before it); nil when there is none.
    static func lastRecordEnd(_ bytes: UnsafeMutablePointer<UInt8>, count: Int) -> Int? {
        if memchr(bytes, Int32(UInt8(ascii: "\"")), count) == nil {
            var index = count
            while index > 0, bytes[index - 1] != 10 { index -= 1 }
            return index > 0 ? index : nil
        }
        var inQuotes = false
        var end: Int?
        for index in 0..<count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            if byte == 10, !inQuotes { end = index + 1 }
        }
        return end
    }
}
