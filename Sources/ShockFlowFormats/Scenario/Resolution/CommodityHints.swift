import ShockFlowModel

/// A commodity that has no sector of its own in the NBS 42-sector classification (china-2017 and the
/// national tables): the sectors that hold it and what part of it each holds. A selector that names it
/// is an error that says where it is and points to a shock's `share`, as the shipped scenarios do.
struct CommodityHint: Sendable {
    struct Part: Sendable {
        /// The NBS 42-sector code.
        var sector: String
        /// What of the commodity that sector holds, and the source of the placement.
        var holds: String
    }

    /// The names a modeler may type; matched on whole words, ignoring case, accents and a plural `s`.
    var names: [String]
    var parts: [Part]
    /// How a shipped scenario gives the commodity's part of its sector.
    var example: String? = nil

    /// The form `names` are compared in: words joined by one space, without a final `s`.
    static func key(_ text: String) -> String {
        var key = NameForm.words(text).joined(separator: " ")
        if key.count > 2, key.hasSuffix("s") { key.removeLast() }
        return key
    }
}

/// The commodity table. Placements follow the NBS 2020 input–output table at 153 products (the product
/// codes quoted; products 001–005 make 42-sector 01, 090–095 make 20, …) and, for a class inside a
/// product, the national industrial classification GB/T 4754-2017 (class numbers quoted).
enum CommodityHints {
    /// The names the NBS gives the sectors the hints name: a hint's part applies to an economy only
    /// where a label carries that code with that name.
    static let sectorNames: [String: String] = [
        "01": "Agriculture, forestry, animal husbandry and fishery",
        "03": "Exploitation of petroleum and natural gas",
        "04": "Mining and processing of metal ores",
        "05": "Mining and processing of nonmetal and other ores",
        "06": "Manufacture of foods and tobacco",
        "07": "Manufacture of textiles",
        "11": "Processing of petroleum, coking, and nuclear fuel",
        "12": "Manufacture of chemical products",
        "13": "Manufacture of non-metallic mineral products",
        "14": "Smelting and processing of metals",
        "16": "Manufacture of general purpose machinery",
        "17": "Manufacture of special purpose machinery",
        "18": "Manufacture of transport equipment",
        "19": "Manufacture of electrical machinery and equipment",
        "20": "Manufacture of communication equipment, computers and other electronic equipment",
        "25": "Production and supply of gas",
    ]

    static let nbs42: [CommodityHint] = [
        CommodityHint(
            names: ["chips", "semiconductors", "integrated circuits", "ICs", "microchips", "芯片", "集成电路"],
            parts: [.init(sector: "20", holds: "integrated circuits and other semiconductors as electronic components (153-sector product 094)")],
            example: "scenarios/chip-export-controls.yaml does (`products: \"20\"`, `share: 0.78`: electronic components' part of product 20's imports)"),
        CommodityHint(
            names: ["chipmaking equipment", "semiconductor equipment", "lithography machines", "光刻机"],
            parts: [.init(sector: "17", holds: "equipment for making semiconductors (GB/T 4754-2017 class 3562; 153-sector product 078)")]),
        CommodityHint(
            names: ["rare earths", "rare earth elements", "REE", "稀土"],
            parts: [
                .init(sector: "04", holds: "rare-earth ores and concentrates (rare-earth mining is part of non-ferrous metal ores, 153-sector product 009)"),
                .init(sector: "14", holds: "rare-earth oxides, metals and alloys (rare-earth smelting is part of non-ferrous metals, product 064)"),
            ],
            example: "scenarios/rare-earth-export-restrictions.yaml does (`sectors: \"14\"`, `share: 0.045` and `sectors: \"04\"`, `share: 0.1` of the exports)"),
        CommodityHint(
            names: ["lithium", "锂"],
            parts: [
                .init(sector: "04", holds: "lithium ores (rare-metal mining is part of non-ferrous metal ores, 153-sector product 009)"),
                .init(sector: "14", holds: "lithium metal (rare-metal smelting is part of non-ferrous metals, product 064)"),
                .init(sector: "19", holds: "lithium-ion batteries (batteries, product 087)"),
            ]),
        CommodityHint(
            names: ["copper", "aluminium", "aluminum", "nickel", "cobalt", "zinc", "tin", "tungsten", "gallium", "germanium", "antimony"],
            parts: [
                .init(sector: "04", holds: "the ores (non-ferrous metal ores, 153-sector product 009)"),
                .init(sector: "14", holds: "the metal (non-ferrous metals and their processing, products 064 and 065)"),
            ]),
        CommodityHint(
            names: ["iron", "iron ore", "铁矿石"],
            parts: [
                .init(sector: "04", holds: "iron ore (ferrous metal ores, 153-sector product 008)"),
                .init(sector: "14", holds: "pig iron and ferroalloys (product 063)"),
            ]),
        CommodityHint(
            names: ["steel", "钢铁"],
            parts: [.init(sector: "14", holds: "steel (153-sector products 061 and 062, smelting and processing of steel)")]),
        CommodityHint(
            names: ["graphite", "石墨"],
            parts: [
                .init(sector: "05", holds: "natural graphite (non-metal ores, 153-sector product 010)"),
                .init(sector: "13", holds: "graphite products (graphite and other non-metallic mineral products, product 060)"),
            ]),
        CommodityHint(
            names: ["crude oil", "crude petroleum", "原油"],
            parts: [.init(sector: "03", holds: "crude oil, with natural gas (153-sector product 007)")]),
        CommodityHint(
            names: ["oil", "石油"],
            parts: [
                .init(sector: "03", holds: "crude oil, with natural gas (153-sector product 007)"),
                .init(sector: "11", holds: "refined oil products (product 041)"),
                .init(sector: "06", holds: "vegetable oils (product 014)"),
            ]),
        CommodityHint(
            names: ["natural gas", "LNG", "liquefied natural gas", "天然气"],
            parts: [
                .init(sector: "03", holds: "natural gas as extracted, with crude oil (153-sector product 007)"),
                .init(sector: "25", holds: "gas distributed to users (production and supply of gas, product 101)"),
            ]),
        CommodityHint(
            names: ["gasoline", "petrol", "diesel", "kerosene", "jet fuel", "fuel oil", "refined oil", "成品油"],
            parts: [.init(sector: "11", holds: "refined oil products (153-sector product 041)")]),
        CommodityHint(
            names: ["soybeans", "soya beans", "soya", "soy", "大豆"],
            parts: [
                .init(sector: "01", holds: "the beans (agricultural products, 153-sector product 001)"),
                .init(sector: "06", holds: "soybean oil and meal (vegetable oils, product 014)"),
            ],
            example: "scenarios/soybean-import-shock.yaml does (`products: \"01\"`, `share: 0.6` and `products: \"06\"`, `share: 0.05`)"),
        CommodityHint(
            names: ["grain", "wheat", "rice", "corn", "maize", "粮食"],
            parts: [
                .init(sector: "01", holds: "the crops (agricultural products, 153-sector product 001)"),
                .init(sector: "06", holds: "milled grain and feed (products 012 and 013)"),
            ]),
        CommodityHint(
            names: ["meat", "pork", "beef", "猪肉"],
            parts: [
                .init(sector: "01", holds: "live animals (animal husbandry, 153-sector product 003)"),
                .init(sector: "06", holds: "meat (slaughtering and meat processing, product 016)"),
            ]),
        CommodityHint(
            names: ["cotton", "棉花"],
            parts: [
                .init(sector: "01", holds: "raw cotton (agricultural products, 153-sector product 001)"),
                .init(sector: "07", holds: "cotton yarn and fabric (product 027)"),
            ]),
        CommodityHint(
            names: ["pharmaceuticals", "medicines", "drugs", "医药", "药品"],
            parts: [.init(sector: "12", holds: "medicines (medical products, 153-sector product 050)")]),
        CommodityHint(
            names: ["fertilizers", "fertilisers", "化肥"],
            parts: [.init(sector: "12", holds: "fertilizers (153-sector product 044)")]),
        CommodityHint(
            names: ["plastics", "rubber", "塑料", "橡胶"],
            parts: [.init(sector: "12", holds: "rubber and plastic products (153-sector products 052 and 053)")]),
        CommodityHint(
            names: ["cement", "glass", "ceramics", "水泥", "玻璃"],
            parts: [.init(sector: "13", holds: "cement, glass and ceramics (153-sector products 054 to 058)")]),
        CommodityHint(
            names: ["robots", "industrial robots", "robotics", "机器人"],
            parts: [
                .init(sector: "16", holds: "industrial and service robots (GB/T 4754-2017 classes 3491 and 3492; 153-sector product 073)"),
                .init(sector: "20", holds: "consumer robots (class 3964, smart consumer devices, in division 39, electronic equipment)"),
            ]),
        CommodityHint(
            names: ["medical devices", "medical equipment", "医疗器械"],
            parts: [.init(sector: "17", holds: "medical instruments and equipment (153-sector product 077)")]),
        CommodityHint(
            names: ["cars", "automobiles", "motor vehicles", "vehicles", "electric vehicles", "EVs", "auto parts", "汽车"],
            parts: [.init(sector: "18", holds: "automobiles and their parts (153-sector products 079 and 080)")]),
        CommodityHint(
            names: ["ships", "shipbuilding", "aircraft", "airplanes", "aeroplanes", "planes", "船舶", "飞机"],
            parts: [.init(sector: "18", holds: "ships (153-sector product 082) and aircraft (other transport equipment, product 083)")]),
        CommodityHint(
            names: ["batteries", "battery", "电池"],
            parts: [.init(sector: "19", holds: "batteries (153-sector product 087)")]),
        CommodityHint(
            names: ["solar panels", "solar cells", "solar modules", "photovoltaics", "photovoltaic", "PV", "光伏"],
            parts: [.init(sector: "19", holds: "photovoltaic cells and modules (GB/T 4754-2017 class 3825, in electrical machinery; 153-sector product 085)")]),
        CommodityHint(
            names: ["smartphones", "mobile phones", "phones", "手机"],
            parts: [.init(sector: "20", holds: "communication equipment (153-sector product 091)")]),
    ]
}

/// The commodity hints that apply to one catalog's labels, by typed key.
struct CommodityHintIndex: Sendable {
    struct Entry: Sendable {
        var hint: CommodityHint
        /// The parts whose sector the labels have, with the label's index.
        var parts: [(part: CommodityHint.Part, label: Int)]
    }

    private var entries: [String: Entry] = [:]

    /// Keeps the parts of `hints` whose sector is among `labels` with its NBS name; drops hints left with none.
    init(_ hints: [CommodityHint], labels: [Label]) {
        var positions: [String: Int] = [:]
        for (index, label) in labels.enumerated()
        where CommodityHints.sectorNames[label.code]?.lowercased() == label.name.lowercased() {
            positions[label.code] = positions[label.code] ?? index
        }
        for hint in hints {
            let parts = hint.parts.compactMap { part in positions[part.sector].map { (part: part, label: $0) } }
            guard !parts.isEmpty else { continue }
            for name in hint.names { entries[CommodityHint.key(name)] = entries[CommodityHint.key(name)] ?? Entry(hint: hint, parts: parts) }
        }
    }

    init() {}

    func entry(for text: String) -> Entry? { entries[CommodityHint.key(text)] }
}
