import Foundation
import ShockFlowFormats

/// `shockflow sweep merge`: joins the folders of a sweep's shards into the folder the sweep would
/// have written in one process (the same `samples.csv`, `outputs.csv` and `sensitivity.csv`, byte
/// for byte), refusing shards of different sweeps, repeated shards and missing ones.
public enum SweepMerger {
    public struct Outcome: Sendable {
        public var folder: String
        public var runs: Int
        public var files: [String]
    }

    public static func merge(_ folders: [String], into output: String) throws -> Outcome {
        let started = Date()
        var shards: [(folder: String, sweep: SweepDescription)] = []
        for folder in folders { shards.append((folder, try SweepDescription.read(fromFolder: folder))) }
        guard let first = shards.first else { throw SweepError.incompleteMerge(missing: [0], count: 1) }
        guard let count = first.sweep.shard?.count else {
            throw SweepError.mergeMismatch(folder: first.folder, reason: "it holds a whole sweep, not a shard")
        }
        var seen = Set<Int>()
        for (folder, sweep) in shards {
            guard sweep.identity == first.sweep.identity else {
                throw SweepError.mergeMismatch(
                    folder: folder, reason: "it is a shard of a different sweep than \(first.folder) (another file, value, input or batch size)")
            }
            guard let shard = sweep.shard, shard.count == count else {
                throw SweepError.mergeMismatch(folder: folder, reason: "it is not one of \(count) shards like \(first.folder)")
            }
            guard seen.insert(shard.index).inserted else {
                throw SweepError.mergeMismatch(folder: folder, reason: "shard \(shard.index)/\(count) is given twice")
            }
        }
        let missing = (0..<count).filter { !seen.contains($0) }
        guard missing.isEmpty else { throw SweepError.incompleteMerge(missing: missing, count: count) }
        var rows: [(run: Int, sample: [Double], output: [Double])] = []
        for (folder, sweep) in shards {
            let samples = try SweepTables.readSamples(
                folder + "/samples.csv", names: sweep.parameters, levels: sweep.parameterLevels ?? [])
            let outputs = try SweepTables.read(folder + "/outputs.csv", names: sweep.outputs)
            guard samples.runs == outputs.runs else {
                throw SweepError.mergeMismatch(folder: folder, reason: "samples.csv and outputs.csv list different runs")
            }
            for (index, run) in samples.runs.enumerated() { rows.append((run, samples.rows[index], outputs.rows[index])) }
        }
        rows.sort { $0.run < $1.run }
        guard rows.map(\.run) == Array(0..<first.sweep.runs) else {
            throw SweepError.mergeMismatch(
                folder: output, reason: "the shards hold \(rows.count) runs; the sweep has \(first.sweep.runs), each once")
        }
        guard let analysis = first.sweep.analysis else {
            throw SweepError.notASweepFolder(folder: first.folder, reason: "its manifest names an unknown design `\(first.sweep.method)`")
        }
        let tables = SweepTables(
            runs: rows.map(\.run), parameterNames: first.sweep.parameters, outputNames: first.sweep.outputs,
            samples: rows.map(\.sample), outputs: rows.map(\.output), parameterLevels: first.sweep.parameterLevels ?? [])
        var merged = first.sweep
        merged.shard = nil
        merged.economyVariants = SweepEconomyVariant.merged(shards.compactMap(\.sweep.economyVariants))
        let files = try SweepFolder.write(tables, sensitivity: analysis, to: output) { path in
            try AtomicFile.write(
                Array(try mergedManifest(shardManifest: first.folder + "/manifest.json", sweep: merged, shards: folders, startedAt: started)),
                to: path)
        }
        return Outcome(folder: output, runs: rows.count, files: files)
    }

    /// The first shard's manifest (engine, economy, inputs, parameters) with `command` = `sweep merge`,
    /// the merged `sweep` description, the shard folders and this merge's times.
    private static func mergedManifest(shardManifest path: String, sweep: SweepDescription, shards: [String], startedAt: Date) throws
        -> Data
    {
        guard let data = FileManager.default.contents(atPath: path),
            var object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
            let sweepObject = try? JSONSerialization.jsonObject(with: RunManifest.encoded(sweep, path: path))
        else {
            throw SweepError.notASweepFolder(folder: path, reason: "its manifest.json cannot be read")
        }
        object["command"] = "sweep merge"
        object["sweep"] = sweepObject
        object["merged_from"] = shards
        object["started_at"] = RunManifest.timestamp(startedAt)
        object["finished_at"] = RunManifest.timestamp(Date())
        do {
            return try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
                + [10]
        } catch {
            throw DataFileError.writeFailed(path: path, reason: "cannot encode the manifest: \(error)")
        }
    }
}
