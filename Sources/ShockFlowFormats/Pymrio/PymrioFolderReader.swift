import Foundation
import ShockFlowLinearAlgebra
import ShockFlowModel

/// Reads a folder written by pymrio's `IOSystem.save_all(path)` (or `save`) in its text format:
/// `file_parameters.json` naming tab-separated `Z.txt`, `Y.txt` and optionally `x.txt`, with
/// region/sector row and column multi-indices (Y's columns: region/category).
///
/// pymrio's core system has no value added (it lives in extensions such as `factor_inputs`, which
/// are not read), so v = x − Zᵀ1. Without `x.txt`, x = Z·1 + Y·1 as pymrio's `calc_x` does.
enum PymrioFolderReader {
    static let parametersFile = "file_parameters.json"

    static func read(folder: String) throws -> EconomyReading {
        let parameters = try PymrioFileParameters.read(path: folder + "/" + parametersFile)
        let flowsPath = try parameters.entry("Z", folder: folder, headerRows: 2)
        let demandPath = try parameters.entry("Y", folder: folder, headerRows: 2)
        let outputPath = try parameters.optionalEntry("x", folder: folder, headerRows: 1)
        var notes: [String] = []
        var problems = ProblemCollector()

        let (cells, flows) = try readFlows(path: flowsPath, problems: &problems)
        let categories = LabelIndex(kind: "final-demand category", isOpen: true)
        var finalDemand = Matrix(rows: cells.count, columns: 0)
        var finalDemandColumns: [FinalDemandColumn] = []
        try problems.run { problems in
            (finalDemandColumns, finalDemand) = try readFinalDemand(
                path: demandPath, cells: cells, categories: categories, problems: &problems)
        }
        var grossOutput: [Double] = []
        if let outputPath {
            try problems.run { grossOutput = try readGrossOutput(path: outputPath, cells: cells, problems: &$0) }
        }
        try problems.finish()
        if outputPath == nil {
            // pymrio's calc_x: x = Z·1 + Y·1
            let sales = try flows.rowSums()
            let demand = finalDemand.columns > 0 ? try finalDemand.rowSums() : [Double](repeating: 0, count: cells.count)
            grossOutput = (0..<cells.count).map { sales[$0] + demand[$0] }
            notes.append("no x.txt: gross output computed as x = Z·1 + Y·1 (as pymrio's calc_x)")
        }

        // MODEL (2) with no imports: v = x − Zᵀ1
        let inputs = try flows.columnSums()
        let valueAdded = (0..<cells.count).map { grossOutput[$0] - inputs[$0] }
        notes.append("pymrio core tables have no value added: derived as v = x − Zᵀ1 (extensions are not read)")
        let extensions = PymrioFileParameters.extensionFolders(in: folder)
        if !extensions.isEmpty { notes.append("pymrio extensions not read: \(extensions.joined(separator: ", "))") }

        let economy = Economy(
            metadata: PymrioMetadata.read(folder: folder), regions: cells.regions.labels, sectors: cells.sectors.labels,
            finalDemandCategories: categories.labels, intermediateFlows: flows, finalDemand: finalDemand,
            finalDemandColumns: finalDemandColumns, valueAdded: valueAdded, grossOutput: grossOutput)
        let inputFiles = [folder + "/" + parametersFile, flowsPath, demandPath] + (outputPath.map { [$0] } ?? [])
        return EconomyReading(economy: economy, inputFiles: inputFiles, notes: notes)
    }

    /// Z, with the regions and sectors its header defines, its rows read on two threads. The file's
    /// bytes are released on return.
    private static func readFlows(path: String, problems: inout ProblemCollector) throws -> (PymrioCells, Matrix) {
        var table = try PymrioTable(path: path, indexColumns: 2, headerRows: 2)
        let (cells, columnCells) = try cellColumns(of: table)
        let n = cells.count
        var flows = Matrix(rows: n, columns: n)
        try flows.elements.withUnsafeMutableBufferPointer { elements in
            try problems.run { problems in
                let seen = try table.readRowsOnTwoThreads(
                    rowCount: n, problems: &problems, describeRow: cells.describe, locate: cells.locate,
                    store: { row, column, value in elements[row + columnCells[column] * n] = value })
                table.reportMissingRows(seen, describeRow: cells.describe, problems: &problems)
            }
        }
        return (cells, flows)
    }

    private static func readFinalDemand(
        path: String, cells: PymrioCells, categories: LabelIndex, problems: inout ProblemCollector
    ) throws -> ([FinalDemandColumn], Matrix) {
        var table = try PymrioTable(path: path, indexColumns: 2, headerRows: 2)
        let columns = try demandColumns(of: table, regions: cells.regions, categories: categories)
        var values = Matrix(rows: cells.count, columns: columns.count)
        let seen = try table.readRows(
            rowCount: cells.count, problems: &problems, describeRow: cells.describe, locate: cells.locate,
            store: { row, column, value in values[row, column] = value })
        table.reportMissingRows(seen, describeRow: cells.describe, problems: &problems)
        return (columns, values)
    }

    private static func readGrossOutput(path: String, cells: PymrioCells, problems: inout ProblemCollector) throws -> [Double] {
        var table = try PymrioTable(path: path, indexColumns: 2, headerRows: 1)
        guard table.columnCount == 1 else {
            throw DataFileError.invalidTable(
                FileLocation(path: path, line: 1), message: "expected one column of gross output, found \(table.columnCount)")
        }
        var output = [Double](repeating: 0, count: cells.count)
        let seen = try table.readRows(
            rowCount: cells.count, problems: &problems, describeRow: cells.describe, locate: cells.locate,
            store: { row, _, value in output[row] = value })
        table.reportMissingRows(seen, describeRow: cells.describe, problems: &problems)
        for (cell, value) in output.enumerated() where value < 0 {
            problems.record(.negativeOutput(FileLocation(path: path), cell: cells.describe(cell), value: value))
        }
        return output
    }

    /// Regions and sectors from Z's column header (in order of appearance), and each column's cell.
    private static func cellColumns(of table: PymrioTable) throws -> (PymrioCells, columnCells: [Int]) {
        let regions = LabelIndex(kind: "region", isOpen: true)
        let sectors = LabelIndex(kind: "sector", isOpen: true)
        for column in 0..<table.columnCount {
            guard regions.resolve(table.columnLabels[0][column]) != nil,
                sectors.resolve(table.columnLabels[1][column]) != nil
            else {
                throw DataFileError.invalidTable(
                    FileLocation(path: table.path, line: 1, field: table.indexColumns + column + 1),
                    message: "the column has no region or no sector label")
            }
        }
        let n = regions.count * sectors.count
        guard n == table.columnCount else {
            throw DataFileError.invalidTable(
                FileLocation(path: table.path, line: 1),
                message: "the columns are not every region × sector pair: \(regions.count) regions and "
                    + "\(sectors.count) sectors would make \(n) columns, found \(table.columnCount)")
        }
        var seen = [Bool](repeating: false, count: n)
        var columnCells: [Int] = []
        for column in 0..<table.columnCount {
            let region = regions.position(of: table.columnLabels[0][column]) ?? 0
            let sector = sectors.position(of: table.columnLabels[1][column]) ?? 0
            let cell = region * sectors.count + sector
            guard !seen[cell] else {
                throw DataFileError.invalidTable(
                    FileLocation(path: table.path, line: 2, field: table.indexColumns + column + 1),
                    message: "column \(table.columnLabels[0][column])/\(table.columnLabels[1][column]) appears twice")
            }
            seen[cell] = true
            columnCells.append(cell)
        }
        return (PymrioCells(regions: regions, sectors: sectors), columnCells)
    }

    /// Y's columns as (destination region, category) pairs, in file order.
    private static func demandColumns(
        of table: PymrioTable, regions: LabelIndex, categories: LabelIndex
    ) throws -> [FinalDemandColumn] {
        var columns: [FinalDemandColumn] = []
        var seen = Set<FinalDemandColumn>()
        for column in 0..<table.columnCount {
            let location = FileLocation(path: table.path, line: 1, field: table.indexColumns + column + 1)
            let regionCode = table.columnLabels[0][column]
            guard let region = regions.position(of: regionCode) else {
                throw regions.unknownLabelError(regionCode, at: location)
            }
            guard let category = categories.resolve(table.columnLabels[1][column]) else {
                throw DataFileError.invalidTable(location, message: "a final-demand column has no category")
            }
            let entry = FinalDemandColumn(region: region, category: category)
            guard seen.insert(entry).inserted else {
                throw DataFileError.invalidTable(
                    location, message: "column \(regionCode)/\(table.columnLabels[1][column]) appears twice")
            }
            columns.append(entry)
        }
        return columns
    }
}

/// The region × sector cells of a pymrio system, found from a row's two index fields.
private struct PymrioCells {
    let regions: LabelIndex
    let sectors: LabelIndex

    var count: Int { regions.count * sectors.count }

    func describe(_ cell: Int) -> String {
        "\(regions.labels[cell / sectors.count].code)/\(sectors.labels[cell % sectors.count].code)"
    }

    func locate(_ row: CSVReader) throws -> Int {
        let region = row.text(0)
        let sector = row.text(1)
        guard let r = regions.position(of: region) else { throw regions.unknownLabelError(region, at: row.location(field: 0)) }
        guard let s = sectors.position(of: sector) else { throw sectors.unknownLabelError(sector, at: row.location(field: 1)) }
        return r * sectors.count + s
    }
}
