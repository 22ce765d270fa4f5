import ShockFlowModel

/// The contents of `economy.yaml` (see docs/economy-format.md). Unknown keys are refused.
struct EconomyManifest: Decodable {
    var name: String
    var year: Int?
    var moneyUnit: String
    /// The money unit's currency (ISO 4217 code) and how many of its units one money unit is.
    var currency: String?
    var scale: Double?
    /// The step every value was rounded to, in the money unit (`rounding: 1`: whole units).
    var rounding: Double?
    var source: String?
    var regions: [LabelEntry]
    var sectors: [LabelEntry]
    var finalDemandCategories: [LabelEntry]?
    var importProducts: [LabelEntry]?
    var regionGroups: [String: [String]]?
    var sectorGroups: [String: [String]]?
    /// How ShockFlow built the table (`shockflow economy build`): read for the record, not used.
    var build: BuildRecord?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, year, source, regions, sectors
        case moneyUnit = "money_unit"
        case currency, scale
        case finalDemandCategories = "final_demand_categories"
        case importProducts = "import_products"
        case regionGroups = "region_groups"
        case sectorGroups = "sector_groups"
        case rounding
        case build
    }

    init(from decoder: any Decoder) throws {
        try UnknownKeyLog.audit(decoder, allowed: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        year = try container.decodeIfPresent(Int.self, forKey: .year)
        moneyUnit = try container.decode(String.self, forKey: .moneyUnit)
        currency = try container.decodeIfPresent(String.self, forKey: .currency)
        scale = try container.decodeIfPresent(Double.self, forKey: .scale)
        rounding = try container.decodeIfPresent(Double.self, forKey: .rounding)
        source = try container.decodeIfPresent(String.self, forKey: .source)
        regions = try container.decode([LabelEntry].self, forKey: .regions)
        sectors = try container.decode([LabelEntry].self, forKey: .sectors)
        finalDemandCategories = try container.decodeIfPresent([LabelEntry].self, forKey: .finalDemandCategories)
        importProducts = try container.decodeIfPresent([LabelEntry].self, forKey: .importProducts)
        regionGroups = try container.decodeIfPresent([String: [String]].self, forKey: .regionGroups)
        sectorGroups = try container.decodeIfPresent([String: [String]].self, forKey: .sectorGroups)
        build = try container.decodeIfPresent(BuildRecord.self, forKey: .build)
    }

    var metadata: EconomyMetadata {
        EconomyMetadata(
            name: name, year: year, moneyUnit: moneyUnit, currency: currency.map { CurrencyUnit(code: $0, scale: scale ?? 1) },
            source: source ?? "",
            regionGroups: regionGroups ?? [:], sectorGroups: sectorGroups ?? [:], rounding: rounding)
    }
}

/// `build` in `economy.yaml`: the built-in table, its construction options and the SHA-256 of its numbers.
struct BuildRecord: Decodable {
    var recipe: String
    var options: [String: String]
    var tableSha256: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case recipe, options
        case tableSha256 = "table_sha256"
    }

    init(from decoder: any Decoder) throws {
        try UnknownKeyLog.audit(decoder, allowed: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        recipe = try container.decode(String.self, forKey: .recipe)
        options = try container.decode([String: String].self, forKey: .options)
        tableSha256 = try container.decodeIfPresent(String.self, forKey: .tableSha256)
    }
}

/// One region, sector, category or product in `economy.yaml`: a code, a name and other names.
struct LabelEntry: Decodable {
    var code: String
    var name: String?
    var aliases: [String]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case code, name, aliases
    }

    /// Either a mapping (`{code: AUS, name: Australia}`) or just the code (`AUS`).
    init(from decoder: any Decoder) throws {
        if let code = try? decoder.singleValueContainer().decode(String.self) {
            self.code = code
            return
        }
        try UnknownKeyLog.audit(decoder, allowed: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(String.self, forKey: .code)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        aliases = try container.decodeIfPresent([String].self, forKey: .aliases)
    }

    var label: Label { Label(code: code, name: name, aliases: aliases ?? []) }
}

/// Records keys that a decoded type does not know, so all of them can be reported with lines.
/// Travels to the `init(from:)` of each type through the decoder's `userInfo`.
final class UnknownKeyLog {
    struct Entry {
        var path: [any CodingKey]
        var key: String
        var allowed: [String]
    }

    static let userInfoKey = CodingUserInfoKey(rawValue: "shockflow.unknownKeyLog")!
    private(set) var entries: [Entry] = []

    static func audit<Keys: CodingKey & CaseIterable>(_ decoder: any Decoder, allowed: Keys.Type) throws {
        guard let log = decoder.userInfo[userInfoKey] as? UnknownKeyLog else { return }
        let container = try decoder.container(keyedBy: AnyKey.self)
        let allowedNames = Keys.allCases.map(\.stringValue)
        for key in container.allKeys where !allowedNames.contains(key.stringValue) {
            log.entries.append(Entry(path: decoder.codingPath, key: key.stringValue, allowed: allowedNames))
        }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
