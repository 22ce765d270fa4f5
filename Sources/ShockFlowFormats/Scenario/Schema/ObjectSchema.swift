import Yams

/// One field of a mapping: its name, schema, default and documentation, and where it is stored.
struct FieldSchema<Root> {
    var name: String
    var isRequired: Bool
    /// The property's JSON Schema, with `description` and `default`.
    var json: JSONValue
    var outline: FieldOutline
    /// Stores the field into the record: the value written, or the default when it was left out. A
    /// required field that is missing or unusable is reported and keeps the record's placeholder.
    var apply: (Node?, FieldPath, inout ScenarioDiagnostics, inout Root) -> Void

    /// A field that must be written.
    static func required<Value>(
        _ name: String, _ keyPath: WritableKeyPath<Root, Value>, _ schema: ValueSchema<Value>, doc: String
    ) -> FieldSchema {
        FieldSchema(
            name: name, isRequired: true, json: schema.json.adding(description: doc, default: nil),
            outline: FieldOutline(name: name, summary: schema.summary, requirement: "required", doc: doc, children: schema.outline),
            apply: { node, path, diagnostics, record in
                guard let node else {
                    return diagnostics.report("missing required field `\(name)` (\(schema.summary))", at: path)
                }
                if let value = schema.decode(node, path, &diagnostics) { record[keyPath: keyPath] = value }
            })
    }

    /// A field that takes `defaultValue` when it is left out.
    static func field<Value>(
        _ name: String, _ keyPath: WritableKeyPath<Root, Value>, _ schema: ValueSchema<Value>, default defaultValue: Value,
        doc: String
    ) -> FieldSchema {
        let encodedDefault = schema.encode(defaultValue)
        return FieldSchema(
            name: name, isRequired: false, json: schema.json.adding(description: doc, default: encodedDefault),
            outline: FieldOutline(
                name: name, summary: schema.summary, requirement: encodedDefault?.compactText ?? "defaults below", doc: doc,
                children: schema.outline),
            apply: { node, path, diagnostics, record in
                record[keyPath: keyPath] = node.flatMap { schema.decode($0, path, &diagnostics) } ?? defaultValue
            })
    }

    /// A field that stays nil when left out; `whenAbsent` says what that means.
    static func optional<Value>(
        _ name: String, _ keyPath: WritableKeyPath<Root, Value?>, _ schema: ValueSchema<Value>, doc: String,
        whenAbsent: String
    ) -> FieldSchema {
        FieldSchema(
            name: name, isRequired: false, json: schema.json.adding(description: "\(doc) Left out: \(whenAbsent).", default: nil),
            outline: FieldOutline(name: name, summary: schema.summary, requirement: whenAbsent, doc: doc, children: schema.outline),
            apply: { node, path, diagnostics, record in
                record[keyPath: keyPath] = node.flatMap { schema.decode($0, path, &diagnostics) }
            })
    }
}

/// A mapping with a fixed set of fields, decoded into a `Root` record. A record with problems is still
/// returned, so that later checks (names against the economy) report their problems too; a scenario
/// with any problem is never resolved, so its placeholders are never used.
struct ObjectSchema<Root: SchemaRecord> {
    var fields: [FieldSchema<Root>]
    /// Optional fields of which exactly one must be written (e.g. `sectors` or `products`); empty: no such rule.
    var exactlyOneOf: [String] = []

    var valueSchema: ValueSchema<Root> {
        let fields = fields, exactlyOneOf = exactlyOneOf
        return ValueSchema(
            json: Self.json(fields: fields, extraProperties: [], extraRequired: [], exactlyOneOf: exactlyOneOf),
            summary: "mapping",
            outline: SchemaOutline(fields: fields.map(\.outline)),
            encode: { _ in nil },
            decode: { node, path, diagnostics in
                guard case .mapping(let mapping) = node else {
                    diagnostics.reportType(expected: "a mapping (key: value pairs)", found: node, at: path)
                    return nil
                }
                var record = Root()
                Self.decodeFields(
                    fields, from: mapping, at: path, into: &record, diagnostics: &diagnostics, exactlyOneOf: exactlyOneOf)
                return record
            })
    }

    /// The record as it is when its section is left out: every field at its default.
    var defaults: Root {
        var record = Root()
        var scratch = ScenarioDiagnostics(file: "")
        Self.decodeFields(fields, from: Node.Mapping([]), at: .root, into: &record, diagnostics: &scratch)
        return record
    }

    /// Applies every field (defaults for those left out) and reports keys that are not fields, with the
    /// closest valid key; `misplaced` explains keys that belong to another kind of the same thing.
    static func decodeFields(
        _ fields: [FieldSchema<Root>], from mapping: Node.Mapping, at path: FieldPath, into record: inout Root,
        diagnostics: inout ScenarioDiagnostics, alsoAllowed: Set<String> = [], misplaced: [String: String] = [:],
        exactlyOneOf: [String] = []
    ) {
        record.path = path
        var written: [String: Node] = [:]
        let names = fields.map(\.name)
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let keyScalar) = keyNode, case .text(let key) = PlainScalar(keyScalar) else {
                diagnostics.reportType(expected: "a field name", found: keyNode, at: path)
                continue
            }
            let keyPath = path.appending(key)
            diagnostics.record(valueNode.location, for: keyPath)
            if names.contains(key) {
                written[key] = valueNode
            } else if !alsoAllowed.contains(key) {
                let message =
                    misplaced[key]
                    ?? "unknown field `\(key)`"
                    + (NameSuggestions.closest(to: key, among: names).first.map { " — did you mean `\($0)`?" }
                        ?? " (fields here: \(names.map { "`\($0)`" }.joined(separator: ", ")))")
                diagnostics.report(message, at: keyPath, location: keyNode.location)
            }
        }
        for field in fields { field.apply(written[field.name], path.appending(field.name), &diagnostics, &record) }
        if !exactlyOneOf.isEmpty, exactlyOneOf.filter({ written[$0] != nil }).count != 1 {
            diagnostics.report("give exactly one of " + exactlyOneOf.map { "`\($0)`" }.joinedAsAlternatives(), at: path)
        }
    }

    static func json(
        fields: [FieldSchema<Root>], extraProperties: [(String, JSONValue)], extraRequired: [String], exactlyOneOf: [String]
    ) -> JSONValue {
        let required = extraRequired + fields.filter(\.isRequired).map(\.name)
        var members: [(String, JSONValue)] = [
            ("type", .string("object")),
            ("properties", .object(extraProperties + fields.map { ($0.name, $0.json) })),
        ]
        if !required.isEmpty { members.append(("required", .array(required.map { .string($0) }))) }
        if !exactlyOneOf.isEmpty {
            members.append(("oneOf", .array(exactlyOneOf.map { .object([("required", .array([.string($0)]))]) })))
        }
        members.append(("additionalProperties", .bool(false)))
        return .object(members)
    }
}

extension JSONValue {
    /// This schema fragment with a description and a default added.
    func adding(description: String, default defaultValue: JSONValue?) -> JSONValue {
        guard case .object(var members) = self else { return self }
        members.insert(("description", .string(description)), at: 0)
        if let defaultValue { members.append(("default", defaultValue)) }
        return .object(members)
    }

    /// Short one-line JSON for the reference table (`0.05`, `"quarter"`, `[]`).
    var compactText: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .number(let value): JSONValue.format(value)
        case .string(let value): "`\(value)`"
        case .array(let items): "[" + items.map(\.compactText).joined(separator: ", ") + "]"
        case .object(let members): "{" + members.map { "\($0.0): \($0.1.compactText)" }.joined(separator: ", ") + "}"
        }
    }
}
