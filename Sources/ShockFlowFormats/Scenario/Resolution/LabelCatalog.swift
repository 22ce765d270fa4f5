import ShockFlowModel

/// Resolves selector names against one kind of label of an economy (regions, sectors, imported
/// products, final-demand categories), case-insensitive, in this order: `*`, codes, English names and
/// aliases (e.g. Chinese names, pinyin), named groups, an all-digit name as a code of the same number
/// (`1` → `01`), then names ignoring spaces, hyphens and accents (`Nei-Menggu` → Nei Menggu), then
/// whole words of a name when they pick one label (`metals` → Smelting and processing of metals).
/// A commodity without a sector of its own (`chips`) is an error naming the sector that holds it.
package struct LabelCatalog: Sendable {
    /// "region", "sector", "imported product", "final-demand category".
    let kind: String
    let economyName: String
    let labels: [Label]
    private let codes: [String: Int]
    private let names: [String: [Int]]
    /// Codes, names and aliases in `NameForm.compact` form → the labels, each once.
    private let compactNames: [String: [Int]]
    /// The words of each label's name and of each alias.
    private let nameWords: [[[String]]]
    private let groups: [String: (name: String, codes: [String])]
    private let commodities: CommodityHintIndex

    init(
        kind: String, labels: [Label], groups: [String: [String]] = [:], commodities: [CommodityHint] = [],
        economyName: String
    ) {
        self.kind = kind
        self.economyName = economyName
        self.labels = labels
        var codes: [String: Int] = [:]
        var names: [String: [Int]] = [:]
        var compactNames: [String: [Int]] = [:]
        for (index, label) in labels.enumerated() {
            codes[label.code.lowercased()] = codes[label.code.lowercased()] ?? index
            for name in Set(([label.name] + label.aliases).map { $0.lowercased() }) {
                names[name, default: []].append(index)
            }
            for form in Set(([label.code, label.name] + label.aliases).map(NameForm.compact)) where !form.isEmpty {
                compactNames[form, default: []].append(index)
            }
        }
        self.codes = codes
        self.names = names
        self.compactNames = compactNames
        self.nameWords = labels.map { label in ([label.name] + label.aliases).map(NameForm.words) }
        self.groups = Dictionary(groups.map { ($0.key.lowercased(), (name: $0.key, codes: $0.value)) }) { first, _ in first }
        self.commodities = commodities.isEmpty ? CommodityHintIndex() : CommodityHintIndex(commodities, labels: labels)
    }

    /// The selected indices, sorted and unique; nil when a name is unknown (every one is reported).
    package func resolve(_ selector: Selector, diagnostics: inout ScenarioDiagnostics) -> [Int]? {
        var selected = Set<Int>()
        var complete = true
        for term in selector.terms {
            if let indices = resolve(term, diagnostics: &diagnostics) {
                selected.formUnion(indices)
            } else {
                complete = false
            }
        }
        return complete ? selected.sorted() : nil
    }

    private func resolve(_ term: SelectorTerm, diagnostics: inout ScenarioDiagnostics) -> [Int]? {
        let key = term.text.trimmingWhitespace().lowercased()
        if key == "*" { return Array(labels.indices) }
        if let index = codes[key] { return [index] }
        if let matches = names[key] {
            if matches.count == 1 { return matches }
            diagnostics.report(
                "'\(term.text)' names several \(kind)s: \(matches.map(display).joinedAsAlternatives()); use a code",
                at: term.path, location: term.location)
            return nil
        }
        if let group = groups[key] {
            let members = group.codes.compactMap { codes[$0.lowercased()] }
            guard members.count == group.codes.count else {
                let missing = group.codes.filter { codes[$0.lowercased()] == nil }.map { "`\($0)`" }
                diagnostics.report(
                    "group `\(group.name)` of economy \(economyName) lists unknown \(kind) codes \(missing.joined(separator: ", "))",
                    at: term.path, location: term.location)
                return nil
            }
            return members
        }
        if let number = Int(key), key.allSatisfy(\.isASCII) {
            let numeric = labels.indices.filter { Int(labels[$0].code) == number }
            if numeric.count == 1 { return numeric }
        }
        return resolveLoosely(term, key: key, diagnostics: &diagnostics)
    }

    /// What the exact text did not match: the name ignoring spaces, hyphens and accents; a commodity
    /// without a label of its own (an error naming where it is); whole words of a name; else unknown.
    private func resolveLoosely(_ term: SelectorTerm, key: String, diagnostics: inout ScenarioDiagnostics) -> [Int]? {
        if let matches = compactNames[NameForm.compact(key)] {
            if matches.count == 1 { return matches }
            diagnostics.report(
                "'\(term.text)' names several \(kind)s: \(matches.map(display).joinedAsAlternatives()); use a code",
                at: term.path, location: term.location)
            return nil
        }
        if let commodity = commodities.entry(for: key) {
            diagnostics.report(commodityMessage(term.text, commodity), at: term.path, location: term.location)
            return nil
        }
        let words = NameForm.words(key)
        let matches = labels.indices.filter { index in nameWords[index].contains { $0.containsRun(words) } }
        if matches.count == 1 { return matches }
        if matches.count > 1 {
            let shown = matches.prefix(Self.candidatesShown).map(display)
            let list = matches.count > shown.count
                ? shown.joined(separator: ", ") + " and \(matches.count - shown.count) more"
                : shown.joinedAsAlternatives()
            diagnostics.report(
                "'\(term.text)' is in the names of \(matches.count) \(kind)s: \(list); use a code or more words of the name",
                at: term.path, location: term.location)
            return nil
        }
        let message = diagnostics.isFull ? "unknown \(kind) '\(term.text)'" : unknownMessage(term.text)
        diagnostics.report(message, at: term.path, location: term.location)
        return nil
    }

    /// Candidates listed for a word found in several names; the rest are counted.
    static let candidatesShown = 8

    /// "'chips' is not a sector of economy china-2017 but part of one: `20` (…) holds …. Select …".
    private func commodityMessage(_ text: String, _ commodity: CommodityHintIndex.Entry) -> String {
        let article = kind.first.map { "aeiou".contains($0) } == true ? "an" : "a"
        let parts = commodity.parts.map { "\(display($0.label)) holds \($0.part.holds)" }
        let which = parts.count == 1 ? "it" : "the \(kind) that holds the part you mean"
        let example = commodity.hint.example.map { ", as \($0)" } ?? ""
        return "'\(text)' is not \(article) \(kind) of economy \(economyName) but part of "
            + (parts.count == 1 ? "one" : "several") + ": " + parts.joined(separator: "; ")
            + ". Select \(which) and give the commodity's part of it as a shock's `share`\(example)"
    }

    private func unknownMessage(_ text: String) -> String {
        let head = "unknown \(kind) '\(text)'"
        guard !labels.isEmpty else { return "\(head): economy \(economyName) has no \(kind)s" }
        var candidates: [(text: String, display: String)] = []
        for (index, label) in labels.enumerated() {
            for name in [label.code, label.name] + label.aliases { candidates.append((name, display(index))) }
        }
        for group in groups.values.sorted(by: { $0.name < $1.name }) {
            candidates.append((group.name, "`\(group.name)` (group of \(group.codes.count))"))
        }
        var suggestions: [String] = []
        for match in NameSuggestions.closest(to: text, among: candidates.map(\.text), limit: 8) {
            if let candidate = candidates.first(where: { $0.text.lowercased() == match.lowercased() }),
                !suggestions.contains(candidate.display)
            {
                suggestions.append(candidate.display)
            }
        }
        if !suggestions.isEmpty { return "\(head) — did you mean \(Array(suggestions.prefix(3)).joinedAsAlternatives())?" }
        let examples = labels.prefix(4).map { "`\($0.code)`" }.joined(separator: ", ")
        return "\(head) (economy \(economyName) has \(labels.count) \(kind)s: codes such as \(examples); English names, "
            + "aliases and group names work too)"
    }

    /// "`CN-ZJ` (Zhejiang)", or the code alone when the label has no other name.
    private func display(_ index: Int) -> String {
        let label = labels[index]
        return label.name == label.code ? "`\(label.code)`" : "`\(label.code)` (\(label.name))"
    }
}

extension String {
    /// The text without leading and trailing whitespace (one slice: a plan table trims every field).
    func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else {
            return ""
        }
        return String(self[first...last])
    }
}
