import Foundation
import ShockFlowModel

/// Settings of the china-2017 build.
public struct ChinaBuildOptions: Sendable, Equatable {
    public var construction: ConstructionOptions
    /// An NBS national table (the layout of `china_2017_42.csv`) to compare the built totals with.
    public var nationalTablePath: String?

    public init(construction: ConstructionOptions = ConstructionOptions(), nationalTablePath: String? = nil) {
        self.construction = construction
        self.nationalTablePath = nationalTablePath
    }
}

/// The raw inputs of the china-2017 build, read and checked once: every variant of the table is
/// built from the same 31 provincial tables and capitals.
public struct ChinaBuildInputs: Sendable {
    /// The inputs folder and the files read from it, in reading order.
    public let directory: String
    public let files: [String]
    let construction: MultiRegionalInputs

    /// Reads the files of `Resources/china-2017-inputs` (or a folder laid out the same way).
    public static func read(directory: String) throws -> ChinaBuildInputs {
        func path(_ file: String) -> String { directory + "/" + file }
        let provinces = try ChinaInputReader.readProvinces(path: path(ChinaInputReader.provincesFile))
        let sectors = try ChinaInputReader.readSectors(path: path(ChinaInputReader.sectorsFile))
        let regionIndex = LabelIndex(kind: "region", labels: provinces.map(\.label))
        let groups = try ChinaInputReader.readRegionGroups(
            path: path(ChinaInputReader.regionGroupsFile), regions: regionIndex)
        let tables = try ChinaInputReader.readProvincialTables(
            path: path(ChinaInputReader.provincialTablesFile), provinces: provinces, sectors: sectors)
        let metadata = EconomyMetadata(
            name: ChinaMRIOBuilder.economyName, year: 2017, moneyUnit: ChinaMRIOBuilder.moneyUnit,
            currency: ChinaMRIOBuilder.currency, source: ChinaMRIOBuilder.sourceText, regionGroups: groups)
        let inputs = MultiRegionalInputs(
            tables: tables, distances: greatCircleDistances(provinces.map(\.capital)), regions: provinces.map(\.label),
            sectors: sectors, domesticFinalDemandCategories: ChinaMRIOBuilder.domesticFinalDemandCategories,
            valueAddedComponentNames: ChinaMRIOBuilder.valueAddedComponentNames, metadata: metadata)
        return ChinaBuildInputs(directory: directory, files: ChinaInputReader.inputFiles.map(path), construction: inputs)
    }
}

/// Builds the `china-2017` economy (31 provinces × 42 sectors) from the 2017 provincial
/// input–output tables: reads the raw inputs, runs `MultiRegionalConstruction`, checks the
/// result (MODEL (1), (2)) and reports every adjustment. Method: docs/china-2017.md.
public enum ChinaMRIOBuilder {
    public static let economyName = "china-2017"
    /// Name of the inputs folder among ShockFlowFormats' resources.
    public static let inputsFolderName = "china-2017-inputs"

    public static let domesticFinalDemandCategories = [
        Label(code: "households", name: "Household consumption (rural + urban)", aliases: ["居民消费支出"]),
        Label(code: "government", name: "Government consumption", aliases: ["政府消费支出"]),
        Label(code: "gfcf", name: "Gross fixed capital formation", aliases: ["固定资本形成总额"]),
        Label(code: "inventories", name: "Changes in inventories", aliases: ["存货变动"]),
    ]
    /// Names of the value-added components (rows VA001–VA004), as the national-table reader names them.
    public static let valueAddedComponentNames = [
        "compensation_of_employees", "net_taxes_on_production", "depreciation", "operating_surplus",
    ]
    public static let moneyUnit = "10,000 yuan (万元)"
    /// The money unit as a currency: 10,000 yuan.
    public static let currency = CurrencyUnit(code: "CNY", scale: 10_000)
    public static let sourceText =
        "China 2017 multi-regional input-output table, 31 provinces x 42 sectors, built by ShockFlow "
        + "(gravity model and RAS; method in docs/china-2017.md) from the 2017 provincial input-output tables, "
        + "provincial bureaus of statistics of China (compiled in the R package CHNIO by Pu Chen); capitals' "
        + "coordinates from Ma and Tang (2024), Journal of International Economics 103873"

    /// Builds the economy from the inputs folder `directory` (the files of `Resources/china-2017-inputs`).
    /// Throws `DataFileError` for unreadable inputs and `ConstructionError` when the construction fails.
    public static func build(inputs directory: String, options: ChinaBuildOptions = ChinaBuildOptions()) throws
        -> (economy: Economy, report: ChinaBuildReport)
    {
        try build(ChinaBuildInputs.read(directory: directory), options: options)
    }

    /// Builds the economy from inputs read before, checks it and reports every adjustment.
    public static func build(_ inputs: ChinaBuildInputs, options: ChinaBuildOptions = ChinaBuildOptions()) throws
        -> (economy: Economy, report: ChinaBuildReport)
    {
        let (economy, construction) = try MultiRegionalConstruction.build(inputs.construction, options: options.construction)
        let national = try options.nationalTablePath.map { try NationalComparison(path: $0, built: economy) }
        let report = ChinaBuildReport(
            options: options,
            inputFiles: inputs.files + (options.nationalTablePath.map { [$0] } ?? []),
            regions: economy.regions, sectors: economy.sectors, finalDemandCategories: economy.finalDemandCategories,
            construction: construction, check: try economy.check(), national: national)
        return (economy, report)
    }

    /// The economy alone, neither checked nor compared: a sweep's variants of the table (the sweep
    /// checks each as `requirePassingChecks` does).
    public static func buildEconomy(_ inputs: ChinaBuildInputs, construction: ConstructionOptions) throws -> Economy {
        try MultiRegionalConstruction.build(inputs.construction, options: construction).economy
    }

    /// The inputs folder shipped among ShockFlowFormats' resources, next to the built-in economies.
    public static func bundledInputsDirectory(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> String {
        let candidates = BuiltInEconomies.searchDirectories(environment: environment).map {
            URL(fileURLWithPath: $0).deletingLastPathComponent().appendingPathComponent(inputsFolderName).path
        }
        for candidate in candidates
        where PathKind(candidate + "/" + ChinaInputReader.provincialTablesFile) == .file {
            return candidate
        }
        throw DataFileError.fileNotFound(
            path: candidates.first ?? inputsFolderName,
            expected: "the china-2017 inputs folder (\(ChinaInputReader.inputFiles.joined(separator: ", ")))")
    }
}
