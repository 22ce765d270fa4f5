import Yams

/// One level of a `discrete` sweep parameter as written: a number, text, true or false, or a list of
/// these (a selector, such as a critical pair's `for`). Written into each run's scenario as it is, so
/// the scenario schema checks it as it checks any value of the file.
package indirect enum SweepLevel: Sendable, Hashable {
    /// A scalar's text; `quoted` keeps `"16"` text when it goes into the scenario (plain `16` is a number).
    case scalar(String, quoted: Bool)
    case list([SweepLevel])

    /// The number, when the level is a plain number (`0.05`, `16`).
    package var number: Double? {
        guard case .scalar(let text, let quoted) = self, !quoted else { return nil }
        switch PlainScalar(Node.Scalar(text, .implicit, .plain)) {
        case .integer(let integer): return Double(integer)
        case .number(let number): return number
        default: return nil
        }
    }

    /// As `samples.csv` shows it: a scalar's text without YAML quotes, a list as `[a, b]`.
    package var text: String {
        switch self {
        case .scalar(let text, _): text
        case .list(let items): "[" + items.map(\.text).joined(separator: ", ") + "]"
        }
    }

    /// A new YAML node of the level, without marks (it has no place in the scenario file).
    package var node: Node {
        switch self {
        case .scalar(let text, let quoted): .scalar(Node.Scalar(text, .implicit, quoted ? .doubleQuoted : .plain))
        case .list(let items): .sequence(Node.Sequence(items.map(\.node), .implicit, .flow))
        }
    }
}

extension ValueSchema where Value == SweepLevel {
    /// A number, text, true or false, or a list of these; not empty, not a mapping.
    static var sweepLevel: ValueSchema<SweepLevel> {
        let scalarTypes: [JSONValue] = [.string("number"), .string("string"), .string("boolean")]
        let expected = "a number, text, true or false, or a list of them"
        return ValueSchema(
            json: .object([("type", .array(scalarTypes + [.string("array")])), ("items", .object([("type", .array(scalarTypes))]))]),
            summary: "number, text, true or false, or list",
            encode: { _ in nil },
            decode: { node, path, diagnostics in
                func scalar(_ node: Node, at path: FieldPath, expected: String) -> SweepLevel? {
                    guard case .scalar(let scalar) = node else {
                        diagnostics.reportType(expected: expected, found: node, at: path)
                        return nil
                    }
                    if case .null = PlainScalar(scalar) {
                        diagnostics.reportType(expected: expected, found: node, at: path)
                        return nil
                    }
                    return .scalar(scalar.string, quoted: scalar.style != .plain && scalar.style != .any)
                }
                guard case .sequence(let sequence) = node else { return scalar(node, at: path, expected: expected) }
                let items = sequence.enumerated().map { scalar($1, at: path.appending(index: $0), expected: "a number, text, true or false") }
                let valid = items.compactMap { $0 }
                return valid.count == items.count ? .list(valid) : nil
            })
    }
}
