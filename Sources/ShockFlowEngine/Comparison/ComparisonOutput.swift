import Foundation
import ShockFlowFormats
import ShockFlowModel

/// Where a long output goes piece by piece, so that it never has to be held whole in memory.
public protocol ComparisonOutput: AnyObject {
    func write(_ bytes: [UInt8]) throws
}

/// Standard output.
public final class StandardOutput: ComparisonOutput {
    public init() {}

    public func write(_ bytes: [UInt8]) throws {
        FileHandle.standardOutput.write(Data(bytes))
    }
}

/// A file written piece by piece into a hidden sibling and renamed into place by `commit()`, so that it
/// appears whole or not at all (as `AtomicFile`, for outputs too long to build in memory first).
public final class AtomicFileStream: ComparisonOutput {
    public let path: String
    private let temporaryPath: String
    private var descriptor: Int32

    public init(path: String) throws {
        try Self.requireReplaceable(path)
        self.path = path
        var opened: Int32 = -1
        temporaryPath = try AtomicFile.createTemporary(besides: path) { candidate in
            opened = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            return opened >= 0
        }
        descriptor = opened
    }

    deinit {
        discard()
    }

    /// Refuses a path where something other than a regular file stands (a folder, a device such as
    /// /dev/null): renaming over it would replace it.
    public static func requireReplaceable(_ path: String) throws {
        var status = stat()
        guard stat(path, &status) == 0 else { return }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw DataFileError.writeFailed(path: path, reason: "it is not a regular file; name a file to create or replace")
        }
    }

    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var written = 0
            while written < buffer.count {
                let result = Foundation.write(descriptor, base + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    throw AtomicFile.systemError(path)
                }
                written += result
            }
        }
    }

    /// Flushes the file to disk and moves it to `path`.
    public func commit() throws {
        guard descriptor >= 0 else { return }
        guard fsync(descriptor) == 0 else { throw AtomicFile.systemError(path) }
        close(descriptor)
        descriptor = -1
        guard rename(temporaryPath, path) == 0 else {
            let error = AtomicFile.systemError(path)
            unlink(temporaryPath)
            throw error
        }
    }

    /// Removes the unfinished file (nothing happens after `commit()`).
    public func discard() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        unlink(temporaryPath)
    }
}

/// The full aligned table as CSV: key columns, metric, one value column per run, then against the first
/// run `difference` and `relative` (with three or more runs, `difference_B`, `relative_B`, …). Missing
/// values and relatives over a zero are empty fields; a ranked summary row whose subject differs from the
/// first run's has the two subjects as its difference (`CN-GD in A, CN-SD in B`) and no relative.
/// Buffered, handed to the output a megabyte at a time.
struct ComparisonCSVWriter {
    private let output: ComparisonOutput
    private let runLabels: [String]
    private let labelEncoder = CSVTableWriter(separator: UInt8(ascii: ","))
    private var buffer: [UInt8] = []
    private static let flushSize = 1 << 20

    init(output: ComparisonOutput, keyColumns: [String], runLabels: [String]) {
        self.output = output
        self.runLabels = runLabels
        let compared = runLabels.dropFirst()
        let changes = compared.count == 1
            ? ["difference", "relative"] : compared.flatMap { ["difference_\($0)", "relative_\($0)"] }
        buffer = CSVTableWriter(header: keyColumns + ["metric"] + runLabels + changes).bytes
    }

    /// Appends a row: the period (unless nil), the labels `appendLabels` writes (each followed by a
    /// comma, the metric last), the values, then the differences and relatives against the first value.
    /// - Parameter subjects: each run's subject, for a ranked summary row.
    mutating func append(
        period: Int?, values: [Double?], subjects: [String?]? = nil, appendLabels: (inout [UInt8], CSVTableWriter) -> Void
    ) throws {
        if let period {
            NumberFormatting.append(Double(period), to: &buffer)
            buffer.append(UInt8(ascii: ","))
        }
        appendLabels(&buffer, labelEncoder)
        for (index, value) in values.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            append(value)
        }
        for run in values.indices.dropFirst() {
            if let subjects, let change = ComparedRow(key: [], metric: "", values: values, subjects: subjects).subjectChange(run) {
                buffer.append(UInt8(ascii: ","))
                buffer += labelEncoder.encodedLabels([RankedFigure.text(change, labels: (runLabels[0], runLabels[run]))]).dropLast()
                buffer.append(UInt8(ascii: ","))
                continue
            }
            let difference = values[0].flatMap { reference in values[run].map { $0 - reference } }
            buffer.append(UInt8(ascii: ","))
            append(difference)
            buffer.append(UInt8(ascii: ","))
            if let difference, let reference = values[0], reference != 0 { append(difference / reference) }
        }
        buffer.append(10)
        if buffer.count >= Self.flushSize { try flush() }
    }

    private mutating func append(_ value: Double?) {
        if let value { NumberFormatting.append(value, to: &buffer) }
    }

    mutating func flush() throws {
        try output.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
