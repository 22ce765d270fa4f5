import ArgumentParser
import Foundation
import ShockFlowEngine
import ShockFlowFormats
import ShockFlowModel

/// `shockflow economy analyze [ECONOMY] --out DIR [--matrices]`: static input–output analysis, MODEL (3)–(10).
struct EconomyAnalyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Write output, value added, multipliers and linkages (and, on request, A, L, B, G) as CSV.",
        discussion: """
            Writes DIR/output.csv (region,sector,output,value_added), DIR/multipliers.csv \
            (region,sector,output_multiplier,value_added_multiplier,backward_linkage,forward_linkage), \
            DIR/manifest.json and, with --matrices, A.csv, L.csv, B.csv and G.csv in the long layout \
            from_region,from_sector,to_region,to_sector,value. The folder appears whole or not at all. \
            The analysis runs with OpenBLAS on one thread, so the CSV files are byte-identical whatever \
            OPENBLAS_NUM_THREADS is. An economy that `shockflow economy check` fails is refused (exit \
            status 1, its errors listed, nothing written) unless --skip-checks is given.
            """)

    @Argument(help: "An economy folder or file, or a built-in name (\(Defaults.economy) when omitted).")
    var economy: String = Defaults.economy

    @Option(help: "The output folder (replaced if it exists).")
    var out: String

    @Flag(help: "Also write the coefficient matrices A and B and the inverses L and G.")
    var matrices = false

    @Flag(help: "Analyse the economy even if `shockflow economy check` fails it (the manifest records \"checks\": \"skipped\").")
    var skipChecks = false

    @Flag(help: "Print nothing when the analysis succeeds.")
    var quiet = false

    func run() throws {
        let files = try CommandFailure.reporting {
            let started = Date()
            let source = try EconomySource.resolve(economy)
            let digests = InputDigests(economyAt: source)
            let loaded = try EconomyLoader.load(source)
            let checks = try loaded.requirePassingChecks(skip: skipChecks)
            return try StaticAnalysisWriter.write(loaded, includeMatrices: matrices, to: out) {
                try RunManifest(
                    command: "economy analyze", loaded: loaded, checks: checks, parameters: ["matrices": String(matrices)],
                    startedAt: started, digests: digests)
            }
        }
        if !quiet { print("wrote \(files.joined(separator: ", ")) to \(out)") }
    }
}
