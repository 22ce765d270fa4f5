import Plot
import ShockFlowEngine
import ShockFlowFormats

/// What run and sweep pages share: the document shell and the provenance footer.
enum ReportPage {
    static func document(title: String, body: [Node<HTML.BodyContext>]) -> HTML {
        HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", text: title),
                .style(ReportStyle.css)
            ),
            .body(.group(body)))
    }

    /// The manifest's provenance: engine, economy, inputs with their SHA-256, seed and times, and the
    /// solver's diagnostics (`diagnostics`: summary.csv's iteration counts). Paths are shown relative
    /// to the project or the cache (`ProvenancePath`), the full path in the hover text.
    static func footer(manifest: ReportManifest, diagnostics: [SummaryTable.Row] = []) -> Node<HTML.BodyContext> {
        let root = manifest.root
        let paths = ProvenancePath(scenarioFile: manifest.parameters["scenario.file"])
        var facts: [(String, String)] = []
        func add(_ label: String, _ value: ManifestValue?) {
            if let value { facts.append((label, value.text)) }
        }
        add("command", root["command"].map { .string("shockflow " + $0.text) })
        add("engine", root["engine"])
        add("economy", root["economy"])
        add("economy format", root["economy_format"])
        if let metadata = root["economy_metadata"] {
            let currency = metadata["currency"]?.string.map { code in
                " = " + (metadata["scale"]?.number.map { NumberFormatting.shortest($0) + " " } ?? "") + code
            } ?? ""
            facts.append(("money unit", (metadata["money_unit"]?.string ?? "?") + currency))
        }
        add("checks", root["checks"])
        add("sweep", root["sweep"])
        add("seed", root["seed"])
        add("started", root["started_at"])
        add("finished", root["finished_at"])
        let inputs = manifest.inputs
        let notes = root["notes"]?.array.map(\.text) ?? []
        return .footer(
            .h2(.text("Provenance (manifest.json)")),
            .ul(.forEach(facts) { fact in .li(.strong(.text(fact.0 + ": ")), .text(fact.1)) }),
            .if(!inputs.isEmpty, .group(
                .h3(.text("Input files and their SHA-256")),
                .ul(.forEach(inputs) { input in
                    .li(pathNode(input.path, paths), .text(" "), .code(.text(input.sha256)))
                }))),
            .if(!diagnostics.isEmpty, .group(
                .h3(.text("Solver diagnostics (summary.csv)")),
                .ul(.forEach(diagnostics) { row in
                    .li(.strong(.text(row.metric + ": ")), .text(ReadableNumber.format(row.value ?? 0) + " — " + row.detail))
                }))),
            .if(!notes.isEmpty, .group(.h3(.text("Notes")), .ul(.forEach(notes) { .li(.text($0)) }))),
            .p(
                .text("Written by shockflow report from "), pathNode(manifest.path, paths),
                .text("; the same results folder gives the same page, byte for byte, when reported from the same place.")))
    }

    /// A path as shown (`built-in: world-2011/Z.csv`), with the full path as its hover text.
    private static func pathNode(_ path: String, _ paths: ProvenancePath) -> Node<HTML.BodyContext> {
        let shown = paths.display(path)
        return shown == path
            ? .span(.class("path"), .text(path))
            : .span(.class("path"), .attribute(named: "title", value: SVG.escapedAttribute(path)), .text(shown))
    }
}
