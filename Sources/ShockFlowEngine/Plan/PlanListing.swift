import ShockFlowFormats
import ShockFlowModel

/// What `shockflow plan show` and `shockflow validate` print of a plan (docs/plan.md): the settings,
/// how many rows each province uses by grade and how much evidence its tilts rest on, the rows that
/// name no sector, and for one province its rows with their sources and the tilts π they give.
public struct PlanListing: Sendable {
    public enum Format: String, CaseIterable, Sendable {
        case table, csv, markdown
    }

    public let plan: ResolvedPlan
    let regions: [Label]
    let sectors: [Label]

    public init(plan: ResolvedPlan, economy: Economy) {
        self.plan = plan
        regions = economy.regions
        sectors = economy.sectors
    }

    // MARK: The whole plan

    /// `plan 15th-fyp-2026: 220 rows (…); tilt …; evidence …; combine max; national layer on`.
    public var settingsLine: String {
        let number = NumberFormatting.shortest
        let settings = plan.settings
        let national = plan.rows.filter { $0.region == nil }.count
        let tilts = PlanKind.allCases.map { "\($0.rawValue) \(number(settings.kindTilts[$0] ?? 0))" }.joined(separator: ", ")
        let weights = EvidenceGrade.allCases.map { "\($0.rawValue) \(number(settings.gradeWeights[$0] ?? 0))" }.joined(separator: ", ")
        let selected = plan.regions.count == regions.count ? "" : "; own rows of " + plan.regions.map { regions[$0].code }.joined(separator: " ")
        return "plan \(plan.table.name): \(plan.rows.count) rows (\(plan.rows.count - national) provincial, \(national) national); "
            + "tilt by kind \(tilts); evidence \(weights); combine \(settings.combine.rawValue); "
            + "national layer \(settings.national ? "on" : "off")\(selected)"
    }

    /// The settings, the rows each region uses by grade (with the strength of its evidence), and the
    /// rows that name no sector: what `validate` prints below a valid scenario with a plan.
    public func evidence(markdown: Bool = false) -> [String] {
        let entries = plan.evidence(regionLabels: regions)
        var grid = TextGrid(
            headers: ["region", "name", "rows", "P", "S", "L", "unused", "evidence"],
            alignments: [.left, .left, .right, .right, .right, .right, .right, .left])
        grid.rows = entries.map { entry in
            let grades = EvidenceGrade.allCases.map { String(entry.used[$0] ?? 0) }
            return ([entry.code, entry.name, String(entry.rows)] + grades + [String(entry.rows - entry.usedCount), entry.strength.rawValue])
                .map { TextGrid.Cell(text: $0) }
        }
        let weak = entries.filter(\.isWeak).map(\.code)
        var lines = [
            settingsLine,
            "rows used per region by grade (used: names a sector, its province is selected or it is national with the layer on, "
                + "and its tilt is not 0):",
        ]
        lines += markdown ? [""] + grid.markdown() + [""] : grid.terminal(indent: "  ", colour: false)
        lines.append("weak evidence (no P or S row of the plan itself): " + (weak.isEmpty ? "none" : weak.joined(separator: ", ")))
        let bare = plan.rowsWithoutSectors
        if !bare.isEmpty {
            lines.append("\(bare.count) row\(bare.count == 1 ? "" : "s") name no sector and add no tilt:")
            lines += bare.map { row in "  \(row.row.file):\(row.row.line): \(row.row.region) \(Self.shortened(row.row.priority, 100))" }
        }
        return lines
    }

    // MARK: One region

    /// The region `text` names: a code (`CN-ZJ`, or `ZJ`), an English or other name of the economy,
    /// or `CN` / `national` for the national layer (nil).
    public func region(named text: String) -> Result<Int?, PlanListingError> {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        if key == PlanTable.nationalRegion.lowercased() || key == "national" { return .success(nil) }
        for (index, label) in regions.enumerated() {
            let names = [label.code, label.name] + label.aliases
            if names.contains(where: { $0.lowercased() == key }) || label.code.lowercased() == "cn-" + key { return .success(index) }
        }
        let candidates = regions.flatMap { [$0.code, $0.name] } + [PlanTable.nationalRegion]
        return .failure(PlanListingError(
            "unknown region '\(text)'" + NameSuggestions.didYouMean(text, among: candidates)
                + " (a province's code such as CN-ZJ or ZJ, its name, or CN for the national layer)"))
    }

    /// One region's rows and tilts in `format`, ending with a line break; with `nil` for `region`
    /// and `all`, every region (the evidence table; in CSV the whole table in its own columns).
    public func rendered(region: Int?, all: Bool, format: Format) -> String {
        let rows = all ? plan.rows : plan.rows.filter { $0.region == region }
        switch format {
        case .csv:
            var writer = CSVTableWriter(header: PlanTable.columns)
            for row in rows.map(\.row) {
                writer.appendRow(
                    labels: [row.region, row.regionName, row.priority, row.sectors.joined(separator: ";"), row.kind.rawValue,
                        row.quantity, row.date, row.source, row.grade.rawValue], values: [])
            }
            return String(decoding: writer.bytes, as: UTF8.self)
        case .table, .markdown:
            let lines = all ? evidence(markdown: format == .markdown) : details(region: region, rows: rows, markdown: format == .markdown)
            return lines.joined(separator: "\n") + "\n"
        }
    }

    private func details(region: Int?, rows: [ResolvedPlan.Row], markdown: Bool) -> [String] {
        let number = NumberFormatting.shortest
        let name = region.map { "\(regions[$0].name) (\(regions[$0].code))" } ?? "The national layer (\(PlanTable.nationalRegion))"
        let strength = plan.evidence(regionLabels: regions).first { $0.region == region }?.strength.rawValue ?? ""
        var lines = [
            "\(name): \(rows.count) row\(rows.count == 1 ? "" : "s") of \(plan.table.name), \(rows.usedByGrade)"
                + (strength.isEmpty ? "" : "; \(strength)"),
            settingsLine, "",
        ]
        for row in rows {
            let weight = plan.settings.gradeWeights[row.row.grade] ?? 0
            let kindTilt = plan.settings.kindTilts[row.row.kind] ?? 0
            let head = "\(row.row.file):\(row.row.line) · \(row.row.kind.rawValue) · grade \(row.row.grade.rawValue)"
                + (row.row.isContext ? " · context" : "")
                + " · tilt \(number(kindTilt)) × \(number(weight)) = \(number(row.tilt)) · \(row.use.rawValue)"
            let sectorText = row.sectors.isEmpty ? "none named" : row.sectors.map { "\(sectors[$0].code) \(Self.shortened(sectors[$0].name, 40))" }.joined(separator: "; ")
            var block = [head, "  " + row.row.priority, "  sectors: " + sectorText]
            var facts: [String] = []
            if !row.row.quantity.isEmpty { facts.append("figure: " + row.row.quantity) }
            if !row.row.date.isEmpty { facts.append("date: " + row.row.date) }
            if !facts.isEmpty { block.append("  " + facts.joined(separator: " · ")) }
            block.append("  source: " + row.row.source)
            lines += (markdown ? block.map { $0.hasPrefix("  ") ? "    " + $0.dropFirst(2) : "- " + $0 } : block) + (markdown ? [] : [""])
        }
        if markdown { lines.append("") }
        lines += tilts(region: region, markdown: markdown)
        return lines
    }

    /// The tilts π of the region's sectors that have one: for a province its own rows combined, the
    /// national layer and their sum; for the national layer its rows combined.
    private func tilts(region: Int?, markdown: Bool) -> [String] {
        let number = NumberFormatting.shortest
        let combine = plan.settings.combine.rawValue
        let parts = region == nil ? [] : ["own rows (\(combine))", "national"]
        var grid = TextGrid(
            headers: ["sector", "name"] + parts + ["π", "rows"],
            alignments: [.left, .left] + parts.map { _ in .right } + [.right, .left])
        for sector in sectors.indices {
            let cell = (region ?? 0) * sectors.count + sector
            let national = plan.nationalTilt[cell]
            let own = region == nil ? 0 : plan.provinceTilt[cell]
            guard own != 0 || national != 0 else { continue }
            let lines = plan.rows.filter { row in
                row.use == .used && row.sectors.contains(sector) && (row.region == region || row.region == nil)
            }.map { $0.region == nil && region != nil ? "n\($0.row.line)" : String($0.row.line) }
            let values = (region == nil ? [] : [own, national]) + [own + national]
            grid.rows.append(
                ([sectors[sector].code, Self.shortened(sectors[sector].name, 44)] + values.map(number) + [lines.joined(separator: " ")])
                    .map { TextGrid.Cell(text: $0) })
        }
        guard !grid.rows.isEmpty else { return ["No tilt: no row used names a sector" + (region == nil ? "." : " here, and the national layer adds none.")] }
        let caption = region == nil
            ? "π by sector (the national layer's rows combined by \(combine); the same in every province; rows: lines of the table):"
            : "π by sector (own rows combined by \(combine), plus the national layer; rows: lines of the table, n: of the national layer):"
        return [caption] + (markdown ? [""] + grid.markdown() : grid.terminal(indent: "  ", colour: false))
    }

    static func shortened(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}

/// A region `plan show` cannot find.
public struct PlanListingError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
