import ArgumentParser
import Foundation
import ShockFlowEngine
import ShockFlowFormats
import ShockFlowLinearAlgebra

/// `shockflow run SCENARIO [--out DIR] [--quiet]`: runs a scenario and its baseline and writes the
/// results folder (docs/results-format.md).
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a scenario and its baseline and write the results as CSV.",
        discussion: """
            Writes DIR/cells.csv, regions.csv, sectors.csv, summary.csv and manifest.json, and for the \
            dynamic model products.csv and weights.csv (layouts in docs/results-format.md). The folder \
            appears whole or not at all and replaces an existing one. The model runs with OpenBLAS on one \
            thread, so results are byte-identical whatever OPENBLAS_NUM_THREADS is. A scenario file with \
            problems lists every one of them (exit status 1) and writes nothing; so does an economy that \
            `shockflow economy check` fails, unless --skip-checks is given.
            """)

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(help: "The output folder (default: results/<scenario name>).")
    var out: String?

    @Flag(help: "Print nothing when the run succeeds.")
    var quiet = false

    @Flag(help: "Run even on an economy that `shockflow economy check` fails (the manifest records \"checks\": \"skipped\").")
    var skipChecks = false

    func run() throws {
        // The model's linear algebra runs on one OpenBLAS thread whatever the setting (ScenarioRun), and the
        // rest of a run has no BLAS work worth more: one thread for the whole process, which the manifest
        // then records as engine.blas_threads.
        BLASRuntime.setThreadCount(1)
        let outcome: ScenarioRunner.Outcome
        do {
            outcome = try ScenarioRunner.run(scenarioFile: scenario, outputFolder: out, skipChecks: skipChecks)
        } catch let error as ScenarioError {
            // As `validate` lists them: one `file:line:column: field: message` per line, then the count.
            FileHandle.standardError.write(Data(error.listing.utf8))
            throw ExitCode(1)
        } catch {
            CommandFailure.printError(error)
            throw ExitCode(1)
        }
        if !quiet { print(outcome.report.joined(separator: "\n")) }
    }
}
