import Yams

/// One kind of a choice (a capacity shock, a ramp profile, the DIIM model) and the fields it takes.
struct VariantCase<Root, Kind> {
    var kind: Kind
    var doc: String
    var fields: [FieldSchema<Root>]
    /// Optional fields of which exactly one must be written; empty: no such rule.
    var exactlyOneOf: [String] = []
}

/// A mapping whose `discriminator` field (`kind`, `type`) picks which fields it takes; all kinds are
/// decoded into one `Root` record. With `bareNameAllowed`, a kind's name alone (`model: leontief`)
/// stands for that kind with every field at its default.
struct VariantSchema<Root: SchemaRecord, Kind: RawRepresentable & CaseIterable> where Kind.RawValue == String {
    var discriminator: String
    var keyPath: WritableKeyPath<Root, Kind>
    /// What the thing is called in messages: "shock", "profile", "model".
    var noun: String
    var common: [FieldSchema<Root>]
    var cases: [VariantCase<Root, Kind>]
    var bareNameAllowed = false

    var valueSchema: ValueSchema<Root> {
        let this = self
        let names = cases.map(\.kind.rawValue)
        var alternatives = cases.map { variant in
            ObjectSchema<Root>.json(
                fields: common + variant.fields,
                extraProperties: [
                    (discriminator, .object([("description", .string(variant.doc)), ("const", .string(variant.kind.rawValue))]))
                ],
                extraRequired: [discriminator], exactlyOneOf: variant.exactlyOneOf)
        }
        if bareNameAllowed {
            let bare = cases.filter { !($0.fields + common).contains(where: \.isRequired) }.map { JSONValue.string($0.kind.rawValue) }
            alternatives.insert(.object([("type", .string("string")), ("enum", .array(bare))]), at: 0)
        }
        let discriminatorOutline = FieldOutline(
            name: discriminator, summary: names.map { "`\($0)`" }.joined(separator: " \\| "), requirement: "required",
            doc: "Which kind of \(noun); each kind's own fields are listed below.", children: SchemaOutline())
        return ValueSchema(
            json: .object([("oneOf", .array(alternatives))]),
            summary: bareNameAllowed ? "name or mapping" : "mapping",
            outline: SchemaOutline(
                fields: [discriminatorOutline] + common.map(\.outline),
                variants: cases.map {
                    VariantOutline(discriminator: discriminator, name: $0.kind.rawValue, doc: $0.doc, fields: $0.fields.map(\.outline))
                }),
            encode: { record in .string(record[keyPath: this.keyPath].rawValue) },
            decode: { node, path, diagnostics in this.decode(node, at: path, diagnostics: &diagnostics) })
    }

    private func decode(_ node: Node, at path: FieldPath, diagnostics: inout ScenarioDiagnostics) -> Root? {
        let names = cases.map(\.kind.rawValue)
        let expectedKinds = names.map { "`\($0)`" }.joinedAsAlternatives()
        let kindNode: Node
        let mapping: Node.Mapping
        switch node {
        case .mapping(let written):
            guard let value = written[discriminator] else {
                diagnostics.report("missing `\(discriminator)` (the kind of \(noun): \(expectedKinds))", at: path, location: node.location)
                return nil
            }
            kindNode = value
            mapping = written
        case .scalar where bareNameAllowed:
            kindNode = node
            mapping = Node.Mapping([])
        default:
            let expected = bareNameAllowed ? "a \(noun) name (\(expectedKinds)) or a mapping" : "a mapping with a `\(discriminator)`"
            diagnostics.reportType(expected: expected, found: node, at: path)
            return nil
        }
        let kindPath = bareNameAllowed && mapping.isEmpty ? path : path.appending(discriminator)
        guard case .scalar(let scalar) = kindNode, case .text(let name) = PlainScalar(scalar) else {
            diagnostics.reportType(expected: expectedKinds, found: kindNode, at: kindPath)
            return nil
        }
        guard let variant = cases.first(where: { $0.kind.rawValue == name }) else {
            let hint = NameSuggestions.didYouMean(name, among: names)
            diagnostics.report(
                "unknown \(noun) \(discriminator) \"\(name)\"\(hint.isEmpty ? " (expected \(expectedKinds))" : hint)", at: kindPath,
                location: kindNode.location)
            return nil
        }
        let ownNames = Set((common + variant.fields).map(\.name))
        var misplaced: [String: String] = [:]
        for other in cases where other.kind.rawValue != name {
            for field in other.fields where !ownNames.contains(field.name) && misplaced[field.name] == nil {
                misplaced[field.name] =
                    "`\(field.name)` does not apply to a \(name) \(noun) (it is a field of the \(other.kind.rawValue) \(noun))"
            }
        }
        var record = Root()
        record[keyPath: keyPath] = variant.kind
        let outerQualifier = diagnostics.qualifier
        let article = name.first.map { "aeiou".contains($0) } == true ? "an" : "a"
        diagnostics.qualifier = "for \(article) \(name) \(noun)"
        defer { diagnostics.qualifier = outerQualifier }
        ObjectSchema<Root>.decodeFields(
            common + variant.fields, from: mapping, at: path, into: &record, diagnostics: &diagnostics,
            alsoAllowed: [discriminator], misplaced: misplaced, exactlyOneOf: variant.exactlyOneOf)
        return record
    }
}
