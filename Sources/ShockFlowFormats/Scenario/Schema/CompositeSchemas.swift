import Yams

/// One name in a selector as written (`CN-ZJ`, `Zhejiang`, `浙江`, `east`, `20`, `*`), with where it was written.
struct SelectorTerm: Hashable, Sendable {
    var text: String
    var location: TextLocation?
    var path: FieldPath
}

/// Region, sector, imported-product or category selector: one name or a list of names (`[]`: none).
package struct Selector: Hashable, Sendable {
    var terms: [SelectorTerm]

    static let everything = Selector(terms: [SelectorTerm(text: "*", location: nil, path: .root)])
}

extension ValueSchema where Value == Selector {
    /// `what` names the labels selected ("regions"), for messages and docs.
    static func selector(of what: String) -> ValueSchema<Selector> {
        let name: JSONValue = .object([("type", .array([.string("string"), .string("integer")]))])
        let expected = "a name of \(what), a list of names, or \"*\""
        return ValueSchema(
            json: .object([
                ("oneOf", .array([name, .object([("type", .string("array")), ("items", name)])]))
            ]),
            summary: "\(what): name or list of names, `\"*\"` for all",
            encode: { selector in
                let names = selector.terms.map { JSONValue.string($0.text) }
                return names.count == 1 ? names[0] : .array(names)
            },
            decode: { node, path, diagnostics in
                func term(_ node: Node, at path: FieldPath) -> SelectorTerm? {
                    guard case .scalar(let scalar) = node else {
                        diagnostics.reportType(expected: "a name of \(what)", found: node, at: path)
                        return nil
                    }
                    switch PlainScalar(scalar) {
                    case .text, .integer: return SelectorTerm(text: scalar.string, location: node.location, path: path)
                    default:
                        diagnostics.reportType(expected: "a name of \(what)", found: node, at: path)
                        return nil
                    }
                }
                switch node {
                case .sequence(let sequence):
                    // An empty list selects nothing (a shock on no cells, a priority on no sectors).
                    let terms = sequence.enumerated().map { term($1, at: path.appending(index: $0)) }
                    let valid = terms.compactMap { $0 }
                    return valid.count == terms.count ? Selector(terms: valid) : nil
                case .scalar: return term(node, at: path).map { Selector(terms: [$0]) }
                default:
                    diagnostics.reportType(expected: expected, found: node, at: path)
                    return nil
                }
            })
    }
}

extension ValueSchema {
    /// A list of values; elements with problems are reported and left out. `maximumCount` keeps a
    /// hostile file from multiplying the work and memory that every element costs.
    static func list<Element>(of element: ValueSchema<Element>, maximumCount: Int = 1000) -> ValueSchema<[Element]>
    where Value == [Element] {
        var outline = element.outline
        outline.isList = true
        return ValueSchema<[Element]>(
            json: .object([("type", .string("array")), ("items", element.json), ("maxItems", .number(Double(maximumCount)))]),
            summary: "list of \(element.summary)",
            outline: outline,
            encode: { .array($0.compactMap(element.encode)) },
            decode: { node, path, diagnostics in
                guard case .sequence(let sequence) = node else {
                    diagnostics.reportType(expected: "a list", found: node, at: path)
                    return nil
                }
                guard sequence.count <= maximumCount else {
                    diagnostics.report(
                        "has \(sequence.count) items; at most \(maximumCount) are allowed", at: path, location: node.location)
                    return nil
                }
                return sequence.enumerated().compactMap { position, item in
                    let itemPath = path.appending(index: position)
                    diagnostics.record(item.location, for: itemPath)
                    return element.decode(item, itemPath, &diagnostics)
                }
            })
    }
}

/// A period length: a quarter, a year, a number of years, or a day (the `ario` model's step).
enum PeriodLength: Hashable, Sendable {
    case quarter
    case year
    case years(Double)
    case day

    var years: Double {
        switch self {
        case .quarter: 0.25
        case .year: 1
        case .years(let years): years
        case .day: 1 / 365
        }
    }
}

extension ValueSchema where Value == PeriodLength {
    static var periodLength: ValueSchema<PeriodLength> {
        let range = NumberRange(minimum: 0, minimumIsExclusive: true, maximum: 10)
        let expected = "`quarter`, `year`, `day` or a number of years \(range.description)"
        return ValueSchema(
            json: .object([
                (
                    "oneOf",
                    .array([
                        .object([("type", .string("string")), ("enum", .array([.string("quarter"), .string("year"), .string("day")]))]),
                        .object([("type", .string("number"))] + range.jsonKeywords),
                    ])
                )
            ]),
            summary: "`quarter` \\| `year` \\| `day` \\| years \(range.description)",
            encode: { length in
                switch length {
                case .quarter: .string("quarter")
                case .year: .string("year")
                case .day: .string("day")
                case .years(let years): .number(years)
                }
            },
            decode: { node, path, diagnostics in
                if case .scalar(let scalar) = node {
                    switch PlainScalar(scalar) {
                    case .text("quarter"): return .quarter
                    case .text("year"): return .year
                    case .text("day"): return .day
                    case .integer(let years) where range.contains(Double(years)): return .years(Double(years))
                    case .number(let years) where range.contains(years): return .years(years)
                    default: break
                    }
                }
                diagnostics.reportType(expected: expected, found: node, at: path)
                return nil
            })
    }
}
