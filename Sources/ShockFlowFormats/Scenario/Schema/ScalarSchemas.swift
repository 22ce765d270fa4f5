import Yams

/// The allowed range of a number, written once for the validator, the JSON Schema and the docs.
struct NumberRange: Sendable {
    var minimum: Double?
    var minimumIsExclusive = false
    var maximum: Double?
    var maximumIsExclusive = false

    static func closed(_ lower: Double, _ upper: Double) -> NumberRange { NumberRange(minimum: lower, maximum: upper) }
    static func atLeast(_ lower: Double) -> NumberRange { NumberRange(minimum: lower) }
    static func above(_ lower: Double) -> NumberRange { NumberRange(minimum: lower, minimumIsExclusive: true) }
    static let unitInterval = closed(0, 1)

    func contains(_ value: Double) -> Bool {
        if let minimum, minimumIsExclusive ? value <= minimum : value < minimum { return false }
        if let maximum, maximumIsExclusive ? value >= maximum : value > maximum { return false }
        return true
    }

    /// "in [0, 1]", "in (0, 10]", "at least -1", "above 0".
    var description: String {
        let format = JSONValue.format
        switch (minimum, maximum) {
        case let (lower?, upper?):
            return "in \(minimumIsExclusive ? "(" : "[")\(format(lower)), \(format(upper))\(maximumIsExclusive ? ")" : "]")"
        case let (lower?, nil): return minimumIsExclusive ? "above \(format(lower))" : "at least \(format(lower))"
        case let (nil, upper?): return maximumIsExclusive ? "below \(format(upper))" : "at most \(format(upper))"
        case (nil, nil): return ""
        }
    }

    var jsonKeywords: [(String, JSONValue)] {
        var keywords: [(String, JSONValue)] = []
        if let minimum { keywords.append((minimumIsExclusive ? "exclusiveMinimum" : "minimum", .number(minimum))) }
        if let maximum { keywords.append((maximumIsExclusive ? "exclusiveMaximum" : "maximum", .number(maximum))) }
        return keywords
    }
}

extension ValueSchema where Value == Double {
    /// A finite number within `range` (integers are numbers too).
    static func number(_ range: NumberRange) -> ValueSchema<Double> {
        let expected = range.description.isEmpty ? "a number" : "a number \(range.description)"
        return ValueSchema(
            json: .object([("type", .string("number"))] + range.jsonKeywords),
            summary: range.description.isEmpty ? "number" : "number \(range.description)",
            encode: { .number($0) },
            decode: { node, path, diagnostics in
                guard case .scalar(let scalar) = node else {
                    diagnostics.reportType(expected: expected, found: node, at: path)
                    return nil
                }
                let value: Double
                switch PlainScalar(scalar) {
                case .integer(let integer): value = Double(integer)
                case .number(let number): value = number
                default:
                    diagnostics.reportType(expected: expected, found: node, at: path)
                    return nil
                }
                guard range.contains(value) else {
                    diagnostics.reportType(expected: expected, found: node, at: path)
                    return nil
                }
                return value
            })
    }
}

extension ValueSchema where Value == Int {
    /// A whole number from `minimum` to `maximum`.
    static func integer(minimum: Int, maximum: Int = Int.max) -> ValueSchema<Int> {
        let range = maximum == Int.max ? "at least \(minimum)" : "from \(minimum) to \(maximum)"
        var json: [(String, JSONValue)] = [("type", .string("integer")), ("minimum", .number(Double(minimum)))]
        if maximum != Int.max { json.append(("maximum", .number(Double(maximum)))) }
        return ValueSchema(
            json: .object(json),
            summary: "integer \(range)",
            encode: { .number(Double($0)) },
            decode: { node, path, diagnostics in
                guard case .scalar(let scalar) = node, case .integer(let value) = PlainScalar(scalar), value >= minimum,
                    value <= maximum
                else {
                    diagnostics.reportType(expected: "a whole number \(range)", found: node, at: path)
                    return nil
                }
                return value
            })
    }
}

extension ValueSchema where Value == Bool {
    static var boolean: ValueSchema<Bool> {
        ValueSchema(
            json: .object([("type", .string("boolean"))]),
            summary: "true or false",
            encode: { .bool($0) },
            decode: { node, path, diagnostics in
                guard case .scalar(let scalar) = node, case .boolean(let value) = PlainScalar(scalar) else {
                    diagnostics.reportType(expected: "true or false", found: node, at: path)
                    return nil
                }
                return value
            })
    }
}

extension ValueSchema where Value == String {
    /// Any text; a plain number such as `2024` is refused (quote it), as the JSON Schema would.
    static var text: ValueSchema<String> {
        ValueSchema(
            json: .object([("type", .string("string"))]),
            summary: "text",
            encode: { .string($0) },
            decode: { node, path, diagnostics in
                guard case .scalar(let scalar) = node, case .text(let value) = PlainScalar(scalar) else {
                    diagnostics.reportType(expected: "text", found: node, at: path)
                    return nil
                }
                return value
            })
    }

    /// A name usable as a folder name and a sweep path: letters, digits, `_`, `-` and `.`, starting
    /// with a letter or digit.
    static var identifier: ValueSchema<String> {
        let expected = "a name of letters, digits, '_', '-' and '.' that starts with a letter or digit"
        return ValueSchema(
            json: .object([("type", .string("string")), ("pattern", .string("^[A-Za-z0-9][A-Za-z0-9_.-]*$"))]),
            summary: "name (letters, digits, `_`, `-`, `.`)",
            encode: { .string($0) },
            decode: { node, path, diagnostics in
                guard case .scalar(let scalar) = node, let value = Self.identifierText(PlainScalar(scalar)),
                    let first = value.unicodeScalars.first, Self.isIdentifierStart(first),
                    value.unicodeScalars.allSatisfy({ Self.isIdentifierStart($0) || "_.-".unicodeScalars.contains($0) })
                else {
                    diagnostics.reportType(expected: expected, found: node, at: path)
                    return nil
                }
                return value
            })
    }

    /// Plain numbers such as `2024` are valid identifiers too: they name a folder just as well.
    private static func identifierText(_ scalar: PlainScalar) -> String? {
        switch scalar {
        case .text(let text): text
        case .integer(let integer) where integer >= 0: String(integer)
        default: nil
        }
    }

    private static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
    }
}

extension ValueSchema where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    /// One of the enumeration's raw values, spelt exactly.
    static var choice: ValueSchema<Value> {
        let names = Value.allCases.map(\.rawValue)
        let expected = "one of " + names.map { "`\($0)`" }.joinedAsAlternatives()
        return ValueSchema(
            json: .object([("type", .string("string")), ("enum", .array(names.map { .string($0) }))]),
            summary: names.map { "`\($0)`" }.joined(separator: " \\| "),
            encode: { .string($0.rawValue) },
            decode: { node, path, diagnostics in
                guard case .scalar(let scalar) = node, case .text(let text) = PlainScalar(scalar) else {
                    diagnostics.reportType(expected: expected, found: node, at: path)
                    return nil
                }
                guard let value = Value(rawValue: text) else {
                    let hint = NameSuggestions.didYouMean(text, among: names)
                    diagnostics.report(
                        "unknown value \"\(text)\"\(hint.isEmpty ? "" : hint) (expected \(expected))", at: path,
                        location: node.location)
                    return nil
                }
                return value
            })
    }
}
