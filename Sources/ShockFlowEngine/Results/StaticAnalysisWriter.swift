import Foundation
import ShockFlowFormats
import ShockFlowLinearAlgebra
import ShockFlowModel

/// Writes the files of `shockflow economy analyze` (MODEL (3)–(10)) into one folder, atomically.
public enum StaticAnalysisWriter {
    public static func write(
        _ analysis: InputOutputAnalysis, loaded: LoadedEconomy, includeMatrices: Bool, to folder: String,
        manifest: RunManifest
    ) throws {
        var manifest = manifest
        let economy = analysis.economy
        let linkages = try analysis.multipliersAndLinkages()
        var matrices: [(name: String, matrix: Matrix)] = []
        if includeMatrices {
            matrices = [
                ("A", analysis.technicalCoefficients), ("L", try analysis.leontiefInverse()),
                ("B", try analysis.allocationCoefficients()), ("G", try analysis.ghoshInverse()),
            ]
        }
        try AtomicDirectory.write(to: folder) { temporary in
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
            try output.write(to: temporary + "/output.csv")
            try multipliers.write(to: temporary + "/multipliers.csv")
            for (name, matrix) in matrices {
                try writeLongMatrix(matrix, economy: economy, to: temporary + "/\(name).csv")
            }
            try manifest.write(to: temporary + "/manifest.json")
        }
    }

    /// Every cell of an n×n matrix, row-major: `from_region,from_sector,to_region,to_sector,value`.
    static func writeLongMatrix(_ matrix: Matrix, economy: Economy, to path: String) throws {
        var table = CSVTableWriter(header: ["from_region", "from_sector", "to_region", "to_sector", "value"])
        let labels = (0..<economy.cellCount).map { cellLabels(economy, $0) }
        for row in 0..<matrix.rows {
            for column in 0..<matrix.columns {
                table.appendRow(labels: labels[row] + labels[column], values: [matrix[row, column]])
            }
        }
        try table.write(to: path)
    }

    static func cellLabels(_ economy: Economy, _ cell: Int) -> [String] {
        let (region, sector) = economy.cell(cell)
        return [economy.regions[region].code, economy.sectors[sector].code]
    }
}
