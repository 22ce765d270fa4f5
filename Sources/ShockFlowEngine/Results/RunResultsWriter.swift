import Foundation
import ShockFlowFormats

/// Writes the results folder of `shockflow run` (docs/results-format.md): tidy CSV tables of the
/// scenario against its baseline, a summary and the manifest. The folder appears whole or not at all.
public enum RunResultsWriter {
    /// The files of a results folder, in the order they are written (`products.csv` for the dynamic and
    /// ario models, `weights.csv` only for the dynamic model, `plan.csv` only when it has plan tilts,
    /// `national.csv` for the ario model, `prices.csv` and `price_indices.csv` for every model but
    /// extraction and ario).
    public static func fileNames(for result: ScenarioRunResult) -> [String] {
        tableNames(for: result) + ["manifest.json"]
    }

    public static func write(_ result: ScenarioRunResult, manifest: RunManifest, to folder: String) throws {
        try write(result, to: folder) { manifest }
    }

    /// As `write(_:manifest:to:)`, making the manifest only once the tables are built (so that hashing
    /// the inputs on other threads overlaps with building them).
    public static func write(_ result: ScenarioRunResult, to folder: String, manifest: () throws -> RunManifest) throws {
        let tables = buildTables(result)
        for (name, table) in tables { try table.requireFinite(path: folder + "/" + name) }
        let manifest = ExtendedManifest(manifest: try manifest(), key: "iterations", extra: result.iterations)
        try AtomicDirectory.write(to: folder) { temporary in
            // cells.csv (nine tenths of the bytes) on one thread, the other files on another: the writes and
            // their flushes to disk overlap.
            let (cells, others) = (tables[0], tables.dropFirst())
            let jobs: [@Sendable () -> Result<Void, any Error>] = [
                { Result { try cells.table.write(to: temporary + "/" + cells.name) } },
                { Result { for (name, table) in others { try table.write(to: temporary + "/" + name) } } },
            ]
            for outcome in ConcurrentJobs.run(jobs) { try outcome.get() }
            try manifest.write(to: temporary + "/manifest.json")
        }
    }

    private static func tableNames(for result: ScenarioRunResult) -> [String] {
        ["cells.csv", "regions.csv", "sectors.csv"] + (result.productMetrics.isEmpty ? [] : ["products.csv"])
            + (result.investmentWeights == nil ? [] : ["weights.csv"]) + (writesPlan(result) ? ["plan.csv"] : [])
            + (result.nationalDaily.isEmpty ? [] : ["national.csv"]) + ["summary.csv"]
            + (result.prices == nil ? [] : priceTableNames)
    }

    /// Builds every table, `cells.csv` (by far the largest) in two halves by period, on as many threads
    /// as there are cores; the bytes do not depend on how the work was split.
    private static func buildTables(_ result: ScenarioRunResult) -> [(name: String, table: ResultsTable)] {
        let half = result.periodCount / 2
        let jobs: [@Sendable () -> [ResultsTable]] = [
            { [cellRows(result, periods: 0..<half)] },
            { [cellRows(result, periods: half..<result.periodCount)] },
            {
                [groupTable(result, by: .region), groupTable(result, by: .sector)]
                    + (result.productMetrics.isEmpty ? [] : [productsTable(result)])
                    + (result.investmentWeights.map { [weightsTable($0, result: result)] } ?? [])
                    + (writesPlan(result) ? [planTable(result)] : [])
                    + (result.nationalDaily.isEmpty ? [] : [nationalTable(result)]) + [summaryTable(result)]
            },
            { result.prices.map { [pricesTable($0, economy: result.economy), priceIndicesTable($0, economy: result.economy)] } ?? [] },
        ]
        let built = ConcurrentJobs.run(jobs)
        var cells = ResultsTable(header: cellsHeader)
        cells.append(rowsOf: built[0][0])
        cells.append(rowsOf: built[1][0])
        return Array(zip(tableNames(for: result), [cells] + built[2] + built[3]))
    }
}
