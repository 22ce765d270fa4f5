/// Facts about the sweep file format for callers (the CLI, docs, tests).
public enum SweepFormat {
    /// The `schema_version` this build reads.
    public static var schemaVersion: Int { SweepSchema.version }

    /// The JSON Schema (draft 2020-12) of sweep files, generated from the same definitions as the validator.
    public static func jsonSchema() -> String {
        SweepSchema.root.valueSchema.json.schemaDocument(
            title: "ShockFlow sweep, schema version \(SweepSchema.version)",
            description: "A sweep of a scenario across uncertain parameters for `shockflow sweep`.")
    }

    /// The field reference (every field, type, default and meaning) as Markdown tables.
    public static func referenceMarkdown() -> String {
        SchemaReference.markdown(SweepSchema.root.valueSchema.outline)
    }
}
