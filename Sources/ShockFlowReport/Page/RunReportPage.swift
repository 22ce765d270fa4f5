import Plot
import ShockFlowEngine

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
                    sections.rankedChart(id: "ranked-sectors", table: results.sectors, count: 12, noun: "sectors"),
                    sections.rankedChart(id: "ranked-cells", table: results.cells, count: 15, noun: "cells (region · sector)"),
                ]),
                notes,
                ReportPage.footer(manifest: results.manifest),
            ])
    }

    private var subtitle: String {
        let parameters = results.manifest.parameters
        var parts = ["economy \(results.manifest.root["economy"]?.text ?? "?")", "model \(parameters["model"] ?? "?")"]
        if let periods = parameters["horizon.periods"], let years = parameters["horizon.period_years"] {
            parts.append(periods == "1" ? "1 period of \(years) years" : "\(periods) periods of \(years) years")
        }
        parts.append("metric \(results.metric) (\(results.metricUnit))")
        return parts.joined(separator: " · ")
    }

    private var descriptionMissing: String {
        let file = results.manifest.parameters["scenario.file"] ?? "the scenario file"
        return "(No description: \(file) is not found from the current folder, or changed since the run.)"
    }

    private var keyFigures: Node<HTML.BodyContext> {
        let rows = results.summary.rows.filter { row in
            row.value != nil && !row.metric.hasPrefix("worst_") && !row.metric.hasPrefix("weight_")
        }
        return .section(
            .h2(.text("Key figures (summary.csv)")),
            .table(
                .class("figures"),
                .tr(.th(.text("figure")), .th(.text("value")), .th(.text("unit")), .th(.text("what it is"))),
                .forEach(rows) { row in
                    .tr(
                        .td(.text(row.metric)), .td(.class("number"), .text(row.value.map { ReadableNumber.format($0) } ?? "")),
                        .td(.text(row.unit)), .td(.text(row.detail)))
                }
            ))
    }

    private func whenSection(_ sections: RunSections) -> Node<HTML.BodyContext> {
        let shocks = sections.shocks
        var charts: [Node<HTML.BodyContext>] = []
        if shocks.isEmpty {
            charts.append(.p(.class("note"), .text("No shocks: this run is its own baseline, so every difference is 0.")))
        } else {
            charts.append(.div(.class("charts"), ShockTimelineChart(shocks: shocks, periodTitle: sections.periodTitle).figure.node))
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
        return section("Where investment moves", sections.flowCharts(weights))
    }

    private var notes: Node<HTML.BodyContext> {
        let notes = results.summary.rows.filter { $0.metric == "note" }.map(\.detail)
        return .if(!notes.isEmpty, .section(.h2(.text("Read with care")), .forEach(notes) { .p(.class("note"), .text($0)) }))
    }

    private func section(_ title: String, _ charts: [ChartFigure]) -> Node<HTML.BodyContext> {
        .section(.h2(.text(title)), .div(.class("charts"), .group(charts.map(\.node))))
    }
}
