import Foundation
import ShockFlowEngine
import ShockFlowTestSupport
import Testing
@testable import ShockFlowReport

/// Reports of small runs of the two-region test economy (4, 12 and 20 quarters, 5 years): every time
/// axis runs from period 0 to the horizon's last period T − 1 and names the period length; regions and
/// sectors appear by name and money in the economy's currency — or, for a folder whose manifest predates
/// the names and the currency, by code and in the money unit as written.
@Suite struct TimeAxisRunTests {
    static let economy = Fixtures.path("economies/two-region")

    /// A run of the two-region economy (given 10,000 yuan as its currency) with an import cut in periods
    /// 1 … `cutEnd`, in a fresh folder under `directory`.
    static func run(periods: Int, period: String, cutEnd: Int, in directory: URL) throws -> String {
        let economy = directory.appendingPathComponent("two-region").path
        if !FileManager.default.fileExists(atPath: economy) {
            try FileManager.default.copyItem(atPath: Self.economy, toPath: economy)
            let yaml = economy + "/economy.yaml"
            let text = try String(contentsOfFile: yaml, encoding: .utf8)
                .replacingOccurrences(of: "money_unit: 10,000 yuan\n", with: "money_unit: 10,000 yuan\ncurrency: CNY\nscale: 10000\n")
            try text.write(toFile: yaml, atomically: true, encoding: .utf8)
        }
        let scenario = directory.appendingPathComponent("axis-\(periods)-\(period).yaml")
        try """
            schema_version: 1
            name: axis-\(periods)-\(period)
            economy: \(economy)
            horizon: {periods: \(periods), period: \(period)}
            shocks:
              - {id: chips, kind: import, products: chips, magnitude: 0.5, profile: {type: step, start: 1, end: \(cutEnd)}}
            """.write(to: scenario, atomically: true, encoding: .utf8)
        let folder = directory.appendingPathComponent("run-\(periods)-\(period)").path
        _ = try ScenarioRunner.run(scenarioFile: scenario.path, outputFolder: folder)
        return folder
    }

    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("report-axes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test(arguments: [(4, "quarter", 2), (12, "quarter", 6), (20, "quarter", 6), (5, "year", 2)])
    func timeAxesFollowTheHorizon(periods: Int, period: String, cutEnd: Int) throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let folder = try Self.run(periods: periods, period: period, cutEnd: cutEnd, in: directory)
        let html = try ReportBuilder.html(folder: folder)
        let last = periods - 1

        // The timeline: a cell per period, the last tick labelled T − 1 in the middle of the last cell.
        let timeline = try #require(SVGProbe.figure("shocks", in: html))
        let cells = SVGProbe.rects(in: timeline, className: "timeline-cell")
        #expect(cells.count == periods)
        let ticks = SVGProbe.ticks(in: timeline)
        #expect(ticks.first?.label == "0" && ticks.last?.label == String(last), "\(ticks)")
        let lastCell = try #require(cells.last)
        #expect(abs((ticks.last?.x ?? 0) - (lastCell.x + (lastCell.width + 1) / 2)) < 0.02, "the last tick sits on the last cell")
        #expect(timeline.contains(">\(period) (0–\(last))</text>"), "the axis names the period length")
        // The cut of periods 1 … cutEnd shows in exactly those cells (darker than the others).
        let shaded = cells.enumerated().filter { $0.element.fill != cells[0].fill }.map(\.offset)
        #expect(shaded == Array(1...cutEnd))

        // Every series: a point per period from the axis's first tick to its last, which is T − 1.
        for id in ["series-national-output", "series-national-value_added", "series-north-value_added"] {
            let chart = try #require(SVGProbe.figure(id, in: html), "\(id)")
            let ticks = SVGProbe.ticks(in: chart)
            #expect(ticks.first?.label == "0" && ticks.last?.label == String(last), "\(id): \(ticks)")
            let lines = SVGProbe.polylines(in: chart, className: "series-line")
            #expect(lines.count == 2)
            for points in lines {
                #expect(points.count == periods)
                #expect(abs((points.first?.x ?? -1) - (ticks.first?.x ?? 0)) < 0.02)
                #expect(abs((points.last?.x ?? -1) - (ticks.last?.x ?? 0)) < 0.02, "\(id): the line ends at the last tick")
            }
            #expect(chart.contains(">\(period) (0–\(last))</text>"))
        }
        // The flow charts compare the first and the last period by name.
        #expect(html.contains(">\(period) 0</text>") && html.contains(">\(period) \(last)</text>"))
        #expect(html.contains("<p class=\"subtitle\">") && html.contains("\(periods) \(period)s"))
    }

    /// Names from the manifest for every region, sector and cell; money in yuan with magnitude words.
    @Test func labelsNameRegionsAndSectorsAndMoneyIsInYuan() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let folder = try Self.run(periods: 8, period: "quarter", cutEnd: 4, in: directory)
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json")))
        let metadata = try #require((manifest as? [String: Any])?["economy_metadata"] as? [String: Any])
        #expect(metadata["currency"] as? String == "CNY" && metadata["scale"] as? Double == 10_000)
        #expect(metadata["money_unit"] as? String == "10,000 yuan")
        let sectors = try #require(metadata["sectors"] as? [[String: String]])
        #expect(sectors == [["code": "agri", "name": "Agriculture, forestry and fishing"], ["code": "manu", "name": "Manufacturing"]])
        #expect((metadata["regions"] as? [[String: String]])?.map { $0["name"] } == ["North", "South"])
        #expect((metadata["products"] as? [[String: String]]) == [["code": "chips", "name": "Integrated circuits"]])

        let html = try ReportBuilder.html(folder: folder)
        let bars = try #require(SVGProbe.figure("ranked-sectors", in: html))
        #expect(bars.contains("><title>Manufacturing (sector manu)</title>Manufacturing</text>"), "a sector by name, its code in the hover text")
        let cells = try #require(SVGProbe.figure("ranked-cells", in: html))
        #expect(cells.contains("><title>North (north) · Manufacturing (sector manu)</title>North · Manufacturing</text>"))
        #expect(!cells.contains(">north/manu<"))
        let regions = try #require(SVGProbe.figure("map", in: html))
        #expect(regions.contains("><title>South (south)</title>South</text>"))
        // Money: the axes name the currency with a magnitude word; hover texts also give 万 / 亿 / 万亿.
        #expect(html.contains(" yuan)</text>") && html.contains("元"))
        #expect(!html.contains("10,000 yuan)</text>"), "no axis in the money unit when the currency is known")
        // Key figures in yuan; the iterations are diagnostics in the footer.
        let figures = try #require(html.range(of: "<table class=\"figures\">").map { html[$0.lowerBound...] }.flatMap { part in
            part.range(of: "</table>").map { String(part[..<$0.upperBound]) }
        })
        #expect(figures.contains(" yuan</td>") && !figures.contains("iterations"))
        #expect(html.contains("Solver diagnostics") && html.contains("max_rationing_iterations"))
    }

    /// A folder written before the manifest recorded names and currency: labels are codes (or the names
    /// summary.csv gives for the worst five), money stays in the unit as written.
    @Test func folderWithoutEconomyMetadataFallsBackToCodes() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let folder = try Self.run(periods: 4, period: "quarter", cutEnd: 2, in: directory)
        let path = folder + "/manifest.json"
        var manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        manifest["economy_metadata"] = nil
        try JSONSerialization.data(withJSONObject: manifest).write(to: URL(fileURLWithPath: path))
        // summary.csv names the worst regions and sectors; without them only codes remain.
        let summary = folder + "/summary.csv"
        let rows = try String(contentsOfFile: summary, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        try rows.filter { !$0.hasPrefix("worst_") }.joined(separator: "\n").write(toFile: summary, atomically: true, encoding: .utf8)

        let html = try ReportBuilder.html(folder: folder)
        let cells = try #require(SVGProbe.figure("ranked-cells", in: html))
        #expect(cells.contains("><title>north · sector manu</title>north · manu</text>"), "codes when nothing names them")
        let sectors = try #require(SVGProbe.figure("ranked-sectors", in: html))
        #expect(sectors.contains("><title>sector manu</title>manu</text>"))
        #expect(html.contains("(10,000 yuan)</text>"), "money in the money unit as written")
        #expect(!html.contains("trillion yuan") && !html.contains("元"))
        #expect(try ReportBuilder.html(folder: ReportFixtures.run).contains(">NORTH<"), "the old fixture: region codes")
    }
}

/// Reads marks and ticks out of a chart's SVG text.
enum SVGProbe {
    /// The markup of `<figure … id="id">` up to its `</figure>`.
    static func figure(_ id: String, in html: String) -> String? {
        guard let start = html.range(of: "<figure class=\"chart\" id=\"\(id)\">") else { return nil }
        return html[start.lowerBound...].range(of: "</figure>").map { String(html[start.lowerBound..<$0.upperBound]) }
    }

    static func matches(_ pattern: String, in text: String) -> [[String]] {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (1..<match.numberOfRanges).map { Range(match.range(at: $0), in: text).map { String(text[$0]) } ?? "" }
        }
    }

    /// The tick labels of the chart's x axis with their x positions, left to right.
    static func ticks(in chart: String) -> [(label: String, x: Double)] {
        guard let axis = chart.range(of: "<g class=\"x-axis\">").map({ String(chart[$0.lowerBound...]) }) else { return [] }
        return matches("<text x=\"([-0-9.]+)\" y=\"[-0-9.]+\" text-anchor=\"middle\" class=\"tick\">([^<]*)</text>", in: axis)
            .map { (label: $0[1], x: Double($0[0]) ?? .nan) }
    }

    static func rects(in chart: String, className: String) -> [(x: Double, width: Double, fill: String)] {
        matches("<rect x=\"([-0-9.]+)\" y=\"[-0-9.]+\" width=\"([-0-9.]+)\" height=\"[-0-9.]+\" fill=\"([^\"]*)\" class=\"\(className)\"", in: chart)
            .map { (x: Double($0[0]) ?? .nan, width: Double($0[1]) ?? .nan, fill: $0[2]) }
    }

    static func polylines(in chart: String, className: String) -> [[(x: Double, y: Double)]] {
        matches("<polyline points=\"([^\"]*)\" class=\"\(className)[ \"]", in: chart).map { match in
            match[0].split(separator: " ").map { pair in
                let parts = pair.split(separator: ",")
                return (x: Double(parts[0]) ?? .nan, y: Double(parts.count > 1 ? parts[1] : "") ?? .nan)
            }
        }
    }
}
