import Foundation
import ShockFlowFormats
import ShockFlowLinearAlgebra
import ShockFlowModel

/// Runs the static analysis of `shockflow economy analyze` (MODEL (3)–(10)) and writes its files into one
/// folder, atomically.
public enum StaticAnalysisWriter {
    /// Analyses `loaded` and writes output.csv, multipliers.csv (and with `includeMatrices` A, L, B and G)
    /// and the manifest, made once the figures are computed (so that hashing the inputs on other threads
    /// overlaps with the analysis).
    ///
    /// The linear algebra — the LU of I − A, the solves for multipliers and linkages, the inverses — runs
    /// on one OpenBLAS thread whatever the thread setting (`ReproducibleLinearAlgebra`, as runs and sweeps
    /// do), so the files are byte-identical for any OPENBLAS_NUM_THREADS; the manifest says so in its notes.
    /// Returns the names of the files written, in the order written.
    @discardableResult
    public static func write(
        _ loaded: LoadedEconomy, includeMatrices: Bool, to folder: String, manifest makeManifest: () throws -> RunManifest
    ) throws -> [String] {
        let economy = loaded.economy
        let (analysis, linkages, matrices) = try ReproducibleLinearAlgebra.run {
            let analysis = try InputOutputAnalysis(economy: economy)
            let linkages = try analysis.multipliersAndLinkages()
            var matrices: [(name: String, matrix: Matrix)] = []
            if includeMatrices {
                matrices = [
                    ("A", analysis.technicalCoefficients), ("L", try analysis.leontiefInverse()),
                    ("B", try analysis.allocationCoefficients()), ("G", try analysis.ghoshInverse()),
                ]
            }
            return (analysis, linkages, matrices)
        }
        var output = CSVTableWriter(header: ["region", "sector", "output", "value_added"])
        var multipliers = CSVTableWriter(header: [
            "region", "sector", "output_multiplier", "value_added_multiplier", "backward_linkage", "forward_linkage",
        ])
        for cell in 0..<economy.cellCount {
            let labels = cellLabels(economy, cell)
            output.appendRow(labels: labels, values: [analysis.output[cell], analysis.valueAdded[cell]])
            multipliers.appendRow(
                labels: labels,
                values: [
                    linkages.outputMultipliers[cell], linkages.valueAddedMultipliers[cell],
                    linkages.backwardLinkages[cell], linkages.forwardLinkages[cell],
                ])
        }
        // Nothing is written when a figure is NaN or infinite (a singular or ill-conditioned I − A): the
        // folder appears whole or not at all. The long matrices are built one at a time to bound memory.
        let tables = [("output.csv", output), ("multipliers.csv", multipliers)]
        for (name, table) in tables { try table.requireFinite(path: folder + "/" + name) }
        var manifest = try makeManifest()
        manifest.notes.append(ReproducibleLinearAlgebra.note)
        try AtomicDirectory.write(to: folder) { temporary in
            for (name, table) in tables { try table.write(to: temporary + "/" + name) }
            for (name, matrix) in matrices {
                let table = longMatrix(matrix, economy: economy)
                try table.requireFinite(path: folder + "/\(name).csv")
                try table.write(to: temporary + "/\(name).csv")
            }
            try manifest.write(to: temporary + "/manifest.json")
        }
        return tables.map(\.0) + matrices.map { "\($0.name).csv" } + ["manifest.json"]
    }

    /// Every cell of an n×n matrix, row-major: `from_region,from_sector,to_region,to_sector,value`.
    static func longMatrix(_ matrix: Matrix, economy: Economy) -> CSVTableWriter {
        var table = CSVTableWriter(header: ["from_region", "from_sector", "to_region", "to_sector", "value"])
        let labels = (0..<economy.cellCount).map { cellLabels(economy, $0) }
        for row in 0..<matrix.rows {
            for column in 0..<matrix.columns {
                table.appendRow(labels: labels[row] + labels[column], values: [matrix[row, column]])
            }
        }
        return table
    }

    static func cellLabels(_ economy: Economy, _ cell: Int) -> [String] {
        let (region, sector) = economy.cell(cell)
        return [economy.regions[region].code, economy.sectors[sector].code]
    }
}
