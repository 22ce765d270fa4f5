import ShockFlowModel
import Yams

/// Reads and checks `economy.yaml`, reporting every problem with its line.
enum ManifestReader {
    static func read(path: String) throws -> EconomyManifest {
        let file = try FileContents(path: path)
        guard file.count > 0 else { throw DataFileError.emptyFile(path: path) }
        guard let text = String(validating: UnsafeBufferPointer(start: file.bytes, count: file.count), as: UTF8.self) else {
            throw DataFileError.invalidManifest(FileLocation(path: path), message: "the file is not UTF-8 text")
        }
        // As in scenario files: an alias can make a small file expand without bound.
        if let alias = AliasGuard.firstExpandingAlias(in: text) {
            throw DataFileError.invalidManifest(
                FileLocation(path: path, line: alias.location.line),
                message: "YAML aliases (`*\(alias.name)`) are not allowed: write the value out in full")
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw DataFileError.invalidManifest(
                    FileLocation(path: path, line: 1), message: "the file holds no YAML document")
            }
            root = node
        } catch let error as YamlError {
            throw yamlSyntaxError(error, path: path)
        }
        let log = UnknownKeyLog()
        let manifest: EconomyManifest
        do {
            manifest = try YAMLDecoder().decode(EconomyManifest.self, from: root, userInfo: [UnknownKeyLog.userInfoKey: log])
        } catch let error as DecodingError {
            var problems = ProblemCollector()
            for entry in log.entries { problems.record(unknownKeyError(entry, root: root, path: path)) }
            problems.record(decodingError(error, root: root, path: path))
            try problems.finish()
            throw error
        }
        var problems = ProblemCollector()
        for entry in log.entries { problems.record(unknownKeyError(entry, root: root, path: path)) }
        try validate(manifest, root: root, path: path, problems: &problems)
        try problems.finish()
        return manifest
    }

    /// Labels present, codes non-empty and unique, group members known.
    private static func validate(
        _ manifest: EconomyManifest, root: Node, path: String, problems: inout ProblemCollector
    ) throws {
        func location(_ keys: [String]) -> FileLocation {
            FileLocation(path: path, line: YAMLPath.node(at: keys, in: root)?.mark?.line)
        }
        let lists: [(key: String, kind: String, entries: [LabelEntry]?, required: Bool)] = [
            ("regions", "region", manifest.regions, true),
            ("sectors", "sector", manifest.sectors, true),
            ("final_demand_categories", "final-demand category", manifest.finalDemandCategories, false),
            ("import_products", "import product", manifest.importProducts, false),
        ]
        for list in lists {
            guard let entries = list.entries else { continue }
            if list.required, entries.isEmpty {
                problems.record(.invalidManifest(location([list.key]), message: "\"\(list.key)\" lists no \(list.kind)"))
            }
            var seen: [String: Int] = [:]
            for (position, entry) in entries.enumerated() {
                let entryLocation = location([list.key, String(position), "code"])
                if entry.code.isEmpty {
                    problems.record(.invalidManifest(entryLocation, message: "a \(list.kind) has an empty code"))
                } else if let first = seen[entry.code] {
                    let firstLine = location([list.key, String(first), "code"]).line.map { " (first on line \($0))" } ?? ""
                    problems.record(.invalidManifest(
                        entryLocation, message: "\(list.kind) code \"\(entry.code)\" is listed twice\(firstLine)"))
                } else {
                    seen[entry.code] = position
                }
            }
        }
        if let rounding = manifest.rounding, !(rounding.isFinite && rounding > 0) {
            problems.record(.invalidManifest(
                location(["rounding"]),
                message: "\"rounding\" must be a positive number (the step every value is rounded to, in the money "
                    + "unit: 1 for whole units), found \(NumberFormatting.shortest(rounding))"))
        }
        if let currency = manifest.currency, !CurrencyUnit.isValidCode(currency) {
            problems.record(.invalidManifest(
                location(["currency"]),
                message: "\"currency\" must be an ISO 4217 code of three capital letters (CNY, USD, EUR), found \"\(currency)\""))
        }
        if let scale = manifest.scale {
            if !(scale.isFinite && scale > 0) {
                problems.record(.invalidManifest(
                    location(["scale"]),
                    message: "\"scale\" must be a positive number (how many units of the currency one money unit is: "
                        + "10000 for 10,000 yuan), found \(NumberFormatting.shortest(scale))"))
            } else if manifest.currency == nil {
                problems.record(.invalidManifest(
                    location(["scale"]), message: "\"scale\" needs \"currency\": the currency the money unit is a multiple of"))
            }
        }
        let groups: [(key: String, kind: String, groups: [String: [String]]?, labels: [LabelEntry])] = [
            ("region_groups", "region", manifest.regionGroups, manifest.regions),
            ("sector_groups", "sector", manifest.sectorGroups, manifest.sectors),
        ]
        for group in groups {
            let index = LabelIndex(kind: group.kind, labels: group.labels.map(\.label))
            for (name, members) in (group.groups ?? [:]).sorted(by: { $0.key < $1.key }) {
                for (position, member) in members.enumerated() where index.position(of: member) == nil {
                    let memberLocation = location([group.key, name, String(position)])
                    problems.record(index.unknownLabelError(member, at: memberLocation))
                }
            }
        }
    }

    private static func unknownKeyError(_ entry: UnknownKeyLog.Entry, root: Node, path: String) -> DataFileError {
        let keys = entry.path.map(YAMLPath.component)
        let line = YAMLPath.keyNode(entry.key, inMappingAt: keys, in: root)?.mark?.line
        return .unknownManifestKey(FileLocation(path: path, line: line), key: entry.key, allowed: entry.allowed)
    }

    private static func decodingError(_ error: DecodingError, root: Node, path: String) -> DataFileError {
        func location(_ codingPath: [any CodingKey]) -> FileLocation {
            FileLocation(path: path, line: YAMLPath.node(at: codingPath.map(YAMLPath.component), in: root)?.mark?.line)
        }
        func describe(_ codingPath: [any CodingKey]) -> String {
            codingPath.isEmpty ? "the file" : "\"" + YAMLPath.render(codingPath.map(YAMLPath.component)) + "\""
        }
        switch error {
        case .typeMismatch(let type, let context):
            return .invalidManifest(
                location(context.codingPath), message: "\(describe(context.codingPath)) should be \(expectation(type))")
        case .keyNotFound(let key, let context):
            let within = context.codingPath.isEmpty ? "" : " in \(describe(context.codingPath))"
            return .invalidManifest(
                location(context.codingPath), message: "missing required key \"\(key.stringValue)\"\(within)")
        case .valueNotFound(let type, let context):
            return .invalidManifest(
                location(context.codingPath), message: "\(describe(context.codingPath)) has no value (expected \(expectation(type)))")
        case .dataCorrupted(let context):
            return .invalidManifest(location(context.codingPath), message: context.debugDescription)
        @unknown default:
            return .invalidManifest(FileLocation(path: path), message: String(describing: error))
        }
    }

    private static func expectation(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: return "a whole number"
        case is Double.Type: return "a number"
        case is String.Type: return "text"
        case is [LabelEntry].Type, is [String].Type: return "a list"
        default: return "a mapping of keys to values"
        }
    }

    private static func yamlSyntaxError(_ error: YamlError, path: String) -> DataFileError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return .invalidManifest(FileLocation(path: path, line: mark.line), message: "not valid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .invalidManifest(
                FileLocation(path: path, line: context.mark.line),
                message: "key \(duplicates.sorted().joined(separator: ", ")) given twice")
        default:
            return .invalidManifest(FileLocation(path: path), message: "not valid YAML: \(error)")
        }
    }
}

/// Finds nodes of a composed YAML document by key path, for line numbers in messages.
enum YAMLPath {
    /// A coding-path key as a path component: list positions as their number.
    static func component(_ key: any CodingKey) -> String {
        key.intValue.map(String.init) ?? key.stringValue
    }

    static func render(_ keys: [String]) -> String {
        keys.reduce("") { text, key in
            if Int(key) != nil { return text + "[\(key)]" }
            return text.isEmpty ? key : text + "." + key
        }
    }

    static func node(at keys: [String], in root: Node) -> Node? {
        var node = root
        for key in keys {
            if case .sequence(let sequence) = node {
                guard let position = Int(key), position >= 0, position < sequence.count else { return nil }
                node = sequence[position]
            } else if case .mapping(let mapping) = node {
                guard let value = mapping.first(where: { $0.key.string == key })?.value else { return node }
                node = value
            } else {
                return node
            }
        }
        return node
    }

    /// The key node itself (for the line of an unknown key).
    static func keyNode(_ key: String, inMappingAt keys: [String], in root: Node) -> Node? {
        guard case .mapping(let mapping)? = node(at: keys, in: root) else { return nil }
        return mapping.first(where: { $0.key.string == key })?.key
    }
}
