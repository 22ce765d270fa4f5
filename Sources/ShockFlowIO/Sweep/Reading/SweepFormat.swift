/// Facts about the sweep file format for callers (the CLI, docs, tests).
public enum SweepFormat {
    /// The `schema_version` this build reads.
    public static var schemaVersion: Int { SweepSchema.version }

    /// The JSON Schema (draft 2020-12) of sweep files, generated from the same definitions as the validator.
    public static func jsonSchema() -> String {
        guard case .object(let members) = SweepSchema.root.valueSchema.json else { return "" }
        let header: [(String, JSONValue)] = [
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("title", .string("ShockFlow sweep, schema version \(SweepSchema.version)")),
            ("description", .string("A sweep of a scenario across uncertain parameters for `shockflow sweep`.")),
        ]
        return JSONValue.object(header + members).rendered()
    }

    /// The field reference (every field, type, default and meaning) as Markdown tables.
    public static func referenceMarkdown() -> String {
        SchemaReference.markdown(SweepSchema.root.valueSchema.outline)
    }
}
