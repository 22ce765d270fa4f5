import Foundation
import ShockFlowLinearAlgebra
import ShockFlowModel

/// Reads a national input–output table of China's National Bureau of Statistics in the layout of
/// `data/china-national-io` (non-competitive imports): one region `CN`; the `Domestic` rows give
/// Z, final demand (TC, FU201, FU202, EX) and gross output (GO); the `Imports` rows give imports
/// by product into each sector and into final demand; the VA rows give value added by component
/// (when they are empty, v = total input − TII).
enum NationalTableReader {
    static let indexColumns = ["Code", "Description", "DescriptionInChinese", "Origin"]
    static let grossOutputColumn = "GO"
    /// Intermediate-use columns run from after `Origin` up to this total column.
    static let totalIntermediateUseColumn = "TIU"
    static let categories: [(column: String, label: Label)] = [
        ("TC", Label(code: "consumption", name: "Final consumption expenditure", aliases: ["TC", "最终消费支出"])),
        ("FU201", Label(code: "gfcf", name: "Gross fixed capital formation", aliases: ["FU201", "固定资本形成总额"])),
        ("FU202", Label(code: "inventories", name: "Changes in inventories", aliases: ["FU202", "存货变动"])),
        ("EX", Label(code: "exports", name: "Exports", aliases: ["EX", "出口"])),
    ]
    /// Value-added rows and the component names they become.
    static let valueAddedRows = [
        "VA001": "compensation_of_employees", "VA002": "net_taxes_on_production",
        "VA003": "depreciation", "VA004": "operating_surplus",
    ]

    /// Whether `path` is a CSV file whose header starts like an NBS national table.
    static func recognizes(path: String) -> Bool {
        guard var reader = try? CSVReader(path: path), (try? reader.nextRecord()) == true,
            reader.fieldCount > indexColumns.count
        else { return false }
        return indexColumns.indices.allSatisfy { reader.text($0) == indexColumns[$0] }
    }

    static func read(path: String) throws -> EconomyReading {
        var reader = try CSVReader(path: path)
        let header = try CSVHeader(reading: &reader)
        let layout = try NationalTableLayout(header: header, path: path)
        var table = NationalTableRows(sectorCount: layout.sectorColumns.count)
        var problems = ProblemCollector()
        while !problems.isFull, try reader.nextRecord() {
            try problems.collecting { try table.add(reader, layout: layout) }
        }
        try problems.finish()
        return try table.economy(layout: layout, path: path)
    }
}

/// Where things are in the header of a national table.
struct NationalTableLayout {
    let sectorCodes: [String]
    let sectorColumns: [Int]
    let categoryColumns: [Int]
    let grossOutputColumn: Int
    let fieldCount: Int

    init(header: CSVHeader, path: String) throws {
        var problems = ProblemCollector()
        let required = NationalTableReader.indexColumns + NationalTableReader.categories.map(\.column)
            + [NationalTableReader.totalIntermediateUseColumn, NationalTableReader.grossOutputColumn]
        for name in required where header.position(of: name) == nil {
            problems.record(.missingColumn(path: path, column: name, header: header.names))
        }
        try problems.finish()
        let first = NationalTableReader.indexColumns.count
        let end = header.position(of: NationalTableReader.totalIntermediateUseColumn) ?? first
        guard end > first else {
            throw DataFileError.invalidTable(
                FileLocation(path: path, line: 1), message: "no sector columns between Origin and TIU")
        }
        sectorColumns = Array(first..<end)
        sectorCodes = sectorColumns.map { header.names[$0] }
        categoryColumns = NationalTableReader.categories.map { header.position(of: $0.column) ?? 0 }
        grossOutputColumn = header.position(of: NationalTableReader.grossOutputColumn) ?? 0
        fieldCount = header.names.count
    }
}

/// The rows of a national table as they are read.
private struct NationalTableRows {
    struct ProductRow {
        var code: String
        var name: String
        var chineseName: String
        var line: Int
        var sectorValues: [Double]
        var categoryValues: [Double]
        var grossOutput: Double
    }

    var domestic: [ProductRow] = []
    var imports: [ProductRow] = []
    /// TOT rows (TII, VA…, TVA, TI): sector values, nil where empty.
    var totals: [String: (line: Int, values: [Double?])] = [:]
    let sectorCount: Int

    init(sectorCount: Int) {
        self.sectorCount = sectorCount
    }

    mutating func add(_ row: CSVReader, layout: NationalTableLayout) throws {
        try row.requireFieldCount(layout.fieldCount)
        let code = row.text(0)
        switch row.text(3) {
        case "Domestic", "Imports":
            var problems = ProblemCollector()
            func number(_ field: Int) -> Double {
                do {
                    return try row.economyValue(field)
                } catch {
                    problems.record(error)
                    return 0
                }
            }
            let entry = ProductRow(
                code: code, name: row.text(1), chineseName: row.text(2), line: row.line,
                sectorValues: layout.sectorColumns.map(number), categoryValues: layout.categoryColumns.map(number),
                grossOutput: number(layout.grossOutputColumn))
            try problems.finish()
            if row.text(3) == "Domestic" { domestic.append(entry) } else { imports.append(entry) }
        case "TOT":
            totals[code] = (row.line, try layout.sectorColumns.map { $0 < row.fieldCount && !row.isEmpty($0) ? try row.economyValue($0) : nil })
        default:
            throw DataFileError.invalidTable(
                row.location(field: 3), message: "Origin must be Domestic, Imports or TOT, found \"\(row.text(3))\"")
        }
    }

    func economy(layout: NationalTableLayout, path: String) throws -> EconomyReading {
        let sectors = try sectorLabels(layout: layout, path: path)
        let n = sectors.count
        let categoryCount = NationalTableReader.categories.count
        var flows = Matrix(rows: n, columns: n)
        var finalDemand = Matrix(rows: n, columns: categoryCount)
        var grossOutput = [Double](repeating: 0, count: n)
        var problems = ProblemCollector()
        for row in domestic {
            guard let i = sectors.position(of: row.code) else { continue }
            for j in 0..<n { flows[i, j] = row.sectorValues[j] }
            for c in 0..<categoryCount { finalDemand[i, c] = row.categoryValues[c] }
            grossOutput[i] = row.grossOutput
            if row.grossOutput < 0 {
                problems.record(.negativeOutput(
                    FileLocation(path: path, line: row.line, field: layout.grossOutputColumn + 1, fieldName: "GO"),
                    cell: "CN/\(row.code)", value: row.grossOutput))
            }
        }
        try problems.finish()
        let products = LabelIndex(kind: "import product")
        var intermediateImports = Matrix(rows: imports.count, columns: n)
        var finalDemandImports = Matrix(rows: imports.count, columns: categoryCount)
        for row in imports {
            guard let p = products.add(Label(code: row.code, name: row.name, aliases: [row.chineseName])) else {
                throw DataFileError.duplicateCell(
                    FileLocation(path: path, line: row.line), cell: "Imports \(row.code)",
                    firstLine: imports.first { $0.code == row.code }?.line ?? 0)
            }
            for j in 0..<n { intermediateImports[p, j] = row.sectorValues[j] }
            for c in 0..<categoryCount { finalDemandImports[p, c] = row.categoryValues[c] }
        }
        var notes: [String] = []
        let (valueAdded, components) = try self.valueAdded(grossOutput: grossOutput, path: path, notes: &notes)
        let fileName = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let year = fileName.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.first { (1900...2100).contains($0) }
        let metadata = EconomyMetadata(
            name: fileName, year: year, moneyUnit: "10,000 yuan (万元)", currency: CurrencyUnit(code: "CNY", scale: 10_000),
            source: "Input-Output Tables of China, National Bureau of Statistics of China")
        let economy = Economy(
            metadata: metadata, regions: [Label(code: "CN", name: "China", aliases: ["中国"])],
            sectors: sectors.labels, finalDemandCategories: NationalTableReader.categories.map(\.label),
            intermediateFlows: flows, finalDemand: finalDemand,
            finalDemandColumns: (0..<categoryCount).map { FinalDemandColumn(region: 0, category: $0) },
            valueAdded: valueAdded, valueAddedComponents: components, importProducts: products.labels,
            intermediateImports: intermediateImports, finalDemandImports: finalDemandImports, grossOutput: grossOutput)
        return EconomyReading(economy: economy, inputFiles: [path], notes: notes)
    }

    /// Sectors in header order, named from their Domestic rows; each must have exactly one.
    private func sectorLabels(layout: NationalTableLayout, path: String) throws -> LabelIndex {
        let sectors = LabelIndex(kind: "sector", labels: layout.sectorCodes.map { Label(code: $0) })
        var named = [Label?](repeating: nil, count: sectors.count)
        var firstLines = [Int](repeating: 0, count: sectors.count)
        var problems = ProblemCollector()
        for row in domestic {
            let location = FileLocation(path: path, line: row.line, field: 1, fieldName: "Code")
            guard let i = sectors.position(of: row.code) else {
                problems.record(sectors.unknownLabelError(row.code, at: location))
                continue
            }
            guard named[i] == nil else {
                problems.record(.duplicateCell(location, cell: "Domestic \(row.code)", firstLine: firstLines[i]))
                continue
            }
            named[i] = Label(code: row.code, name: row.name, aliases: row.chineseName.isEmpty ? [] : [row.chineseName])
            firstLines[i] = row.line
        }
        for (i, label) in named.enumerated() where label == nil {
            problems.record(.invalidTable(
                FileLocation(path: path), message: "no Domestic row for sector \(layout.sectorCodes[i])"))
        }
        try problems.finish()
        return LabelIndex(kind: "sector", labels: named.compactMap { $0 })
    }

    /// v from the VA component rows, or total input − TII when those rows are empty.
    private func valueAdded(
        grossOutput: [Double], path: String, notes: inout [String]
    ) throws -> ([Double], [String: [Double]]) {
        let n = grossOutput.count
        let rows = NationalTableReader.valueAddedRows.keys.sorted().compactMap { code in totals[code].map { (code, $0) } }
        let filled = rows.filter { $0.1.values.contains { $0 != nil } }
        if !filled.isEmpty {
            var components: [String: [Double]] = [:]
            for (code, row) in filled {
                guard row.values.allSatisfy({ $0 != nil }) else {
                    throw DataFileError.invalidTable(
                        FileLocation(path: path, line: row.line), message: "value-added row \(code) has empty sector fields")
                }
                components[NationalTableReader.valueAddedRows[code] ?? code] = row.values.map { $0 ?? 0 }
            }
            return (ValueAddedAccounting.total(components, cellCount: n), components)
        }
        guard let intermediate = totals["TII"], intermediate.values.allSatisfy({ $0 != nil }) else {
            throw DataFileError.invalidTable(
                FileLocation(path: path), message: "neither value-added rows (VA001…) nor a complete TII row to derive them")
        }
        let totalInput = totals["TI"].flatMap { row in row.values.allSatisfy { $0 != nil } ? row.values.map { $0 ?? 0 } : nil }
        notes.append("the value-added rows are empty: v = " + (totalInput == nil ? "GO" : "TI") + " − TII")
        let inputs = totalInput ?? grossOutput
        return ((0..<n).map { inputs[$0] - (intermediate.values[$0] ?? 0) }, [:])
    }
}
