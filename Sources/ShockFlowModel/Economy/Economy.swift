import ShockFlowLinearAlgebra

/// A region, sector, imported product or final-demand category: a code plus names.
public struct Label: Hashable, Sendable {
    public var code: String
    public var name: String
    /// Further names the label answers to (e.g. a province's Chinese name).
    public var aliases: [String]

    public init(code: String, name: String? = nil, aliases: [String] = []) {
        self.code = code
        self.name = name ?? code
        self.aliases = aliases
    }
}

/// The money unit as an amount of a currency, so figures can be shown in that currency
/// (10,000 yuan: `CurrencyUnit(code: "CNY", scale: 10_000)`).
public struct CurrencyUnit: Sendable, Equatable {
    /// The ISO 4217 code: three capital letters (`CNY`, `USD`, `EUR`).
    public var code: String
    /// How many units of the currency one money unit is (10,000 for 10,000 yuan; 1 for yuan).
    public var scale: Double

    public init(code: String, scale: Double = 1) {
        self.code = code
        self.scale = scale
    }

    /// Whether `code` is written as an ISO 4217 code: three letters A–Z.
    public static func isValidCode(_ code: String) -> Bool {
        code.utf8.count == 3 && code.utf8.allSatisfy { (65...90).contains($0) }
    }
}

/// Descriptive metadata of an economy (MODEL section 1: all values in one money unit).
public struct EconomyMetadata: Sendable, Equatable {
    public var name: String
    public var year: Int?
    /// The money unit in words, as the source states it (`10,000 yuan (万元)`).
    public var moneyUnit: String
    /// The money unit as a currency and scale, when the economy declares it; nil for free text only.
    public var currency: CurrencyUnit?
    public var source: String
    /// Named groups of region codes (e.g. `east` → [`CN-BJ`, …]).
    public var regionGroups: [String: [String]]
    /// Named groups of sector codes.
    public var sectorGroups: [String: [String]]
    /// The step the source rounded every value to, in the money unit (1: whole units), or nil when
    /// the values are not rounded. The balance checks allow for it (`Economy.roundingAllowance`).
    public var rounding: Double?

    public init(
        name: String, year: Int? = nil, moneyUnit: String = "unknown", currency: CurrencyUnit? = nil, source: String = "",
        regionGroups: [String: [String]] = [:], sectorGroups: [String: [String]] = [:], rounding: Double? = nil
    ) {
        self.name = name
        self.year = year
        self.moneyUnit = moneyUnit
        self.currency = currency
        self.source = source
        self.regionGroups = regionGroups
        self.sectorGroups = sectorGroups
        self.rounding = rounding
    }
}

/// One column of the final-demand matrix Y: a category bought by a destination region.
public struct FinalDemandColumn: Hashable, Sendable {
    public var region: Int
    public var category: Int

    public init(region: Int, category: Int) {
        self.region = region
        self.category = category
    }
}

/// A multi-regional input–output table (MODEL section 1).
///
/// Cells are ordered region-major: cell i = (r, s) has index `r * sectorCount + s`.
/// All matrices are column-major (`Matrix`).
public struct Economy: Sendable {
    public var metadata: EconomyMetadata
    public var regions: [Label]
    public var sectors: [Label]
    /// Final-demand categories (households, government, gfcf, inventories, exports, …).
    public var finalDemandCategories: [Label]
    /// Z, n×n: Z[i, j] = sales of cell i to cell j.
    public var intermediateFlows: Matrix
    /// Y, n×k: one column per entry of `finalDemandColumns`.
    public var finalDemand: Matrix
    public var finalDemandColumns: [FinalDemandColumn]
    /// v, n: value added of each cell (total over components).
    public var valueAdded: [Double]
    /// Optional named components of value added, each of length n (e.g. `depreciation`).
    public var valueAddedComponents: [String: [Double]]
    /// Imported products from outside the table (P labels; empty when imports are not given).
    public var importProducts: [Label]
    /// m, P×n: imports of product p used by cell j.
    public var intermediateImports: Matrix
    /// P×k: imports of product p bought by each final-demand column.
    public var finalDemandImports: Matrix
    /// x, n: gross output.
    public var grossOutput: [Double]

    public init(
        metadata: EconomyMetadata, regions: [Label], sectors: [Label], finalDemandCategories: [Label],
        intermediateFlows: Matrix, finalDemand: Matrix, finalDemandColumns: [FinalDemandColumn],
        valueAdded: [Double], valueAddedComponents: [String: [Double]] = [:],
        importProducts: [Label] = [], intermediateImports: Matrix? = nil, finalDemandImports: Matrix? = nil,
        grossOutput: [Double]
    ) {
        self.metadata = metadata
        self.regions = regions
        self.sectors = sectors
        self.finalDemandCategories = finalDemandCategories
        self.intermediateFlows = intermediateFlows
        self.finalDemand = finalDemand
        self.finalDemandColumns = finalDemandColumns
        self.valueAdded = valueAdded
        self.valueAddedComponents = valueAddedComponents
        self.importProducts = importProducts
        let n = regions.count * sectors.count
        self.intermediateImports = intermediateImports ?? Matrix(rows: importProducts.count, columns: n)
        self.finalDemandImports = finalDemandImports ?? Matrix(rows: importProducts.count, columns: finalDemandColumns.count)
        self.grossOutput = grossOutput
    }

    public var regionCount: Int { regions.count }
    public var sectorCount: Int { sectors.count }
    /// n = R·S.
    public var cellCount: Int { regions.count * sectors.count }

    @inlinable public func cellIndex(region: Int, sector: Int) -> Int { region * sectors.count + sector }

    /// The (region, sector) of cell i.
    @inlinable public func cell(_ index: Int) -> (region: Int, sector: Int) {
        (index / sectors.count, index % sectors.count)
    }

    /// Imports by cell summed over products (m_total of MODEL (2)).
    public func totalIntermediateImports() throws -> [Double] { try intermediateImports.columnSums() }

    /// The columns of Y whose category is one of `categories` (every destination region), in column order.
    public func finalDemandColumns(inCategories categories: [Int]) -> [Int] {
        let wanted = Set(categories)
        return finalDemandColumns.indices.filter { wanted.contains(finalDemandColumns[$0].category) }
    }
}
