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
    /// this sweep's and returns the finished batches' outputs by run.
    static func open(output: String, identity: String, outputNames: [String], resume: Bool) throws
        -> (checkpoint: SweepCheckpoint, finished: [Int: [Int: [Double]]])
    {
        let checkpoint = SweepCheckpoint(folder: folder(for: output), identity: identity, outputNames: outputNames)
        let files = FileManager.default
        if resume, files.fileExists(atPath: checkpoint.identityFile) {
            guard (try? String(contentsOfFile: checkpoint.identityFile, encoding: .utf8)) == identity else {
                throw SweepError.checkpointOfAnotherSweep(folder: checkpoint.folder)
            }
            return (checkpoint, try checkpoint.readBatches())
        }
        try? files.removeItem(atPath: checkpoint.folder)
        do {
            try files.createDirectory(atPath: checkpoint.folder, withIntermediateDirectories: true)
        } catch {
            throw DataFileError.writeFailed(path: checkpoint.folder, reason: "cannot create the checkpoint folder")
        }
        try AtomicFile.write(identity, to: checkpoint.identityFile)
        return (checkpoint, [:])
    }

    /// Records a finished batch: `run,<outputs>` rows, numbers in shortest round-trip form.
    func write(batch: Int, runs: [Int], outputs: [[Double]]) throws {
        try AtomicFile.write(SweepTables.csv(runs: runs, names: outputNames, rows: outputs), to: batchFile(batch))
    }

    private func readBatches() throws -> [Int: [Int: [Double]]] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var batches: [Int: [Int: [Double]]] = [:]
        for name in names where name.hasPrefix("batch-") && name.hasSuffix(".csv") {
            guard let batch = Int(name.dropFirst(6).dropLast(4)) else { continue }
            batches[batch] = try readBatch(folder + "/" + name)
        }
        return batches
    }

    /// A batch file as `outputs.csv` is read (`SweepTables.read`), its problems told as the checkpoint's.
    private func readBatch(_ file: String) throws -> [Int: [Double]] {
        do {
            let (runs, rows) = try SweepTables.read(file, names: outputNames)
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
