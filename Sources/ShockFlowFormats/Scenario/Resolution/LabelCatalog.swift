import ShockFlowModel

/// Resolves selector names against one kind of label of an economy (regions, sectors, imported
/// products, final-demand categories): `*`, codes, English names and aliases (e.g. Chinese names),
/// named groups; case-insensitive. An all-digit name also matches a code of the same number (`1` → `01`).
package struct LabelCatalog: Sendable {
    /// "region", "sector", "imported product", "final-demand category".
    let kind: String
    let economyName: String
    let labels: [Label]
    private let codes: [String: Int]
    private let names: [String: [Int]]
    private let groups: [String: (name: String, codes: [String])]

    init(kind: String, labels: [Label], groups: [String: [String]] = [:], economyName: String) {
        self.kind = kind
        self.economyName = economyName
        self.labels = labels
        var codes: [String: Int] = [:]
        var names: [String: [Int]] = [:]
        for (index, label) in labels.enumerated() {
            codes[label.code.lowercased()] = codes[label.code.lowercased()] ?? index
            for name in Set(([label.name] + label.aliases).map { $0.lowercased() }) {
                names[name, default: []].append(index)
            }
        }
        self.codes = codes
        self.names = names
        self.groups = Dictionary(groups.map { ($0.key.lowercased(), (name: $0.key, codes: $0.value)) }) { first, _ in first }
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
        let message = diagnostics.isFull ? "unknown \(kind) '\(term.text)'" : unknownMessage(term.text)
        diagnostics.report(message, at: term.path, location: term.location)
        return nil
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
    func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
