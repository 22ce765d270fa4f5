import ArgumentParser
import Foundation
import ShockFlowEngine
import ShockFlowFormats

/// `shockflow sweep SWEEP [--out DIR] [--workers N] [--batch B] [--shard i/n] [--resume] [--quiet]`.
struct SweepRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a sweep file and write samples.csv, outputs.csv, sensitivity.csv and manifest.json.",
        discussion: """
            Runs that share the economy and model run together as the columns of one matrix (--batch runs \
            at a time); batches run side by side on --workers threads with OpenBLAS on one thread each. \
            Every finished batch is checkpointed; after an interruption, the same command with --resume \
            runs only what is left and writes the same files. --shard i/n runs a deterministic slice \
            (0 ≤ i < n); join the shards with `shockflow sweep merge` (`shockflow sweep merge --help`). \
            Results are byte-identical whatever --workers and however the sweep was split or resumed. \
            `shockflow sweep SWEEP` is short for `shockflow sweep run SWEEP`.
            """)

    @Argument(help: "The sweep file (YAML).")
    var sweep: String

    @Option(help: "The output folder (default: results/<sweep name>).")
    var out: String?

    @Option(help: "Batches run side by side, each on a thread of its own (default: the number of cores).")
    var workers: Int?

    /// The old name of --workers, kept for existing scripts and hidden from --help: it read as a count of
    /// OpenBLAS threads, but every batch runs OpenBLAS on one thread.
    @Option(name: .customLong("threads"), help: .hidden)
    var threads: Int?

    @Option(help: "Runs per lockstep batch.")
    var batch = SweepRunner.Options().batchSize

    @Option(help: "Run shard i of n (0 ≤ i < n), e.g. --shard 0/4.")
    var shard: String?

    @Flag(help: "Continue an interrupted sweep from its checkpoint.")
    var resume = false

    @Flag(help: "Print nothing when the sweep succeeds.")
    var quiet = false

    @Flag(help: "Show progress even when stderr is not a terminal: a line every few seconds (for log files).")
    var progress = false

    @Flag(help: "Run even on an economy that `shockflow economy check` fails (the manifest records \"checks\": \"skipped\").")
    var skipChecks = false

    func validate() throws {
        if workers != nil, threads != nil { throw ValidationError("--threads is the old name of --workers: give one") }
        if let count = workers ?? threads, count < 1 {
            throw ValidationError("\(workers == nil ? "--threads" : "--workers") must be at least 1")
        }
        if batch < 1 { throw ValidationError("--batch must be at least 1") }
        if let shard {
            do { _ = try SweepShard(parsing: shard) } catch { throw ValidationError(error.description) }
        }
    }

    func run() throws {
        var options = SweepRunner.Options()
        options.output = out
        if let workers = workers ?? threads { options.workers = workers }
        options.batchSize = batch
        options.resume = resume
        options.skipChecks = skipChecks
        if let shard { options.shard = try SweepShard(parsing: shard) }
        let display = SweepProgress(quiet: quiet, forced: progress)
        SweepInterruption.explainOnInterrupt()
        let outcome: SweepRunner.Outcome
        do {
            outcome = try SweepRunner.run(sweepFile: sweep, options: options) { display.show($0) }
        } catch let error as ScenarioError {
            display.finish()
            FileHandle.standardError.write(Data(error.listing.utf8))
            throw ExitCode(1)
        } catch {
            display.finish()
            CommandFailure.printError(error)
            throw ExitCode(1)
        }
        display.finish()
        guard !quiet else { return }
        let plan = outcome.plan
        let resumed = outcome.resumedRuns > 0 ? " (\(outcome.resumedRuns) from the checkpoint)" : ""
        print("sweep \(plan.name): \(plan.methodName) design, \(plan.problem.dimension) parameters, \(plan.runCount) runs"
            + (options.shard == .whole ? "" : ", shard \(options.shard) with \(outcome.runs) runs") + resumed)
        print("wrote \(outcome.files.joined(separator: ", ")) to \(outcome.folder) in \(String(format: "%.2f", outcome.seconds)) s")
    }
}
