import ShockFlowEngine

/// `summary.csv`: the run's headline figures, one per row (docs/results-format.md).
struct SummaryTable: Sendable {
    struct Row: Sendable, Equatable {
        var metric: String
        var value: Double?
        var unit: String
        var detail: String
    }

    var rows: [Row] = []

    init(path: String) throws {
        var reader = try ReportTableReader(path: path, requiredColumns: ["metric", "value", "unit", "detail"])
        let fields = ["metric", "value", "unit", "detail"].map { reader.position(of: $0) ?? 0 }
        var rows: [Row] = []
        try reader.forEachRow { row in
            rows.append(Row(
                metric: row.text(fields[0]), value: try row.optionalNumber(fields[1]), unit: row.text(fields[2]),
                detail: row.text(fields[3])))
        }
        guard !rows.isEmpty else { throw ReportError.emptyTable(path: path, expected: "the run's headline figures") }
        self.rows = rows
    }

    func row(_ metric: String) -> Row? { rows.first { $0.metric == metric } }

    /// The headline metric: `<metric>` of the `cumulative_<metric>_loss` row.
    var headlineMetric: String? {
        rows.lazy.map(\.metric).first { $0.hasPrefix("cumulative_") && $0.hasSuffix("_loss") }
            .map { String($0.dropFirst("cumulative_".count).dropLast("_loss".count)) }
    }

    /// The economy's money unit: that of the cumulative loss row.
    var moneyUnit: String? { headlineMetric.flatMap { row("cumulative_\($0)_loss")?.unit } }

    /// Names of regions and sectors given in the details of the worst_region / worst_sector rows,
    /// written `CODE (Name): …`.
    var names: (regions: [String: String], sectors: [String: String]) {
        var regions: [String: String] = [:], sectors: [String: String] = [:]
        for row in rows where row.metric.hasPrefix("worst_") {
            guard let open = row.detail.firstIndex(of: "("), let close = row.detail[open...].firstIndex(of: ")"),
                row.detail[..<open].hasSuffix(" ")
            else { continue }
            let code = String(row.detail[..<open].dropLast())
            let name = String(row.detail[row.detail.index(after: open)..<close])
            if row.metric.hasPrefix("worst_region_") { regions[code] = name } else { sectors[code] = name }
        }
        return (regions, sectors)
    }

    /// The solver's iteration counts (`max_rationing_iterations`, …): diagnostics for the provenance
    /// footer, not key figures.
    var diagnostics: [Row] { rows.filter { $0.value != nil && $0.unit == "iterations" } }
}
