import Yams

/// The scenario schema is written once, as values of these types, and everything else is derived
/// from it: the validator (`decode`), the JSON Schema (`json`) and the reference table in
/// docs/scenario-format.md (`outline`).
///
/// How one YAML value is checked, decoded and described.
struct ValueSchema<Value> {
    /// JSON Schema (draft 2020-12) of the value.
    var json: JSONValue
    /// The type in a few words for the reference table, e.g. "number in [0, 1]".
    var summary: String
    /// Nested fields, for the reference table.
    var outline: SchemaOutline = SchemaOutline()
    /// The value as JSON, for `default` in the JSON Schema and the reference table (nil: not shown).
    var encode: (Value) -> JSONValue?
    /// Reads `node` at `path`, reporting every problem it finds; nil when the value cannot be used.
    var decode: (Node, FieldPath, inout ScenarioDiagnostics) -> Value?
}

/// The documentation view of a value: its fields, and for a choice of kinds, the fields of each kind.
struct SchemaOutline {
    var fields: [FieldOutline] = []
    var variants: [VariantOutline] = []
    /// True when the value is a list of such objects (paths are shown as `shocks[].id`).
    var isList = false
}

struct FieldOutline {
    var name: String
    var summary: String
    var requirement: String
    var doc: String
    var children: SchemaOutline
}

struct VariantOutline {
    var discriminator: String
    var name: String
    var doc: String
    var fields: [FieldOutline]
}

/// A record type filled field by field by its schema; `init()` gives placeholders that the schema
/// always overwrites (with the value written or the field's default).
protocol SchemaRecord {
    init()
    /// Where the record was written, for messages from later checks.
    var path: FieldPath { get set }
}

extension Node {
    var location: TextLocation? { mark.map { TextLocation(line: $0.line, column: $0.column) } }

    /// What the node is, in words, for "expected …, found …" messages.
    var foundDescription: String {
        switch self {
        case .mapping: return "a mapping (key: value pairs)"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            switch PlainScalar(scalar) {
            case .null: return "an empty value"
            case .boolean(let value): return "the boolean \(value)"
            case .integer, .number: return "the number \(scalar.string)"
            case .text(let text): return "the text \"\(text)\""
            }
        }
    }
}

/// A scalar as YAML 1.2's core schema reads it: quoted scalars are always text; plain ones may be
/// null, a boolean, an integer or a number.
enum PlainScalar {
    case null
    case boolean(Bool)
    case integer(Int)
    case number(Double)
    case text(String)

    init(_ scalar: Node.Scalar) {
        let text = scalar.string
        guard scalar.style == .plain || scalar.style == .any else {
            self = .text(text)
            return
        }
        switch text {
        case "", "~", "null", "Null", "NULL": self = .null
        case "true", "True", "TRUE": self = .boolean(true)
        case "false", "False", "FALSE": self = .boolean(false)
        default:
            let unsigned = text.hasPrefix("+") ? String(text.dropFirst()) : text
            if let integer = Int(unsigned) {
                self = .integer(integer)
            } else if Self.looksNumeric(unsigned), let number = Double(unsigned), number.isFinite {
                self = .number(number)
            } else {
                self = .text(text)
            }
        }
    }

    /// Decimal digits, sign, point and exponent only: keeps Swift's hexadecimal and `nan` forms out.
    private static func looksNumeric(_ text: String) -> Bool {
        text.contains { $0.isASCII && $0.isNumber } && text.allSatisfy { "0123456789+-.eE".contains($0) }
    }
}

extension ScenarioDiagnostics {
    /// "expected …, found …", with the variant qualifier when one is set.
    mutating func reportType(expected: String, found node: Node, at path: FieldPath) {
        let qualified = qualifier.map { "\(expected) (\($0))" } ?? expected
        report("expected \(qualified), found \(node.foundDescription)", at: path, location: node.location)
    }
}
