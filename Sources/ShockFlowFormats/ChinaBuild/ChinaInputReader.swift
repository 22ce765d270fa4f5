import ShockFlowLinearAlgebra
import ShockFlowModel

/// A province of `provinces.csv`: its label (ISO code, English name; Chinese name and toneless pinyin
/// as aliases) and capital.
struct ChinaProvince {
    var label: Label
    var chineseName: String
    var capital: GeographicPoint
}

/// Reads the raw inputs of the china-2017 build (`Resources/china-2017-inputs`).
enum ChinaInputReader {
    static let provincialTablesFile = "prov_io_2017_42sec_long.csv"
    static let sectorsFile = "sectors.csv"
    static let provincesFile = "provinces.csv"
    static let regionGroupsFile = "region-groups.csv"
    static let inputFiles = [provincialTablesFile, sectorsFile, provincesFile, regionGroupsFile]

    /// Product rows and value-added rows of every provincial table; the total rows (TII, TI) are accepted but not used.
    static let valueAddedRows = ["VA001", "VA002", "VA003", "VA004"]
    static let reportedValueAddedRow = "TVA"
    static let ignoredRows = ["TII", "TI"]
    /// Columns of the use rows: sectors, then these; the total columns (TIU, THC, TC, GCF, TFU) are not used.
    static let useColumns = ["FU101", "FU102", "FU103", "FU201", "FU202", "EX", "OF", "IM", "IF", "ERR", "GO"]
    static let ignoredColumns = ["TIU", "THC", "TC", "GCF", "TFU"]

    static func readProvinces(path: String) throws -> [ChinaProvince] {
        var reader = try CSVReader(path: path)
        let header = try CSVHeader(reading: &reader)
        let required = ["code", "name_en", "name_zh", "capital_lon", "capital_lat"]
        try header.validate(required: required, optional: ["capital_zh", "coord_source", "name_pinyin"], path: path)
        let columns = required.map { header.position(of: $0) ?? 0 }
        let pinyinColumn = header.position(of: "name_pinyin")
        var provinces: [ChinaProvince] = []
        var problems = ProblemCollector()
        while !problems.isFull, try reader.nextRecord() {
            try problems.collecting {
                try reader.requireFieldCount(header.names.count)
                let longitude = try reader.number(columns[3]), latitude = try reader.number(columns[4])
                guard (-180...180).contains(longitude), (-90...90).contains(latitude) else {
                    throw DataFileError.invalidTable(
                        reader.location(field: columns[3]), message: "coordinates \(longitude), \(latitude) are not degrees")
                }
                let name = reader.text(columns[1]), chinese = reader.text(columns[2])
                // The pinyin is an alias only where it differs from the English name (Nei Menggu, Xizang).
                let pinyin = pinyinColumn.map { reader.text($0) } ?? ""
                let aliases = [chinese] + (pinyin.isEmpty || pinyin.lowercased() == name.lowercased() ? [] : [pinyin])
                provinces.append(
                    ChinaProvince(
                        label: Label(code: reader.text(columns[0]), name: name, aliases: aliases),
                        chineseName: chinese, capital: GeographicPoint(longitude: longitude, latitude: latitude)))
            }
        }
        try problems.finish()
        return provinces
    }

    /// Sector labels: two-digit code, English name, Chinese name as alias.
    static func readSectors(path: String) throws -> [Label] {
        var reader = try CSVReader(path: path)
        let header = try CSVHeader(reading: &reader)
        try header.validate(required: ["code", "name_en", "name_zh"], path: path)
        let columns = ["code", "name_en", "name_zh"].map { header.position(of: $0) ?? 0 }
        var sectors: [Label] = []
        while try reader.nextRecord() {
            try reader.requireFieldCount(header.names.count)
            sectors.append(
                Label(code: reader.text(columns[0]), name: reader.text(columns[1]), aliases: [reader.text(columns[2])]))
        }
        return sectors
    }

    /// Named groups of region codes (`group,region` rows), each group in file order.
    static func readRegionGroups(path: String, regions: LabelIndex) throws -> [String: [String]] {
        var reader = try CSVReader(path: path)
        let header = try CSVHeader(reading: &reader)
        try header.validate(required: ["group", "region"], path: path)
        let groupColumn = header.position(of: "group") ?? 0, regionColumn = header.position(of: "region") ?? 1
        var groups: [String: [String]] = [:]
        var problems = ProblemCollector()
        while !problems.isFull, try reader.nextRecord() {
            try problems.collecting {
                try reader.requireFieldCount(header.names.count)
                let code = reader.text(regionColumn)
                guard regions.position(of: code) != nil else {
                    throw regions.unknownLabelError(code, at: reader.location(field: regionColumn))
                }
                groups[reader.text(groupColumn), default: []].append(code)
            }
        }
        try problems.finish()
        return groups
    }

    /// Every provincial table of the long file, in the order of `provinces`; every cell must be present once.
    static func readProvincialTables(path: String, provinces: [ChinaProvince], sectors: [Label]) throws
        -> [SingleRegionTable]
    {
        let sectorCodes = sectors.map(\.code)
        let layout = ProvincialTableLayout(sectorCodes: sectorCodes)
        let provinceIndex = LabelIndex(
            kind: "province (Chinese name)", labels: provinces.map { Label(code: $0.chineseName, name: $0.label.name) })
        let rowIndex = LabelIndex(kind: "table row", labels: layout.rows.map { Label(code: $0) })
        let columnIndex = LabelIndex(kind: "table column", labels: layout.columns.map { Label(code: $0) })
        var table = try LongTable(
            path: path, required: ["province", "row_code", "row_name", "col_code", "value_10k_yuan"])
        var provinceColumn = LabelColumn(field: table.column("province") ?? 0, index: provinceIndex)
        var rowColumn = LabelColumn(field: table.column("row_code") ?? 1, index: rowIndex)
        var columnColumn = LabelColumn(field: table.column("col_code") ?? 3, index: columnIndex)
        let cellsPerProvince = layout.rows.count * layout.columns.count
        var values = [Double](repeating: 0, count: provinces.count * cellsPerProvince)
        var present = [Bool](repeating: false, count: values.count)
        var problems = ProblemCollector()
        try table.readRows(
            valueColumn: table.column("value_10k_yuan") ?? 4, keyCapacity: values.count, problems: &problems,
            locate: { (reader: CSVReader) throws(DataFileError) -> Int in
                let province = try provinceColumn.resolve(in: reader)
                let row = try rowColumn.resolve(in: reader)
                let column = try columnColumn.resolve(in: reader)
                return province * cellsPerProvince + row * layout.columns.count + column
            },
            store: { key, value, _ in
                values[key] = value
                present[key] = true
            })
        try problems.finish()
        for (r, province) in provinces.enumerated() {
            for (row, column) in layout.requiredCells
            where !present[r * cellsPerProvince + row * layout.columns.count + column] {
                problems.record(.invalidTable(
                    FileLocation(path: path),
                    message: "no value for province \(province.chineseName), row \(layout.rows[row]), column \(layout.columns[column])"))
            }
        }
        try problems.finish()
        return provinces.indices.map { r in
            layout.table(values[(r * cellsPerProvince)..<((r + 1) * cellsPerProvince)])
        }
    }
}

/// Row and column codes of a provincial table and how its cells become a `SingleRegionTable`.
private struct ProvincialTableLayout {
    let sectorCount: Int
    let rows: [String]
    let columns: [String]
    /// (row, column) positions that every table must have.
    let requiredCells: [(Int, Int)]

    init(sectorCodes: [String]) {
        sectorCount = sectorCodes.count
        let valueAddedRows = ChinaInputReader.valueAddedRows + [ChinaInputReader.reportedValueAddedRow]
        rows = sectorCodes + valueAddedRows + ChinaInputReader.ignoredRows
        columns = sectorCodes + ChinaInputReader.useColumns + ChinaInputReader.ignoredColumns
        let useColumnCount = sectorCodes.count + ChinaInputReader.useColumns.count
        requiredCells = (0..<sectorCodes.count).flatMap { row in (0..<useColumnCount).map { (row, $0) } }
            + (sectorCodes.count..<(sectorCodes.count + valueAddedRows.count)).flatMap { row in
                (0..<sectorCodes.count).map { (row, $0) }
            }
    }

    /// One province's cells (row-major over `rows` × `columns`) as a table: households are rural + urban.
    func table(_ cells: ArraySlice<Double>) -> SingleRegionTable {
        let base = cells.startIndex, width = columns.count, s = sectorCount
        func value(_ row: Int, _ column: Int) -> Double { cells[base + row * width + column] }
        func useColumn(_ code: String) -> [Double] {
            let column = s + (ChinaInputReader.useColumns.firstIndex(of: code) ?? 0)
            return (0..<s).map { value($0, column) }
        }
        var intermediateUse = Matrix(rows: s, columns: s)
        for p in 0..<s { for j in 0..<s { intermediateUse[p, j] = value(p, j) } }
        let finalColumns = [
            zip(useColumn("FU101"), useColumn("FU102")).map { $0 + $1 }, useColumn("FU103"), useColumn("FU201"),
            useColumn("FU202"),
        ]
        var finalUse = Matrix(rows: s, columns: finalColumns.count)
        for (c, column) in finalColumns.enumerated() { finalUse.setColumn(c, to: column) }
        var components = Matrix(rows: ChinaInputReader.valueAddedRows.count, columns: s)
        for k in 0..<components.rows { for j in 0..<s { components[k, j] = value(s + k, j) } }
        return SingleRegionTable(
            intermediateUse: intermediateUse, finalUse: finalUse, exports: useColumn("EX"), outflows: useColumn("OF"),
            imports: useColumn("IM"), inflows: useColumn("IF"), statisticalDiscrepancy: useColumn("ERR"),
            grossOutput: useColumn("GO"), valueAddedComponents: components,
            reportedValueAdded: (0..<s).map { value(s + ChinaInputReader.valueAddedRows.count, $0) })
    }
}
