import ShockFlowFormats
import ShockFlowModel

/// What `shockflow economy show` prints: the names a scenario can give one kind of an economy's labels
/// (code, name, aliases) with the economy's totals for each, so that a modeler can find a code and see
/// how large it is. Rendered as CSV, as an aligned table for a terminal, or as a Markdown table.
public struct EconomyNameListing: Sendable {
    /// The four kinds of labels a scenario's selectors name.
    public enum Kind: String, CaseIterable, Sendable {
        case regions, sectors, products, categories
    }

    public enum Format: String, CaseIterable, Sendable {
        case table, csv, markdown
    }

    public struct Row: Sendable, Equatable {
        public var code: String
        public var name: String
        public var aliases: [String]
        /// The totals, in the order of `valueColumns`, in the economy's money unit.
        public var values: [Double]

        public init(code: String, name: String, aliases: [String], values: [Double]) {
            self.code = code
            self.name = name
            self.aliases = aliases
            self.values = values
        }
    }

    /// A named group of the listed labels (a scenario can name it too).
    public struct Group: Sendable, Equatable {
        public var name: String
        public var codes: [String]

        public init(name: String, codes: [String]) {
            self.name = name
            self.codes = codes
        }
    }

    public let kind: Kind
    public let economyName: String
    public let moneyUnit: String
    /// `output`, `value_added` for regions and sectors; `imports` for products; `total` for categories.
    public let valueColumns: [String]
    public let rows: [Row]
    /// The economy's groups of regions or of sectors, by name.
    public let groups: [Group]

    public init(economy: Economy, kind: Kind) {
        self.kind = kind
        economyName = economy.metadata.name
        moneyUnit = economy.metadata.moneyUnit
        let groupsByName: [String: [String]]
        switch kind {
        case .regions:
            valueColumns = ["output", "value_added"]
            rows = economy.regions.indices.map { region in
                let cells = economy.sectors.indices.map { economy.cellIndex(region: region, sector: $0) }
                return Row(economy.regions[region], values: Self.sums(cells, of: [economy.grossOutput, economy.valueAdded]))
            }
            groupsByName = economy.metadata.regionGroups
        case .sectors:
            valueColumns = ["output", "value_added"]
            rows = economy.sectors.indices.map { sector in
                let cells = economy.regions.indices.map { economy.cellIndex(region: $0, sector: sector) }
                return Row(economy.sectors[sector], values: Self.sums(cells, of: [economy.grossOutput, economy.valueAdded]))
            }
            groupsByName = economy.metadata.sectorGroups
        case .products:
            valueColumns = ["imports"]
            let imports = economy.intermediateImports
            rows = economy.importProducts.indices.map { product in
                Row(economy.importProducts[product], values: [(0..<imports.columns).reduce(0) { $0 + imports[product, $1] }])
            }
            groupsByName = [:]
        case .categories:
            valueColumns = ["total"]
            rows = economy.finalDemandCategories.indices.map { category in
                Row(economy.finalDemandCategories[category], values: [economy.finalDemandTotal(category: category)])
            }
            groupsByName = [:]
        }
        groups = groupsByName.keys.sorted().map { Group(name: $0, codes: groupsByName[$0] ?? []) }
    }

    /// Σ over `cells` of each vector, in cell order.
    private static func sums(_ cells: [Int], of vectors: [[Double]]) -> [Double] {
        vectors.map { vector in cells.reduce(0) { $0 + vector[$1] } }
    }

    /// Aliases are listed for every kind but final-demand categories.
    public var listsAliases: Bool { kind != .categories }

    public var header: [String] { ["code", "name"] + (listsAliases ? ["aliases"] : []) + valueColumns }

    /// The listing in `format`, ending with a line break.
    public func rendered(as format: Format) -> String {
        switch format {
        case .csv: csv()
        case .table: text(markdown: false)
        case .markdown: text(markdown: true)
        }
    }

    /// `header` then one row per label; aliases joined by `|`; numbers in their shortest exact form.
    private func csv() -> String {
        var writer = CSVTableWriter(header: header)
        for row in rows { writer.appendRow(labels: labelFields(row), values: row.values) }
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    private func labelFields(_ row: Row) -> [String] {
        [row.code, row.name] + (listsAliases ? [row.aliases.joined(separator: "|")] : [])
    }

    /// A line saying what is listed and in which unit, the table, then the groups.
    private func text(markdown: Bool) -> String {
        guard !rows.isEmpty else { return "economy \(economyName) has no \(plural)\n" }
        var grid = TextGrid(
            headers: header, alignments: header.indices.map { $0 < header.count - valueColumns.count ? .left : .right })
        grid.rows = rows.map { row in
            (labelFields(row) + row.values.map { DisplayNumber.format($0) }).map { TextGrid.Cell(text: $0) }
        }
        var lines = [caption, ""] + (markdown ? grid.markdown() : grid.terminal(indent: "", colour: false))
        if !groups.isEmpty {
            lines += ["", "Groups (a scenario can name them as it names a \(noun)):"]
            lines += groups.map { markdown ? "- `\($0.name)`: \($0.codes.joined(separator: ", "))" : "  \($0.name): \($0.codes.joined(separator: ", "))" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private var noun: String {
        switch kind {
        case .regions: "region"
        case .sectors: "sector"
        case .products: "imported product"
        case .categories: "final-demand category"
        }
    }

    private var plural: String { kind == .categories ? "final-demand categories" : noun + "s" }

    private var caption: String {
        let unit = moneyUnit == "unknown" || moneyUnit.isEmpty ? "the economy's money unit" : moneyUnit
        let count = "\(rows.count) \(plural)"
        switch kind {
        case .regions:
            return "\(economyName): \(count); output and value added in \(unit), summed over each region's sectors"
        case .sectors:
            return "\(economyName): \(count); output and value added in \(unit), summed over each sector's regions"
        case .products:
            return "\(economyName): \(count); imports: intermediate imports of the product by every cell, in \(unit)"
        case .categories:
            return "\(economyName): \(count); total: final demand of the category in every region, in \(unit)"
        }
    }
}

extension EconomyNameListing.Row {
    fileprivate init(_ label: Label, values: [Double]) {
        self.init(code: label.code, name: label.name, aliases: label.aliases, values: values)
    }
}
