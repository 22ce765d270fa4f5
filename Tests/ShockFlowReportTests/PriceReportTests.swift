import Foundation
import ShockFlowEngine
import Testing
@testable import ShockFlowReport

/// The report's section on prices: the CPI by province on the tile map and the sectors whose prices change
/// most, with the values the fixture script works out (`Fixtures/make_price_run.py`); nothing for a run made
/// before prices or whose prices do not change; ranked regions for an economy that is not China's provinces.
@Suite struct PriceReportTests {
    static var folder: String { ReportFixtures.directory.appendingPathComponent("price-run").path }

    struct Expected: Decodable {
        var period: Int
        var index: String
        var regions: [String: Double]
        var sectors: [String: Double]
    }

    static func expected() throws -> Expected {
        try JSONDecoder().decode(
            Expected.self, from: Data(contentsOf: ReportFixtures.directory.appendingPathComponent("price-expected.json")))
    }

    static func prices(_ folder: String) throws -> PriceResults? {
        guard case .run(let folder, let manifest) = try ReportSource(folder: folder) else { return nil }
        return try RunResults(folder: folder, manifest: manifest, metric: nil).prices
    }

    @Test func valuesAreTheFixtureScripts() throws {
        let expected = try Self.expected()
        let prices = try #require(try Self.prices(Self.folder))
        #expect(prices.period == expected.period, "the national CPI's largest change is the fall of quarter 2")
        #expect(prices.index == expected.index)
        #expect(prices.regions.count == 31 && Set(prices.regions.map(\.code)) == Set(expected.regions.keys), "the nation's row is not a region")
        for region in prices.regions {
            let value = try #require(expected.regions[region.code])
            #expect(abs(region.scenario - region.baseline - value) <= 1e-12, "\(region.code)")
        }
        #expect(prices.sectors.map(\.code) == ["01", "02", "03"])
        for sector in prices.sectors {
            let value = try #require(expected.sectors[sector.code])
            #expect(abs(sector.change - value) <= 1e-12 * max(1, abs(value)), "sector \(sector.code): weights of period 0")
        }
    }

    @Test func pageHasTheMapAndTheSectorsWithTheirValues() throws {
        let expected = try Self.expected()
        let html = try ReportBuilder.html(folder: Self.folder)
        #expect(html.contains("<h2>What prices do</h2>"))
        let map = try #require(SVGProbe.figure("price-map", in: html))
        #expect(map.count(element: "rect", className: "tile-box") == 31)
        #expect(map.contains("<h3>Prices: CPI change in quarter 2 by province</h3>"))
        // Tibet's CPI falls by 1.25 %: its tile's value, and its hover text with the exact figure.
        #expect(map.contains(">−1.25 %</text>"))
        #expect(map.contains("Tibet (CN-XZ): CPI change in quarter 2 −1.25 % (exactly −0.01249999999999"), "scenario − baseline of the file")
        // Every province's CPI falls in quarter 2: every tile is blue, not red (rises are red).
        let fills = SVGProbe.rects(in: map, className: "tile-box").map(\.fill)
        #expect(fills.count == 31 && fills.allSatisfy { Self.isBlue($0) }, "\(fills)")
        #expect(map.contains(">← fall</text>") && map.contains(">rise →</text>"))

        let bars = try #require(SVGProbe.figure("price-sectors", in: html))
        #expect(bars.count(element: "rect", className: "bar") == 3)
        // Largest change whatever its sign first: foods, agriculture (falls, blue), then services (a rise, red).
        let labels = SVGProbe.matches("class=\"bar-label\"[^>]*>(?:<title>[^<]*</title>)?([^<]+)</text>", in: bars).map { $0[0] }
        #expect(labels == ["Foods", "Agriculture", "Services"], "\(labels)")
        let barFills = SVGProbe.matches("fill=\"(#[0-9a-f]{6})\" class=\"bar\"", in: bars).map { $0[0] }
        #expect(barFills.count == 3 && Self.isBlue(barFills[0]) && Self.isBlue(barFills[1]) && !Self.isBlue(barFills[2]))
        let values = SVGProbe.matches("class=\"bar-value\">([^<]+)</text>", in: bars).map { $0[0] }
        let shown = ["02", "01", "03"].compactMap { expected.sectors[$0] }.map { value in
            (value < 0 ? "−" : "+") + String(format: "%.3f %%", abs(value) * 100)
        }
        #expect(values == shown, "\(values) against \(shown)")
    }

    @Test func noSectionForARunBeforePricesOrWithoutAChange() throws {
        let before = try ReportBuilder.html(folder: ReportFixtures.run)
        #expect(!before.contains("What prices do") && !before.contains("price-"))

        let (root, folder) = try ReportFixtures.copy(Self.folder)
        defer { try? FileManager.default.removeItem(at: root) }
        for file in PriceResults.files {
            // Every scenario price as its baseline (1): the run has prices, but they do not change.
            let path = folder + "/" + file
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            let unchanged = lines.enumerated().map { number, line -> String in
                guard number > 0, !line.isEmpty else { return String(line) }
                var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                fields[fields.count - 3] = fields[fields.count - 4]
                fields[fields.count - 2] = "0"
                fields[fields.count - 1] = "0"
                return fields.joined(separator: ",")
            }
            try unchanged.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        let html = try ReportBuilder.html(folder: folder)
        #expect(!html.contains("What prices do") && !html.contains("price-map") && !html.contains("price-sectors"))
        #expect(html.count(element: "rect", className: "tile-box") == 31, "the map of the metric stays")
    }

    @Test func priceFilesGoTogetherAndHaveEveryPeriod() throws {
        let (root, folder) = try ReportFixtures.copy(Self.folder)
        defer { try? FileManager.default.removeItem(at: root) }
        let prices = folder + "/prices.csv", indices = folder + "/price_indices.csv"
        let kept = try Data(contentsOf: URL(fileURLWithPath: indices))
        try FileManager.default.removeItem(atPath: indices)
        let missing = try #require(throws: ReportError.self) { try ReportBuilder.html(folder: folder) }
        guard case .missingFile(let path, _) = missing else {
            Issue.record("expected a missing file, got \(missing)")
            return
        }
        #expect(path == indices)
        try kept.write(to: URL(fileURLWithPath: indices))

        // A row lost in the middle of prices.csv (period 1 of CN-BJ/01).
        let lines = try String(contentsOfFile: prices, encoding: .utf8).split(separator: "\n").map(String.init)
        let lost = lines.filter { !$0.hasPrefix("1,CN-BJ,01,") }
        #expect(lost.count == lines.count - 1)
        try (lost.joined(separator: "\n") + "\n").write(toFile: prices, atomically: true, encoding: .utf8)
        #expect(throws: ReportError.incompleteSeries(path: prices, metric: "price", key: "CN-BJ/01", rows: 2, periods: 3)) {
            try ReportBuilder.html(folder: folder)
        }
        // A file cut short: its periods stop before the run's three.
        try (lines.filter { !$0.hasPrefix("2,") }.joined(separator: "\n") + "\n").write(toFile: prices, atomically: true, encoding: .utf8)
        let cut = try #require(throws: (any Error).self) { try ReportBuilder.html(folder: folder) }
        #expect("\(cut)".contains("prices.csv") && "\(cut)".contains("truncated"), "\(cut)")
    }

    /// A run of the two-region test economy with a dearer import of chips: no tile map, the regions'
    /// CPI as ranked bars, the values of the run's own summary rows (written by the engine from its prices).
    @Test func otherEconomiesGetRankedRegions() throws {
        let directory = try TimeAxisRunTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = directory.appendingPathComponent("dearer-chips.yaml")
        try """
            schema_version: 1
            name: dearer-chips
            economy: \(TimeAxisRunTests.economy)
            horizon: {periods: 4, period: quarter}
            shocks:
              - {id: dearer, kind: import_price, products: chips, magnitude: 0.5, profile: {type: step, start: 1, end: 2}}
            """.write(to: scenario, atomically: true, encoding: .utf8)
        let folder = directory.appendingPathComponent("run").path
        _ = try ScenarioRunner.run(scenarioFile: scenario.path, outputFolder: folder)
        let html = try ReportBuilder.html(folder: folder)
        #expect(!html.contains("price-map"))
        let regions = try #require(SVGProbe.figure("price-regions", in: html))
        let sectors = try #require(SVGProbe.figure("price-sectors", in: html))
        #expect(regions.count(element: "rect", className: "bar") == 2 && sectors.count(element: "rect", className: "bar") == 2)
        #expect(regions.contains("<h3>Prices: CPI change in quarter 1 by region</h3>"))
        let summary = try SummaryTable(path: folder + "/summary.csv")
        for (figure, metric) in [(regions, "cpi_region_"), (sectors, "sector_price_")] {
            let values = SVGProbe.matches("class=\"bar-value\">([^<]+)</text>", in: figure).map { $0[0] }
            let rows = (1...2).compactMap { summary.row("\(metric)\($0)")?.value }
            #expect(rows.count == 2 && rows.allSatisfy { $0 > 0 }, "chips dearer: prices rise")
            // Each label is the summary's value (in %) rounded to the label's decimals.
            #expect(values.count == 2 && zip(values, rows).allSatisfy { Self.rounds(label: $0, value: $1) }, "\(metric): \(values), summary \(rows)")
        }
    }

    /// Whether `label` (`+0.0523 %`) is `value` (in %) rounded to the label's decimals.
    static func rounds(label: String, value: Double) -> Bool {
        let digits = label.replacingOccurrences(of: " %", with: "").replacingOccurrences(of: "−", with: "-")
        guard let shown = Double(digits) else { return false }
        let decimals = digits.split(separator: ".").dropFirst().first?.count ?? 0
        return abs(shown - value) <= 0.5 * pow(10, -Double(decimals)) * (1 + 1e-9)
    }

    /// A CSS colour `#rrggbb` with more blue than red.
    static func isBlue(_ css: String) -> Bool {
        let hex = UInt32(css.dropFirst(), radix: 16) ?? 0
        return hex & 0xFF > (hex >> 16) & 0xFF
    }
}
