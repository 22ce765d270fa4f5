import Plot

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

    /// The manifest's provenance: engine, economy, inputs with their SHA-256, seed and times.
    static func footer(manifest: ReportManifest) -> Node<HTML.BodyContext> {
        let root = manifest.root
        var facts: [(String, String)] = []
        func add(_ label: String, _ value: ManifestValue?) {
            if let value { facts.append((label, value.text)) }
        }
        add("command", root["command"].map { .string("shockflow " + $0.text) })
        add("engine", root["engine"])
        add("economy", root["economy"])
        add("economy format", root["economy_format"])
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
                .ul(.forEach(inputs) { input in .li(.text(input.path + " "), .code(.text(input.sha256))) }))),
            .if(!notes.isEmpty, .group(.h3(.text("Notes")), .ul(.forEach(notes) { .li(.text($0)) }))),
            .p(.text("Written by shockflow report from \(manifest.path); the same folder gives the same page, byte for byte.")))
    }
}
