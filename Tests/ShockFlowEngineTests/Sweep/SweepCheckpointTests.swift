import Foundation
import ShockFlowModel
import ShockFlowTestSupport
import Testing
@testable import ShockFlowEngine
@testable import ShockFlowFormats

/// `--resume` resumes from this sweep's checkpoint only: anything else at the checkpoint's place is
/// refused with the file and what is wrong, and left as it was; nothing is written.
@Suite("Sweep checkpoints under --resume")
struct SweepCheckpointTests {
    static let sweep = SweepTestSupport.sweep(
        """
        design: {method: random, samples: 6, seed: 2}
        parameters:
          - {path: shocks.chip-imports.magnitude, name: cut, distribution: uniform, lower: 0.2, upper: 1}
        """ + "\n" + SweepTestSupport.outputs)

    /// Runs the sweep with 2-run batches (3 batches), resuming.
    private func resume(in directory: String) throws -> SweepRunner.Outcome {
        var options = SweepRunner.Options()
        options.output = directory + "/out"
        options.batchSize = 2
        options.workers = 1
        options.resume = true
        return try SweepRunner.run(sweepFile: directory + "/sweep.yaml", options: options)
    }

    /// The identity a whole run of the sweep records, and its outputs.csv.
    private func reference(in directory: String) throws -> (identity: String, outputs: String) {
        _ = try resume(in: directory)
        let manifest = try String(contentsOfFile: directory + "/out/manifest.json", encoding: .utf8)
        let identity = try #require(manifest.firstMatch(of: /"identity" : "([0-9a-f]{64})"/)?.1)
        let outputs = try String(contentsOfFile: directory + "/out/outputs.csv", encoding: .utf8)
        try FileManager.default.removeItem(atPath: directory + "/out")
        return (String(identity), outputs)
    }

    @Test("garbage in the checkpoint is refused, not discarded", arguments: [
        "no checkpoint.txt", "garbage checkpoint.txt", "a stray file", "a batch of other runs", "a batch cut short",
        "a batch beyond the sweep", "a file in the checkpoint's place",
    ])
    func garbageIsRefused(garbage: String) throws {
        try withTemporaryDirectory { directory in
            try writeFile(Self.sweep, named: "sweep.yaml", in: directory)
            let (identity, outputs) = try reference(in: directory)
            let lines = outputs.split(separator: "\n").map(String.init)
            let checkpoint = directory + "/.out.sweep-checkpoint"
            func batch(_ rows: ArraySlice<String>) -> String { ([lines[0]] + rows).joined(separator: "\n") + "\n" }
            if garbage == "a file in the checkpoint's place" {
                try writeFile("not a folder", named: ".out.sweep-checkpoint", in: directory)
            } else {
                try FileManager.default.createDirectory(atPath: checkpoint, withIntermediateDirectories: true)
                if garbage != "no checkpoint.txt" {
                    try writeFile(garbage == "garbage checkpoint.txt" ? "\u{0}\u{1}garbage" : identity, named: "checkpoint.txt", in: checkpoint)
                }
                switch garbage {
                case "a stray file": try writeFile("x", named: "notes.txt", in: checkpoint)
                case "a batch of other runs": try writeFile(batch(lines[3...4]), named: "batch-0.csv", in: checkpoint)
                case "a batch cut short": try writeFile(String(batch(lines[1...2]).dropLast(4)), named: "batch-0.csv", in: checkpoint)
                case "a batch beyond the sweep": try writeFile(batch(lines[1...2]), named: "batch-7.csv", in: checkpoint)
                default: try writeFile(batch(lines[1...2]), named: "batch-0.csv", in: checkpoint)
                }
            }
            let before = try FileManager.default.subpathsOfDirectory(atPath: directory).sorted()
            #expect(throws: SweepError.self) { try resume(in: directory) }
            do {
                _ = try resume(in: directory)
            } catch let error as SweepError {
                guard case .unreadableCheckpoint(let file, _) = error else {
                    Issue.record("\(garbage): \(error)")
                    return
                }
                #expect(file.hasPrefix(checkpoint), "\(garbage): \(file)")
                #expect(error.description.hasSuffix("; run without --resume to start over (the checkpoint is then discarded)"))
            }
            #expect(try FileManager.default.subpathsOfDirectory(atPath: directory).sorted() == before, "\(garbage): files changed")
        }
    }

    @Test("a checkpoint of this sweep resumes, a hidden leftover of a cut write is passed over")
    func validCheckpointResumes() throws {
        try withTemporaryDirectory { directory in
            try writeFile(Self.sweep, named: "sweep.yaml", in: directory)
            let (identity, outputs) = try reference(in: directory)
            let lines = outputs.split(separator: "\n").map(String.init)
            let checkpoint = directory + "/.out.sweep-checkpoint"
            try FileManager.default.createDirectory(atPath: checkpoint, withIntermediateDirectories: true)
            try writeFile(identity, named: "checkpoint.txt", in: checkpoint)
            try writeFile(([lines[0]] + lines[3...4]).joined(separator: "\n") + "\n", named: "batch-1.csv", in: checkpoint)
            try writeFile("partial", named: ".batch-2.csv.tmp-1-ab", in: checkpoint)
            let outcome = try resume(in: directory)
            #expect(outcome.resumedRuns == 2)
            #expect(try String(contentsOfFile: directory + "/out/outputs.csv", encoding: .utf8) == outputs)
            #expect(!FileManager.default.fileExists(atPath: checkpoint))
        }
    }

    @Test("another sweep's checkpoint is refused as such")
    func anotherSweepsCheckpoint() throws {
        try withTemporaryDirectory { directory in
            try writeFile(Self.sweep, named: "sweep.yaml", in: directory)
            let checkpoint = directory + "/.out.sweep-checkpoint"
            try FileManager.default.createDirectory(atPath: checkpoint, withIntermediateDirectories: true)
            try writeFile(String(repeating: "ab", count: 32), named: "checkpoint.txt", in: checkpoint)
            #expect(throws: SweepError.checkpointOfAnotherSweep(folder: checkpoint)) { try resume(in: directory) }
        }
    }
}
