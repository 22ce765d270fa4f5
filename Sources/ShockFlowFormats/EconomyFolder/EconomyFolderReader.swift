import ShockFlowLinearAlgebra
import ShockFlowModel

/// Reads a ShockFlow economy folder (docs/economy-format.md): `economy.yaml` plus long-format
/// `Z.csv`, `Y.csv`, `x.csv` and optional `va.csv` and `imports.csv`.
///
/// Problems in all files are collected and reported together.
enum EconomyFolderReader {
    static let manifestFile = "economy.yaml"

    static func read(folder: String) throws -> EconomyReading {
        let manifest = try ManifestReader.read(path: folder + "/" + manifestFile)
        var builder = FolderEconomyBuilder(folder: folder, manifest: manifest)
        var problems = ProblemCollector()
        let required: [(file: String, content: String, read: (inout FolderEconomyBuilder, inout ProblemCollector) throws -> Void)] = [
            ("x.csv", "gross output: region,sector,output", { try $0.readGrossOutput(problems: &$1) }),
            ("Z.csv", "intermediate flows: from_region,from_sector,to_region,to_sector,value",
             { try $0.readIntermediateFlows(problems: &$1) }),
            ("Y.csv", "final demand: from_region,from_sector,to_region,category,value",
             { try $0.readFinalDemand(problems: &$1) }),
        ]
        for file in required {
            switch PathKind(builder.path(file.file)) {
            case .file: try problems.run { try file.read(&builder, &$0) }
            case .missing: problems.record(.fileNotFound(path: builder.path(file.file), expected: file.content))
            case .directory: problems.record(.notAFile(path: builder.path(file.file), expected: file.content))
            }
        }
        let optional: [(file: String, content: String, read: (inout FolderEconomyBuilder, inout ProblemCollector) throws -> Void)] = [
            ("imports.csv", "imports: product,to_region,to_sector[,category],value", { try $0.readImports(problems: &$1) }),
            ("va.csv", "value added: region,sector[,component],value", { try $0.readValueAdded(problems: &$1) }),
        ]
        for file in optional {
            switch PathKind(builder.path(file.file)) {
            case .file: try problems.run { try file.read(&builder, &$0) }
            case .missing: break
            // An optional file that is there but cannot be read is an error, not an absent file.
            case .directory: problems.record(.notAFile(path: builder.path(file.file), expected: file.content))
            }
        }
        try problems.finish()
        return try builder.economy()
    }
}

/// An economy with where it came from: the files read and what was derived rather than read.
struct EconomyReading {
    var economy: Economy
    var inputFiles: [String]
    var notes: [String]
}

/// The arrays of an economy folder as they fill up, file by file.
private struct FolderEconomyBuilder {
    let folder: String
    let manifest: EconomyManifest
    let regions: LabelIndex
    let sectors: LabelIndex
    let categories: LabelIndex
    let products: LabelIndex
    var inputFiles: [String]
    var grossOutput: [Double]
    var intermediateFlows: Matrix
    /// (cell, destination region, category, value) of Y.csv; the matrix is built once categories are known.
    var finalDemandEntries: [(cell: Int, region: Int, category: Int, value: Double)] = []
    var intermediateImportEntries: [(product: Int, cell: Int, value: Double)] = []
    var finalDemandImportEntries: [(product: Int, region: Int, category: Int, value: Double)] = []
    var valueAdded: [Double]?
    var valueAddedComponents: [String: [Double]] = [:]

    init(folder: String, manifest: EconomyManifest) {
        self.folder = folder
        self.manifest = manifest
        regions = LabelIndex(kind: "region", labels: manifest.regions.map(\.label))
        sectors = LabelIndex(kind: "sector", labels: manifest.sectors.map(\.label))
        categories = LabelIndex(
            kind: "final-demand category", labels: manifest.finalDemandCategories?.map(\.label) ?? [],
            isOpen: manifest.finalDemandCategories == nil)
        products = LabelIndex(
            kind: "import product", labels: manifest.importProducts?.map(\.label) ?? [],
            isOpen: manifest.importProducts == nil)
        inputFiles = [folder + "/" + EconomyFolderReader.manifestFile]
        let cellCount = regions.count * sectors.count
        grossOutput = [Double](repeating: 0, count: cellCount)
        intermediateFlows = Matrix(rows: cellCount, columns: cellCount)
    }

    var cellCount: Int { regions.count * sectors.count }

    func path(_ file: String) -> String { folder + "/" + file }

    /// Resolves a (region, sector) pair of columns to a cell index.
    private func cellColumns(_ table: LongTable, region: String, sector: String) -> (LabelColumn, LabelColumn) {
        (LabelColumn(field: table.column(region) ?? 0, index: regions),
         LabelColumn(field: table.column(sector) ?? 0, index: sectors))
    }

    mutating func readGrossOutput(problems: inout ProblemCollector) throws {
        var table = try LongTable(path: path("x.csv"), required: ["region", "sector", "output"])
        inputFiles.append(table.path)
        var (region, sector) = cellColumns(table, region: "region", sector: "sector")
        let (regionField, sectorField, outputField) = (region.field, sector.field, table.column("output") ?? 0)
        let sectorCount = sectors.count
        try table.readRows(
            valueColumn: outputField, keyCapacity: cellCount, problems: &problems,
            locate: { row throws(DataFileError) -> Int in try region.resolve(in: row) * sectorCount + sector.resolve(in: row) },
            store: { cell, value, row throws(DataFileError) in
                guard value >= 0 else {
                    throw DataFileError.negativeOutput(
                        row.location(field: outputField), cell: "\(row.text(regionField))/\(row.text(sectorField))",
                        value: value)
                }
                grossOutput[cell] = value
            })
    }

    mutating func readIntermediateFlows(problems: inout ProblemCollector) throws {
        var table = try LongTable(
            path: path("Z.csv"), required: ["from_region", "from_sector", "to_region", "to_sector", "value"])
        inputFiles.append(table.path)
        var (fromRegion, fromSector) = cellColumns(table, region: "from_region", sector: "from_sector")
        var (toRegion, toSector) = cellColumns(table, region: "to_region", sector: "to_sector")
        let (n, sectorCount) = (cellCount, sectors.count)
        try table.readRows(
            valueColumn: table.column("value") ?? 0, keyCapacity: n * n, problems: &problems,
            locate: { row throws(DataFileError) -> Int in
                let from = try fromRegion.resolve(in: row) * sectorCount + fromSector.resolve(in: row)
                let to = try toRegion.resolve(in: row) * sectorCount + toSector.resolve(in: row)
                return from * n + to
            },
            store: { key, value, _ in intermediateFlows.elements[key / n + (key % n) * n] = value })
    }

    mutating func readFinalDemand(problems: inout ProblemCollector) throws {
        var table = try LongTable(
            path: path("Y.csv"), required: ["from_region", "from_sector", "to_region", "category", "value"])
        inputFiles.append(table.path)
        var (fromRegion, fromSector) = cellColumns(table, region: "from_region", sector: "from_sector")
        var toRegion = LabelColumn(field: table.column("to_region") ?? 0, index: regions)
        var category = LabelColumn(field: table.column("category") ?? 0, index: categories)
        let sectorCount = sectors.count
        try table.readRows(
            valueColumn: table.column("value") ?? 0, problems: &problems,
            locate: { row throws(DataFileError) -> Int in
                let cell = try fromRegion.resolve(in: row) * sectorCount + fromSector.resolve(in: row)
                return KeyPacking.pack([cell, try toRegion.resolve(in: row), try category.resolve(in: row)])
            },
            store: { key, value, _ in
                let parts = KeyPacking.unpack(key, count: 3)
                finalDemandEntries.append((parts[0], parts[1], parts[2], value))
            })
    }

    /// `product,to_region,to_sector,value`, or with a `category` column, where rows with a category
    /// (and an empty `to_sector`) are imports bought directly by final demand.
    mutating func readImports(problems: inout ProblemCollector) throws {
        var table = try LongTable(
            path: path("imports.csv"), required: ["product", "to_region", "to_sector", "value"], optional: ["category"])
        inputFiles.append(table.path)
        var product = LabelColumn(field: table.column("product") ?? 0, index: products)
        var (toRegion, toSector) = cellColumns(table, region: "to_region", sector: "to_sector")
        let categoryField = table.column("category")
        var category = LabelColumn(field: categoryField ?? 0, index: categories)
        let sectorCount = sectors.count
        try table.readRows(
            valueColumn: table.column("value") ?? 0, problems: &problems,
            locate: { row throws(DataFileError) -> Int in
                let productIndex = try product.resolve(in: row)
                let region = try toRegion.resolve(in: row)
                if let categoryField, !row.isEmpty(categoryField) {
                    guard row.isEmpty(toSector.field) else {
                        throw DataFileError.invalidTable(
                            row.location(field: toSector.field),
                            message: "an import into final demand (category given) must leave to_sector empty")
                    }
                    return KeyPacking.pack([productIndex, 1 + region, try category.resolve(in: row)])
                }
                return KeyPacking.pack([productIndex, 0, region * sectorCount + (try toSector.resolve(in: row))])
            },
            store: { key, value, _ in
                let parts = KeyPacking.unpack(key, count: 3)
                if parts[1] > 0 {
                    finalDemandImportEntries.append((parts[0], parts[1] - 1, parts[2], value))
                } else {
                    intermediateImportEntries.append((parts[0], parts[2], value))
                }
            })
    }

    /// `region,sector,value`, or `region,sector,component,value` where v is the sum of components.
    mutating func readValueAdded(problems: inout ProblemCollector) throws {
        var table = try LongTable(path: path("va.csv"), required: ["region", "sector", "value"], optional: ["component"])
        inputFiles.append(table.path)
        var (region, sector) = cellColumns(table, region: "region", sector: "sector")
        let components = LabelIndex(kind: "value-added component", isOpen: true)
        let componentField = table.column("component")
        var component = LabelColumn(field: componentField ?? 0, index: components)
        var values = [[Double]]()
        let (n, sectorCount) = (cellCount, sectors.count)
        try table.readRows(
            valueColumn: table.column("value") ?? 0, problems: &problems,
            locate: { row throws(DataFileError) -> Int in
                let cell = try region.resolve(in: row) * sectorCount + sector.resolve(in: row)
                return KeyPacking.pack([componentField == nil ? 0 : try component.resolve(in: row), cell])
            },
            store: { key, value, _ in
                let parts = KeyPacking.unpack(key, count: 2)
                while values.count <= parts[0] { values.append([Double](repeating: 0, count: n)) }
                values[parts[0]][parts[1]] = value
            })
        guard componentField != nil else {
            valueAdded = values.first ?? [Double](repeating: 0, count: n)
            return
        }
        for (position, label) in components.labels.enumerated() where position < values.count {
            valueAddedComponents[label.code] = values[position]
        }
        valueAdded = ValueAddedAccounting.total(valueAddedComponents, cellCount: n)
    }

    /// Assembles the economy; without va.csv, v = x − Zᵀ1 − m_total (MODEL (2)).
    func economy() throws -> EconomyReading {
        let regionCount = regions.count
        let categoryCount = categories.count
        var finalDemand = Matrix(rows: cellCount, columns: regionCount * categoryCount)
        for entry in finalDemandEntries {
            finalDemand[entry.cell, entry.region * categoryCount + entry.category] = entry.value
        }
        var intermediateImports = Matrix(rows: products.count, columns: cellCount)
        for entry in intermediateImportEntries { intermediateImports[entry.product, entry.cell] = entry.value }
        var finalDemandImports = Matrix(rows: products.count, columns: regionCount * categoryCount)
        for entry in finalDemandImportEntries {
            finalDemandImports[entry.product, entry.region * categoryCount + entry.category] = entry.value
        }
        var notes: [String] = []
        let valueAdded: [Double]
        if let given = self.valueAdded {
            valueAdded = given
        } else {
            valueAdded = try ValueAddedAccounting.residual(
                grossOutput: grossOutput, intermediateFlows: intermediateFlows, intermediateImports: intermediateImports)
            notes.append("va.csv is absent: value added derived as v = x − Zᵀ1 − imports (MODEL (2))")
        }
        let economy = Economy(
            metadata: manifest.metadata, regions: regions.labels, sectors: sectors.labels,
            finalDemandCategories: categories.labels, intermediateFlows: intermediateFlows,
            finalDemand: finalDemand,
            finalDemandColumns: (0..<regionCount).flatMap { region in
                (0..<categoryCount).map { FinalDemandColumn(region: region, category: $0) }
            },
            valueAdded: valueAdded, valueAddedComponents: valueAddedComponents, importProducts: products.labels,
            intermediateImports: intermediateImports, finalDemandImports: finalDemandImports, grossOutput: grossOutput)
        return EconomyReading(economy: economy, inputFiles: inputFiles, notes: notes)
    }
}
