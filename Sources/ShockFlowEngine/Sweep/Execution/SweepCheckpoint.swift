import Foundation
import ShockFlowFormats

/// The checkpoint of a sweep in progress: a hidden folder beside the output folder holding what the
/// sweep is (`checkpoint.txt`: its parameters and input hashes) and one file per finished batch,
/// each written atomically. `--resume` reads the batches back and runs only the others.
struct SweepCheckpoint {
    let folder: String
    let identity: String
    let outputNames: [String]

    /// `.<name>.sweep-checkpoint` beside the output folder.
    static func folder(for output: String) -> String {
        let url = URL(fileURLWithPath: output).standardizedFileURL
        return url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".sweep-checkpoint").path
    }

    private var identityFile: String { folder + "/checkpoint.txt" }

    private func batchFile(_ batch: Int) -> String { folder + "/batch-\(batch).csv" }

    /// Starts afresh (an earlier checkpoint is removed) or, with `resume`, checks that the checkpoint is
    /// this sweep's and returns the finished batches' outputs by run. With `resume`, anything at the
    /// checkpoint's place that is not this sweep's checkpoint is refused, never discarded.
    /// - Parameter batches: the runs of each of the shard's batches, by batch index.
    static func open(output: String, identity: String, outputNames: [String], batches: [Int: [Int]], resume: Bool) throws
        -> (checkpoint: SweepCheckpoint, finished: [Int: [Int: [Double]]])
    {
        let checkpoint = SweepCheckpoint(folder: folder(for: output), identity: identity, outputNames: outputNames)
        if resume, PathKind(checkpoint.folder) != .missing {
            try checkpoint.checkIdentity()
            return (checkpoint, try checkpoint.readBatches(expected: batches))
        }
        // The folder appears with its identity or not at all (a sweep killed while starting leaves no
        // checkpoint that --resume would have to refuse), replacing an earlier checkpoint.
        try AtomicDirectory.write(to: checkpoint.folder) { temporary in
            try AtomicFile.write(identity, to: temporary + "/checkpoint.txt")
        }
        return (checkpoint, [:])
    }

    /// Records a finished batch: `run,<outputs>` rows, numbers in shortest round-trip form.
    func write(batch: Int, runs: [Int], outputs: [[Double]]) throws {
        try AtomicFile.write(SweepTables.csv(runs: runs, names: outputNames, rows: outputs), to: batchFile(batch))
    }

    /// A folder holding `checkpoint.txt` with this sweep's identity.
    private func checkIdentity() throws {
        guard PathKind(folder) == .directory else {
            throw SweepError.unreadableCheckpoint(file: folder, reason: "it is a file, not a checkpoint folder")
        }
        guard PathKind(identityFile) == .file, let text = try? String(contentsOfFile: identityFile, encoding: .utf8) else {
            throw SweepError.unreadableCheckpoint(
                file: folder, reason: "it has no readable checkpoint.txt (the identity of the sweep it belongs to)")
        }
        guard text == identity else {
            let isIdentity = text.count == 64 && text.allSatisfy { $0.isHexDigit && !$0.isUppercase }
            guard isIdentity else {
                throw SweepError.unreadableCheckpoint(
                    file: identityFile, reason: "it does not hold a sweep's identity (64 hexadecimal digits)")
            }
            throw SweepError.checkpointOfAnotherSweep(folder: folder)
        }
    }

    /// The finished batches: `batch-<b>.csv` files of the shard's batches, each with exactly its batch's
    /// runs. Hidden files (an atomic write cut short) are passed over; anything else is refused.
    private func readBatches(expected: [Int: [Int]]) throws -> [Int: [Int: [Double]]] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw SweepError.unreadableCheckpoint(file: folder, reason: "its files cannot be listed")
        }
        var batches: [Int: [Int: [Double]]] = [:]
        for name in names.sorted() where name != "checkpoint.txt" && !name.hasPrefix(".") {
            let file = folder + "/" + name
            guard name.hasPrefix("batch-"), name.hasSuffix(".csv"), let batch = Int(name.dropFirst(6).dropLast(4)),
                let runs = expected[batch]
            else {
                throw SweepError.unreadableCheckpoint(
                    file: file, reason: "a checkpoint holds only checkpoint.txt and batch-<b>.csv files of this sweep's batches, not this")
            }
            let outputs = try readBatch(file)
            guard outputs.count == runs.count, runs.allSatisfy({ outputs[$0] != nil }) else {
                throw SweepError.unreadableCheckpoint(
                    file: file, reason: "it holds runs other than its batch's \(runs.count) (runs \(runs.first ?? 0) to \(runs.last ?? 0))")
            }
            batches[batch] = outputs
        }
        return batches
    }

    /// A batch file as `outputs.csv` is read (`SweepTables.read`), its problems told as the checkpoint's.
    private func readBatch(_ file: String) throws -> [Int: [Double]] {
        do {
            let (runs, rows) = try SweepTables.read(file, names: outputNames)
            guard Set(runs).count == runs.count else {
                throw SweepError.unreadableCheckpoint(file: file, reason: "a run appears twice")
            }
            return Dictionary(zip(runs, rows)) { first, _ in first }
        } catch DataFileError.unreadable(_, let reason) {
            throw SweepError.unreadableCheckpoint(file: file, reason: reason)
        }
    }

    /// Removes the checkpoint once the sweep's folder is written.
    func remove() {
        try? FileManager.default.removeItem(atPath: folder)
    }
}
