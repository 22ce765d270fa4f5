import ShockFlowFormats
import ShockFlowModel

/// The report people read: which runs, the verdict, then per metric the rows with the largest absolute
/// and relative differences against the first run; rows some run lacks; with a tolerance the rows
/// outside it. As terminal text (optionally coloured) or Markdown.
public struct ComparisonTextReport {
    public enum Style: Sendable {
        case terminal(colour: Bool)
        case markdown
    }

    let report: ComparisonReport
    let style: Style

    public init(_ report: ComparisonReport, style: Style) {
        self.report = report
        self.style = style
    }

    private var tally: ComparisonTally { report.tally }
    private var runs: [ComparedRun] { report.runs }
    private var isMarkdown: Bool { if case .markdown = style { true } else { false } }

    public var text: String {
        var lines = heading()
        lines.append("")
        lines.append(verdictLine)
        if report.level == .summary {
            section(&lines, "Every figure", rows: tally.everyRow, showUnit: true)
        } else {
            for metric in tally.metrics { metricSections(&lines, metric) }
        }
        if !tally.partialRows.isEmpty {
            let shown = tally.partialRows.count < tally.partialRowCount ? " (the first \(tally.partialRows.count))" : ""
            section(&lines, "Rows missing from a run\(shown)", rows: tally.partialRows, showMetric: true)
        }
        if !report.notes.isEmpty {
            lines.append("")
            lines += report.notes.map { (isMarkdown ? "- " : "note: ") + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func heading() -> [String] {
        let periods: String
        switch report.periods {
        case .each: periods = "every period"
        case .only(let period): periods = "period \(period)"
        case .cumulative: periods = "summed over the periods (shares averaged)"
        }
        let scope = report.level == .summary ? "headline figures" : periods
        let title = "Comparison of \(report.level.fileName), column \(report.columnName), \(scope)"
        let names = runs.map { run in
            run.name == run.argument ? "\(run.label)  \(run.argument)" : "\(run.label)  \(run.name)  (\(run.argument))"
        }
        if isMarkdown { return ["## " + title, ""] + names.map { "- " + $0 } }
        return [bold(title)] + names.map { "  " + $0 }
    }

    /// One line: how many rows, how many differ or are missing, and with a tolerance the verdict.
    public var verdictLine: String {
        let rows = count(tally.rowCount, "row")
        var parts: [String] = []
        if tally.isIdentical {
            parts.append("no differences: \(rows), the same in every run")
        } else {
            parts.append("\(rows): \(DisplayNumber.format(Double(tally.differingRowCount))) differ")
            if tally.partialRowCount > 0 { parts.append("\(count(tally.partialRowCount, "row")) missing from a run") }
        }
        if let tolerance = tally.tolerance {
            let limits =
                "rtol \(NumberFormatting.shortest(tolerance.relative)), atol \(NumberFormatting.shortest(tolerance.absolute))"
            parts.append(
                tally.agreesWithinTolerance
                    ? "every value agrees within \(limits)"
                    : "DISAGREE: \(count(tally.rowsOutsideTolerance, "row")) outside \(limits)"
                        + (tally.partialRowCount > 0 ? " and rows missing" : ""))
        }
        return parts.joined(separator: "; ") + "."
    }

    private func metricSections(_ lines: inout [String], _ metric: MetricComparison) {
        lines.append("")
        let unit = report.units[metric.metric].map { " (\($0))" } ?? ""
        func number(_ count: Int) -> String { DisplayNumber.format(Double(count)) }
        var summary = "\(metric.metric)\(unit): \(count(metric.rows, "row")), \(number(metric.differingRows)) differ"
        for run in runs.indices where metric.missingRows[run] > 0 {
            summary += ", \(number(metric.missingRows[run])) missing from \(runs[run].label)"
        }
        if tally.tolerance != nil { summary += ", \(number(metric.rowsOutsideTolerance)) outside tolerance" }
        lines.append(isMarkdown ? "### " + summary : bold(summary))
        if tally.tolerance != nil, metric.worstOutsideTolerance.count > 0 {
            section(&lines, "Outside tolerance, largest first", rows: metric.worstOutsideTolerance.ranked.map(\.entry), level: 2)
        }
        if metric.largestDifferences.count > 0 {
            section(&lines, "Largest differences", rows: metric.largestDifferences.ranked.map(\.entry), level: 2)
        }
        if metric.largestRelativeDifferences.count > 0 {
            section(&lines, "Largest relative differences", rows: metric.largestRelativeDifferences.ranked.map(\.entry), level: 2)
        }
    }

    private func section(
        _ lines: inout [String], _ title: String, rows: [ComparedRow], level: Int = 1, showMetric: Bool = false,
        showUnit: Bool = false
    ) {
        let grid = grid(rows, showMetric: showMetric, showUnit: showUnit)
        lines.append("")
        if isMarkdown {
            lines.append(String(repeating: "#", count: level + 2) + " " + title)
            lines.append("")
            lines += grid.markdown()
        } else {
            lines.append(String(repeating: "  ", count: level - 1) + (level == 1 ? bold(title) : title))
            if case .terminal(let colour) = style {
                lines += grid.terminal(indent: String(repeating: "  ", count: level), colour: colour)
            }
        }
    }

    private func grid(_ rows: [ComparedRow], showMetric: Bool, showUnit: Bool) -> TextGrid {
        let compared = runs.dropFirst().map(\.label)
        let reference = runs[0].label
        let metricColumns = showMetric || report.level == .summary ? ["metric"] : []
        var grid = TextGrid(
            headers: report.keyColumns + metricColumns + (showUnit ? ["unit"] : []) + runs.map(\.label)
                + compared.map { "\($0) - \(reference)" } + (compared.count == 1 ? ["relative"] : compared.map { "\($0) rel." }),
            alignments: Array(repeating: .left, count: report.keyColumns.count + metricColumns.count + (showUnit ? 1 : 0))
                + Array(repeating: .right, count: runs.count + 2 * compared.count))
        for row in rows {
            var cells = row.key.map { TextGrid.Cell(text: $0) }
            if !metricColumns.isEmpty { cells.append(TextGrid.Cell(text: row.metric)) }
            if showUnit { cells.append(TextGrid.Cell(text: report.units[row.metric] ?? "")) }
            cells += row.values.map { TextGrid.Cell(text: $0.map { DisplayNumber.format($0) } ?? "missing") }
            for run in row.values.indices.dropFirst() {
                if let change = row.subjectChange(run) {
                    cells.append(TextGrid.Cell(text: RankedFigure.text(change, labels: (runs[0].label, runs[run].label))))
                    continue
                }
                let difference = row.difference(run)
                let text = difference.map { DisplayNumber.format($0, signed: true) } ?? ""
                cells.append(TextGrid.Cell(text: text, colour: tint(difference)))
            }
            for run in row.values.indices.dropFirst() {
                cells.append(TextGrid.Cell(text: row.relative(run).map(DisplayNumber.percent) ?? ""))
            }
            grid.rows.append(cells)
        }
        return grid
    }

    private func tint(_ difference: Double?) -> TextGrid.Colour? {
        guard let difference, difference != 0 else { return nil }
        return difference < 0 ? .red : .green
    }

    private func bold(_ text: String) -> String {
        if case .terminal(true) = style { return "\u{1B}[1m" + text + "\u{1B}[0m" }
        return text
    }

    private func count(_ value: Int, _ noun: String) -> String {
        DisplayNumber.format(Double(value)) + " " + noun + (value == 1 ? "" : "s")
    }
}
