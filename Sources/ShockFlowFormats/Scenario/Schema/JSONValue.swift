/// A JSON value with object keys kept in the order they were given, so generated schemas are byte-stable.
indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
        default: false
        }
    }

    /// This object schema as a whole JSON Schema document (draft 2020-12) with a title and a description.
    func schemaDocument(title: String, description: String) -> String {
        guard case .object(let members) = self else { return "" }
        let header: [(String, JSONValue)] = [
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")), ("title", .string(title)),
            ("description", .string(description)),
        ]
        return JSONValue.object(header + members).rendered()
    }

    /// Pretty-printed JSON with two-space indentation and a final newline.
    func rendered() -> String {
        var output = ""
        write(into: &output, indentation: "")
        return output + "\n"
    }

    private func write(into output: inout String, indentation: String) {
        let inner = indentation + "  "
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let value): output += Self.format(value)
        case .string(let value): output += Self.quote(value)
        case .array(let items):
            guard !items.isEmpty else { return output += "[]" }
            output += "[\n"
            for (position, item) in items.enumerated() {
                output += inner
                item.write(into: &output, indentation: inner)
                output += position == items.count - 1 ? "\n" : ",\n"
            }
            output += indentation + "]"
        case .object(let members):
            guard !members.isEmpty else { return output += "{}" }
            output += "{\n"
            for (position, (key, value)) in members.enumerated() {
                output += inner + Self.quote(key) + ": "
                value.write(into: &output, indentation: inner)
                output += position == members.count - 1 ? "\n" : ",\n"
            }
            output += indentation + "}"
        }
    }

    /// Integers without a fraction; other numbers in Swift's shortest round-trip form.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    private static func quote(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\r": quoted += "\\r"
            case "\t": quoted += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                quoted += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }
}
