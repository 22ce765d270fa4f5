import ShockFlowFormats
import Yams

/// A sweep parameter's place in a scenario's YAML tree: `investment.eta`, `shocks.chip-imports.magnitude`
/// (list items by `id`, or by `product` for substitutions), `priorities[2].tilt`. Setting a value edits
/// the tree; the scenario schema then checks the edited file as it checks any other, so an unknown
/// field is told with the closest valid one.
struct ScenarioValuePath: Sendable, CustomStringConvertible {
    enum Step: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    let description: String
    let steps: [Step]

    /// Keys that name a list item instead of its position, tried in this order.
    static let itemKeys = ["id", "product", "name"]

    /// Parses `a.b[2].c`, or tells why the text is not a path.
    static func parse(_ text: String) -> Result<ScenarioValuePath, ScenarioValuePathError> {
        var steps: [Step] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            var rest = Substring(part)
            let key = rest.prefix { $0 != "[" }
            guard !key.isEmpty else { return .failure(.malformed(path: text, reason: "an empty name between dots")) }
            steps.append(.key(String(key)))
            rest = rest.dropFirst(key.count)
            while !rest.isEmpty {
                guard rest.first == "[", let close = rest.firstIndex(of: "]"),
                    let index = Int(rest[rest.index(after: rest.startIndex)..<close]), index >= 0
                else {
                    return .failure(.malformed(path: text, reason: "`[` must hold a list position such as [0]"))
                }
                steps.append(.index(index))
                rest = rest[rest.index(after: close)...]
            }
        }
        return .success(ScenarioValuePath(description: text, steps: steps))
    }

    /// The tree with `value` written at this path, creating sections left out of the file. A number
    /// replaces a single value; a discrete `level` (a number, text, true or false, a list) may also
    /// replace a list, such as a selector. Neither replaces a section.
    func setting(_ value: Node, in root: Node, isLevel: Bool = false) throws(ScenarioValuePathError) -> Node {
        try Self.set(value, at: steps[...], in: root, walked: [], isLevel: isLevel)
    }

    private static func set(
        _ value: Node, at steps: ArraySlice<Step>, in node: Node?, walked: [String], isLevel: Bool
    ) throws(ScenarioValuePathError) -> Node {
        guard let step = steps.first else {
            if let node, node.mapping != nil || (node.scalar == nil && !isLevel) {
                let path = walked.joined(separator: ".")
                if isLevel { throw .notAValue(path: path) }
                throw .notANumber(path: path, found: node.mapping != nil ? "a section" : "a list")
            }
            return value
        }
        let rest = steps.dropFirst()
        switch (step, node) {
        case (.key(let key), nil):
            var mapping = Node.Mapping([])
            mapping.setValue(try set(value, at: rest, in: nil, walked: walked + [key], isLevel: isLevel), forKey: key)
            return .mapping(mapping)
        case (.key(let key), .mapping(var mapping)?):
            mapping.setValue(
                try set(value, at: rest, in: mapping.value(forKey: key), walked: walked + [key], isLevel: isLevel), forKey: key)
            return .mapping(mapping)
        case (.key(let key), .sequence(var sequence)?):
            guard let position = itemPosition(named: key, in: sequence) else {
                throw .noSuchItem(list: walked.joined(separator: "."), name: key, available: itemNames(in: sequence))
            }
            sequence[position] = try set(value, at: rest, in: sequence[position], walked: walked + [key], isLevel: isLevel)
            return .sequence(sequence)
        case (.index(let index), .sequence(var sequence)?):
            guard index < sequence.count else {
                throw .noSuchPosition(list: walked.joined(separator: "."), index: index, count: sequence.count)
            }
            sequence[index] = try set(value, at: rest, in: sequence[index], walked: walked + ["[\(index)]"], isLevel: isLevel)
            return .sequence(sequence)
        case (.index(let index), _):
            throw .noSuchPosition(list: walked.joined(separator: "."), index: index, count: 0)
        case (.key, _):
            throw .notASection(path: walked.joined(separator: "."))
        }
    }

    private static func itemPosition(named name: String, in sequence: Node.Sequence) -> Int? {
        for key in itemKeys {
            if let position = sequence.firstIndex(where: { $0.mapping?.value(forKey: key)?.scalar?.string == name }) {
                return position
            }
        }
        return nil
    }

    private static func itemNames(in sequence: Node.Sequence) -> [String] {
        sequence.compactMap { item in itemKeys.lazy.compactMap { item.mapping?.value(forKey: $0)?.scalar?.string }.first }
    }
}

/// Why a parameter path cannot be set in the base scenario.
enum ScenarioValuePathError: Error, Equatable, CustomStringConvertible {
    case malformed(path: String, reason: String)
    case notANumber(path: String, found: String)
    case notAValue(path: String)
    case notASection(path: String)
    case noSuchItem(list: String, name: String, available: [String])
    case noSuchPosition(list: String, index: Int, count: Int)

    var description: String {
        switch self {
        case .malformed(let path, let reason):
            return "`\(path)` is not a path into the scenario: \(reason)"
        case .notANumber(let path, let found):
            return "`\(path)` is \(found) of the scenario, not a number: name one of its fields"
        case .notAValue(let path):
            return "`\(path)` is a section of the scenario; a level replaces a single value or a list: name one of its fields"
        case .notASection(let path):
            return "`\(path)` is a single value of the scenario; it has no fields"
        case .noSuchItem(let list, let name, let available):
            let hint = NameSuggestions.didYouMean(name, among: available)
            let known = available.isEmpty ? "it has no named items" : "its items: " + available.map { "`\($0)`" }.joined(separator: ", ")
            return "the scenario's `\(list)` has no item `\(name)`\(hint) (\(known); or use a position such as `\(list)[0]`)"
        case .noSuchPosition(let list, let index, let count):
            return count == 0
                ? "the scenario has no list `\(list)` with an item [\(index)]"
                : "the scenario's `\(list)` has \(count) item\(count == 1 ? "" : "s"); [\(index)] is beyond them"
        }
    }
}

extension Node.Mapping {
    /// The value of the last pair whose key is the scalar `key`, as Yams' `mapping[key]` finds it but by
    /// the key's text alone: Yams makes a node of `key` and resolves its tag with regular expressions at
    /// every lookup, a tenth of a sweep's planning.
    fileprivate func value(forKey key: String) -> Node? {
        lastIndex(ofKey: key).map { self[$0].value }
    }

    /// Replaces the value of the last pair whose key is `key`, or appends the pair.
    fileprivate mutating func setValue(_ value: Node, forKey key: String) {
        if let index = lastIndex(ofKey: key) {
            self[index] = (key: self[index].key, value: value)
        } else {
            self = Node.Mapping(map { ($0.key, $0.value) } + [(Node(key), value)], tag, style, mark, anchor)
        }
    }

    private func lastIndex(ofKey key: String) -> Index? {
        var found: Index?
        for index in indices where self[index].key.scalar?.string == key { found = index }
        return found
    }
}
