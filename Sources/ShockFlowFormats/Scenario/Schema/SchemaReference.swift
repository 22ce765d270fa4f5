/// The field reference of docs/scenario-format.md, rendered from the schema so the docs cannot drift.
enum SchemaReference {
    static func markdown(_ outline: SchemaOutline) -> String {
        sections(of: outline, path: "", title: "Top level").joined(separator: "\n")
    }

    private static func sections(of outline: SchemaOutline, path: String, title: String, doc: String? = nil) -> [String] {
        var section = "### \(title)\n\n"
        if let doc { section += "\(doc)\n\n" }
        section += "| field | type | default | meaning |\n|---|---|---|---|\n"
        for field in outline.fields {
            section += row(field, path: path)
        }
        var result = [section]
        var children = outline.fields.flatMap { childSections(of: $0, path: path) }
        for variant in outline.variants {
            var variantSection = "### `\(path)` with `\(variant.discriminator): \(variant.name)`\n\n\(variant.doc)\n\n"
            if variant.fields.isEmpty {
                variantSection += "No further fields.\n"
            } else {
                variantSection += "| field | type | default | meaning |\n|---|---|---|---|\n"
                for field in variant.fields { variantSection += row(field, path: path) }
            }
            result.append(variantSection)
            children += variant.fields.flatMap { childSections(of: $0, path: path) }
        }
        return result + children
    }

    private static func childSections(of field: FieldOutline, path: String) -> [String] {
        let children = field.children
        guard !children.fields.isEmpty || !children.variants.isEmpty else { return [] }
        let childPath = qualified(field.name, in: path) + (children.isList ? "[]" : "")
        return sections(of: children, path: childPath, title: "`\(childPath)`", doc: field.doc)
    }

    private static func row(_ field: FieldOutline, path: String) -> String {
        "| `\(qualified(field.name, in: path))` | \(field.summary) | \(field.requirement) | \(field.doc) |\n"
    }

    private static func qualified(_ name: String, in path: String) -> String {
        path.isEmpty ? name : "\(path).\(name)"
    }
}

extension ScenarioFormat {
    /// The field reference (every field, type, default and meaning) as Markdown tables.
    public static func referenceMarkdown() -> String {
        SchemaReference.markdown(ScenarioSchema.root.valueSchema.outline)
    }
}
