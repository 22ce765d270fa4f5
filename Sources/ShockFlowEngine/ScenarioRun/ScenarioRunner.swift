import Foundation
import ShockFlowFormats
import ShockFlowModel

/// `shockflow run`: reads a scenario file, loads its economy, runs the model (the dynamic model with
/// its baseline) and writes the results folder. Problems in the file are thrown as one `ScenarioError`
/// listing all of them; nothing is written unless the whole run succeeds.
public enum ScenarioRunner {
    /// What a finished run reports back.
    public struct Outcome: Sendable {
        public var folder: String
        public var files: [String]
        public var result: ScenarioRunResult
        public var seconds: Double

        /// A few lines for the terminal: what ran, the headline loss and where the files are.
        public var report: [String] {
            let scenario = result.scenario
            let economy = result.economy
            var lines = [scenario.summary(economySize: (economy.regionCount, economy.sectorCount))]
            if let metric = result.cellMetrics.first(where: { $0.name == result.headlineMetric }) {
                let losses = HeadlineLosses(metric, economy: economy)
                let share = losses.baselineTotal == 0 ? 0 : 100 * losses.cumulative / losses.baselineTotal
                // Money in the currency when the economy declares it (9.32 trillion yuan), else in its unit.
                let money = economy.metadata.currency.map { MoneyFormat($0).hover(losses.cumulative) }
                    ?? "\(ReadableNumber.format(losses.cumulative)) \(economy.metadata.moneyUnit)"
                lines.append(
                    "cumulative \(result.headlineMetric) loss against the baseline: \(money), "
                        + "\(String(format: "%.3f", share)) % of the baseline")
            }
            lines.append("wrote \(files.joined(separator: ", ")) to \(folder) in \(String(format: "%.2f", seconds)) s")
            return lines
        }
    }

    /// The folder a run writes to when none is given: `results/<scenario name>`.
    public static func defaultFolder(scenarioName: String) -> String { "results/" + scenarioName }

    /// - Parameters:
    ///   - path: the scenario file as the user named it (messages and the manifest use it as given).
    ///   - folder: where to write; `results/<scenario name>` when nil.
    ///   - skipChecks: run even on an economy that fails its checks (else `EconomyCheckFailure`).
    public static func run(scenarioFile path: String, outputFolder folder: String? = nil, skipChecks: Bool = false) throws
        -> Outcome
    {
        let started = Date()
        let document = ScenarioDocument(contentsOf: URL(fileURLWithPath: path), shownAs: path)
        // Hashing the inputs for the manifest (tens of MB for a 31 × 42 table) overlaps with loading and running.
        var digests: InputDigests?
        let (scenario, loaded) = try document.resolveLoadingEconomy { digests = InputDigests(economyAt: $0) }
        let extraInputs = [path] + document.seriesFiles + (scenario.plan?.table.files ?? [])
        let checks = try loaded.requirePassingChecks(skip: skipChecks)
        let result: ScenarioRunResult
        do {
            result = try ScenarioRun.run(scenario, economy: loaded.economy)
        } catch let error as ARIOError {
            throw document.problem(for: error).map { ScenarioError(problems: [$0]) } ?? error
        }
        let destination = folder ?? defaultFolder(scenarioName: scenario.name)
        try RunResultsWriter.write(result, to: destination) {
            var manifest = try RunManifest(
                command: "run", loaded: loaded, checks: checks, parameters: ScenarioRunParameters.text(scenario, economy: loaded.economy),
                seed: scenario.horizon.seed, startedAt: started, extraInputs: extraInputs, digests: digests)
            manifest.notes.append(ReproducibleLinearAlgebra.note)
            return manifest
        }
        return Outcome(
            folder: destination, files: RunResultsWriter.fileNames(for: result), result: result,
            seconds: Date().timeIntervalSince(started))
    }
}

extension ScenarioDocument {
    /// The series CSV files the scenario's profiles read, as paths (inputs of the run for the manifest).
    var seriesFiles: [String] {
        (spec?.shocks ?? []).compactMap { shock in
            shock.profile.file.map { URL(fileURLWithPath: $0, relativeTo: directory).standardizedFileURL.path }
        }
    }
}

extension ScenarioError {
    /// Every problem on its own line as `file:line:column: field: message`, then the count (as `validate` prints them).
    public var listing: String {
        (problems.map(\.description) + [problems.count == 1 ? "1 problem" : "\(problems.count) problems"])
            .joined(separator: "\n") + "\n"
    }
}
