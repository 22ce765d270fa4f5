import ShockFlowModel

/// The labels of one kind (regions, sectors, categories, …) in table order, found by code.
///
/// A closed index knows all its labels up front (from `economy.yaml`); an open one adds new codes
/// in the order they first appear in a file.
final class LabelIndex {
    /// What the labels are, for messages: "region", "sector", "final-demand category", ….
    let kind: String
    let isOpen: Bool
    private(set) var labels: [Label]
    private var positions: [String: Int] = [:]

    init(kind: String, labels: [Label] = [], isOpen: Bool = false) {
        self.kind = kind
        self.isOpen = isOpen
        self.labels = []
        for label in labels { _ = add(label) }
    }

    var count: Int { labels.count }
    var codes: [String] { labels.map(\.code) }

    func position(of code: String) -> Int? { positions[code] }

    /// The position of `code`, adding it when the index is open; nil when unknown.
    func resolve(_ code: String) -> Int? {
        if let position = positions[code] { return position }
        guard isOpen, !code.isEmpty else { return nil }
        return add(Label(code: code))
    }

    /// Adds a label; returns nil (and changes nothing) when its code is already present.
    @discardableResult
    func add(_ label: Label) -> Int? {
        guard positions[label.code] == nil else { return nil }
        positions[label.code] = labels.count
        labels.append(label)
        return labels.count - 1
    }

    /// The code that `value` most likely meant: same code ignoring case, a label whose name or
    /// alias is `value`, or the code closest in spelling.
    func suggestion(for value: String) -> String? {
        let lowered = value.lowercased()
        if let label = labels.first(where: {
            $0.code.lowercased() == lowered || $0.name.lowercased() == lowered
                || $0.aliases.contains { $0.lowercased() == lowered }
        }) {
            return label.code
        }
        return closestSpelling(to: value, among: labels.map(\.code))
    }

    func unknownLabelError(_ value: String, at location: FileLocation) -> DataFileError {
        .unknownLabel(location, kind: kind, value: value, suggestion: suggestion(for: value))
    }
}

/// The candidate closest to a misspelt `value` (NameSuggestions' rule), or nil when none is close.
func closestSpelling(to value: String, among candidates: [String]) -> String? {
    NameSuggestions.closest(to: value, among: candidates, limit: 1).first
}

/// Resolves one label column of a CSV file to positions, remembering the previous row's bytes
/// (long tables repeat the same label row after row, so most lookups skip hashing).
struct LabelColumn {
    let field: Int
    let index: LabelIndex
    private var lastBytes: [UInt8] = []
    private var lastPosition = -1

    init(field: Int, index: LabelIndex) {
        self.field = field
        self.index = index
    }

    mutating func resolve(in reader: CSVReader) throws(DataFileError) -> Int {
        if lastPosition >= 0, reader.field(field, equals: lastBytes) { return lastPosition }
        let code = reader.text(field)
        guard let position = index.resolve(code) else {
            throw index.unknownLabelError(code, at: reader.location(field: field))
        }
        let cacheable = !reader.fields[field].hasEscapedQuotes
        lastBytes = cacheable ? reader.rawBytes(field) : []
        lastPosition = cacheable ? position : -1
        return position
    }
}
