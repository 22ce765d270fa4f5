import Foundation
import Testing
@testable import ShockFlowReport

/// The report of the fixture run shows the totals the fixture script summed, one element per datum.
@Suite struct RunReportTests {
    @Test func totalsEqualTheFixtureScriptsSums() throws {
        let expected = try ReportFixtures.expected()
        guard case .run(let folder, let manifest) = try ReportSource(folder: ReportFixtures.run) else {
            Issue.record("the fixture is a run")
            return
        }
        let results = try RunResults(folder: folder, manifest: manifest, metric: nil)
        #expect(results.metric == "value_added", "the summary's headline metric")
        #expect(results.money.unit == "million euros" && results.money.format == nil, "no currency in the fixture's manifest")
        for (table, name) in [(results.regions, "regions"), (results.sectors, "sectors"), (results.cells, "cells")] {
            let totals = results.cumulativeDifferences(in: table)
            let reference = try #require(expected[name])
            #expect(totals.count == reference.count)
            for total in totals {
                let value = try #require(reference[total.key], "\(name): \(total.key)")
                #expect(abs(total.difference - value) <= 1e-9 * max(1, abs(value)), "\(name) \(total.key)")
            }
        }
        let weights = try #require(results.weights)
        for region in ["NORTH", "SOUTH"] {
            let series = try #require(weights.byRegion[region])
            #expect(abs(series.scenario[0] - (expected["weights_first"]?[region] ?? .nan)) < 1e-12)
            #expect(abs(series.scenario[2] - (expected["weights_last"]?[region] ?? .nan)) < 1e-12)
        }
    }

    /// plan.csv and the base weights of weights.csv: how much the plan raises each region's and sector's base weight.
    @Test func planRaisesEqualTheFixtureScripts() throws {
        let expected = try ReportFixtures.expected()
        guard case .run(let folder, let manifest) = try ReportSource(folder: ReportFixtures.run) else {
            Issue.record("the fixture is a run")
            return
        }
        let results = try RunResults(folder: folder, manifest: manifest, metric: nil)
        let plan = try #require(results.plan), weights = try #require(results.weights)
        let regions = plan.raise(by: \.region, part: \.own, baseWeights: weights.baseWeights)
        let sectors = plan.raise(by: \.sector, part: \.tilt, baseWeights: weights.baseWeights)
        for (computed, name) in [(regions, "plan_regions"), (sectors, "plan_sectors")] {
            let reference = try #require(expected[name])
            #expect(Set(computed.keys) == Set(reference.keys))
            for (key, value) in reference { #expect(abs((computed[key] ?? .nan) - value) < 1e-12, "\(name) \(key)") }
        }
        #expect(plan.favoured(region: "NORTH").map(\.own) == [0.5] && plan.favoured(region: "NORTH").first?.sectors == ["02"])
        #expect(plan.cells[1].rows == ["table.csv:2", "table.csv:9"])
    }

    @Test func pageHasEveryChartWithOneElementPerDatum() throws {
        let html = try ReportBuilder.html(folder: ReportFixtures.run)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        // Not China: regions as ranked bars (2), plus 2 sectors and 4 cells; the plan's raise of the
        // 2 regions' and the 2 tilted sectors' base weights.
        #expect(html.count(element: "rect", className: "tile-box") == 0)
        #expect(html.components(separatedBy: "id=\"map\"").count == 2)
        #expect(html.count(element: "rect", className: "bar") == 2 + 2 + 4 + 2 + 2)
        #expect(html.contains("id=\"plan-regions\"") && html.contains("id=\"plan-sectors\""))
        // Series: national + the two regions × output and value added, two lines each.
        #expect(html.count(element: "polyline", className: "series-line") == 3 * 2 * 2)
        // Flow: 2 regions; sectors: the strategic 02 and 01.
        #expect(html.count(element: "path", className: "flow-band") == 2 + 2)
        #expect(html.count(element: "path", className: "highlighted") == 1)
        #expect(html.count(element: "rect", className: "timeline-cell") == 3)
        // Every chart has a title, a caption and an accessible SVG title.
        let figures = html.occurrences(of: "<figure class=\"chart\"")
        #expect(figures == 1 + 6 + 1 + 2 + 2 + 2)
        #expect(html.occurrences(of: "<figcaption>") == figures)
        #expect(html.occurrences(of: "role=\"img\"") == figures)
        #expect(!html.contains("<script"), "no scripts")
        #expect(!html.contains("http://") || html.occurrences(of: "http://") == html.occurrences(of: "http://www.w3.org/2000/svg"))
        #expect(!html.contains("https://"))
        // Provenance footer.
        #expect(html.contains("<footer>") && html.contains(String(repeating: "0", count: 64)))
        #expect(html.contains("a made-up run for the report&#39;s tests") || html.contains("a made-up run for the report's tests"))
    }

    @Test func sameFolderGivesTheSameBytes() throws {
        #expect(try ReportBuilder.html(folder: ReportFixtures.run) == ReportBuilder.html(folder: ReportFixtures.run))
        #expect(try ReportBuilder.html(folder: ReportFixtures.sweep) == ReportBuilder.html(folder: ReportFixtures.sweep))
    }

    @Test func otherMetricAndUnknownMetric() throws {
        let html = try ReportBuilder.html(folder: ReportFixtures.run, metric: "output")
        #expect(html.contains("cumulative difference of output"))
        #expect(throws: ReportError.unknownMetric(
            "nonsense", path: ReportFixtures.run + "/regions.csv", available: ["output", "value_added"])) {
            try ReportBuilder.html(folder: ReportFixtures.run, metric: "nonsense")
        }
    }
}
