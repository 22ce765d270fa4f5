import Plot
import ShockFlowEngine
import ShockFlowFormats

/// The HTML page of a run: header and key figures, then where, when, investment and what, then provenance.
struct RunReportPage {
    let results: RunResults

    var html: HTML {
        let sections = RunSections(results: results)
        let name = results.manifest.parameters["scenario.name"] ?? "run"
        return ReportPage.document(
            title: "ShockFlow report: \(name)",
            body: [
                .header(
                    .h1(.text("Scenario \(name)")),
                    .p(.class("subtitle"), .text(subtitle)),
                    .p(.text(results.scenarioDescription ?? descriptionMissing))
                ),
                keyFigures,
                section("Where the shock lands", [sections.regionChart]),
                whenSection(sections),
                investmentSection(sections),
                section("What is hit most", [
                    sections.rankedChart(id: "ranked-sectors", table: results.sectors, count: 12, noun: "sectors", cells: false),
                    sections.rankedChart(
                        id: "ranked-cells", table: results.cells, count: 15, noun: "cells (region · sector)", cells: true),
                ]),
                .unwrap(results.prices) { PriceSection(results: results, prices: $0).node },
                notes,
                ReportPage.footer(manifest: results.manifest, diagnostics: results.summary.diagnostics),
            ])
    }

    private var subtitle: String {
        let parameters = results.manifest.parameters
        var parts = ["economy \(results.manifest.root["economy"]?.text ?? "?")", "model \(parameters["model"] ?? "?")"]
        if let periods = parameters["horizon.periods"].flatMap({ Int($0) }) {
            parts.append(results.period.count(periods))
        }
        let unit = results.metricIsShare ? "share, in %" : results.money.format.map { "money, in \($0.currencyName)" } ?? results.money.unit
        parts.append("metric \(results.metric) (\(unit))")
        return parts.joined(separator: " · ")
    }

    private var descriptionMissing: String {
        let file = results.manifest.parameters["scenario.file"] ?? "the scenario file"
        return "(No description: \(file) is not found from the current folder, or changed since the run.)"
    }

    /// The headline rows of summary.csv: money in the currency (the exact figure in the hover text),
    /// percentages, the peak period by its name. Rankings, weights and the solver's iterations are
    /// shown elsewhere (charts, footer).
    private var keyFigures: Node<HTML.BodyContext> {
        let rows = results.summary.rows.filter { row in
            row.value != nil && !row.metric.hasPrefix("worst_") && !row.metric.hasPrefix("weight_") && row.unit != "iterations"
        }
        return .section(
            .h2(.text("Key figures (summary.csv)")),
            .table(
                .class("figures"),
                .tr(.th(.text("figure")), .th(.text("value")), .th(.text("what it is"))),
                .forEach(rows) { row in
                    let value = keyFigure(row)
                    return .tr(
                        .td(.text(row.metric)),
                        .td(.class("number"), .attribute(named: "title", value: SVG.escapedAttribute(value.hover)), .text(value.text)),
                        .td(.text(row.detail)))
                }
            ))
    }

    /// A summary row's value for people, and its hover text with the exact figure and unit of the file.
    private func keyFigure(_ row: SummaryTable.Row) -> (text: String, hover: String) {
        guard let value = row.value else { return ("", "") }
        let exact = "\(NumberFormatting.shortest(value)) \(row.unit) in summary.csv"
        switch row.unit {
        case results.money.unit where results.money.format != nil:
            return (results.money.words(value), (results.money.format?.hover(value) ?? "") + "; exactly \(exact)")
        case "%":
            return (String(format: "%.3g %%", value), exact)
        case "period":
            return (Int(exactly: value).map { results.period.name($0) } ?? ReadableNumber.format(value), exact)
        default:
            return ("\(ReadableNumber.format(value)) \(row.unit)", exact)
        }
    }

    private func whenSection(_ sections: RunSections) -> Node<HTML.BodyContext> {
        let shocks = sections.shocks
        var charts: [Node<HTML.BodyContext>] = []
        if shocks.isEmpty {
            charts.append(.p(.class("note"), .text("No shocks: this run is its own baseline, so every difference is 0.")))
        } else {
            let timeline = ShockTimelineChart(shocks: shocks, periods: max(results.periodCount, 1), period: results.period)
            charts.append(.div(.class("charts"), timeline.figure.node))
        }
        if results.periodCount > 1 {
            charts.append(.h3(.text("National total and the three regions with the largest loss: scenario against baseline")))
            charts.append(.div(.class("charts small-multiples"), .group(sections.seriesCharts.map(\.node))))
        } else {
            charts.append(.p(.class("note"), .text("A static model: one period, so there is no time series.")))
        }
        return .section(.h2(.text("When it bites")), .group(charts))
    }

    private func investmentSection(_ sections: RunSections) -> Node<HTML.BodyContext> {
        guard let weights = results.weights else {
            return .section(
                .h2(.text("Where investment moves")),
                .p(.class("note"), .text("The static models have no investment: no weights.csv.")))
        }
        let plan = results.plan.map { sections.planCharts($0, weights: weights) } ?? []
        return section("Where investment moves", plan + sections.flowCharts(weights))
    }

    private var notes: Node<HTML.BodyContext> {
        let notes = results.summary.rows.filter { $0.metric == "note" }.map(\.detail)
        return .if(!notes.isEmpty, .section(.h2(.text("Read with care")), .forEach(notes) { .p(.class("note"), .text($0)) }))
    }

    private func section(_ title: String, _ charts: [ChartFigure]) -> Node<HTML.BodyContext> {
        .section(.h2(.text(title)), .div(.class("charts"), .group(charts.map(\.node))))
    }
}
