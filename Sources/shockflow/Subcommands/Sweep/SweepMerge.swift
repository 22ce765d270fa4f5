import ArgumentParser
import Foundation
import ShockFlowEngine

/// `shockflow sweep merge DIR... --out DIR`: join the folders of a sweep's shards.
struct SweepMerge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the folders of a sweep's shards into the sweep's folder.",
        discussion: """
            Every shard of one sweep must be given once (shards of different sweeps are refused). The \
            merged samples.csv, outputs.csv and sensitivity.csv are byte-identical to the same sweep run \
            in one process.
            """)

    @Argument(help: "The shard folders written by `shockflow sweep --shard i/n`.")
    var shards: [String]

    @Option(help: "The merged folder.")
    var out: String

    @Flag(help: "Print nothing when the merge succeeds.")
    var quiet = false

    func validate() throws {
        if shards.isEmpty { throw ValidationError("give the shard folders to merge") }
    }

    func run() throws {
        let outcome = try CommandFailure.reporting { try SweepMerger.merge(shards, into: out) }
        if !quiet {
            print("merged \(shards.count) shards, \(outcome.runs) runs: wrote \(outcome.files.joined(separator: ", ")) to \(outcome.folder)")
        }
    }
}
