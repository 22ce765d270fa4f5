import Foundation
import Testing

/// `shockflow report` as a user meets it: the report of a shipped scenario rendered by a real headless
/// browser (Debian's chromium) without console errors, with every chart's elements and a screenshot
/// that is not blank; bad folders exit 1 and write nothing.
@Suite(.serialized) struct ReportBrowserTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Chromium on PATH; its absence fails the test (make test installs it).
    static func chromium() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/chromium" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a program to its end and returns its status, output and error text.
    static func execute(_ program: String, _ arguments: [String]) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("report-test-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path + ".out", contents: nil)
        _ = FileManager.default.createFile(atPath: output.path + ".err", contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: output.path + ".out")
            try? FileManager.default.removeItem(atPath: output.path + ".err")
        }
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output.path + ".out"))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: output.path + ".err"))
        try process.run()
        process.waitUntilExit()
        return CommandResult(
            exitCode: process.terminationStatus,
            standardOutput: try String(contentsOfFile: output.path + ".out", encoding: .utf8),
            standardError: try String(contentsOfFile: output.path + ".err", encoding: .utf8))
    }

    static func headless(_ chromium: String, _ arguments: [String], page: String) throws -> CommandResult {
        try execute(chromium, [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--enable-logging=stderr", "--v=0",
        ] + arguments + ["file://" + page])
    }

    /// The page's console messages, as Chromium logs them with --enable-logging: `…:CONSOLE:…] "text", source: …`.
    /// The report has no scripts, so any message (an SVG attribute Chromium cannot parse, …) is an error.
    static func consoleMessages(_ log: String) -> [String] {
        log.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
    }

    /// How many `<name …>` elements of the DOM have `className` among their classes.
    static func count(_ dom: String, element name: String, className: String) throws -> Int {
        let pattern = "<\(name)\\b[^>]*\\bclass=\"(?:[^\"]* )?\(className)(?: [^\"]*)?\""
        let expression = try NSRegularExpression(pattern: pattern)
        return expression.numberOfMatches(in: dom, range: NSRange(dom.startIndex..., in: dom))
    }

    @Test func chipExportControlsReportRendersInChromium() throws {
        guard let chromium = Self.chromium() else {
            Issue.record("chromium is not installed: `make test` installs it (Debian package chromium)")
            return
        }
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = folder.appendingPathComponent("chip-export-controls").path
        let scenario = Self.repository.appendingPathComponent("scenarios/chip-export-controls.yaml").path
        let ran = try CommandRunner.run(["run", scenario, "--out", run, "--quiet"])
        try #require(ran.exitCode == 0, "\(ran.standardError)")
        let reported = try CommandRunner.run(["report", run])
        try #require(reported.exitCode == 0, "\(reported.standardError)")
        let page = run + "/report.html"
        #expect(reported.standardOutput.hasPrefix("wrote the run report \(page) ("))
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.utf8.count < 3_000_000, "a few MB at most")
        #expect(!html.contains("<script") && !html.contains("https://") && !html.contains("@import") && !html.contains("url("))

        // The rendered DOM has every chart with one element per datum.
        let dumped = try Self.headless(chromium, ["--dump-dom"], page: page)
        #expect(dumped.exitCode == 0)
        let dom = dumped.standardOutput
        let regions = Set(try String(contentsOfFile: run + "/regions.csv", encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",")[1] })
        #expect(regions.count == 31)
        // Two maps: where the shock lands, and how much each province's own plan raises its base weight.
        #expect(try Self.count(dom, element: "rect", className: "tile-box") == 2 * 31)
        #expect(try Self.count(dom, element: "g", className: "tile") == 2 * 31)
        // National + 3 provinces × output and value added, a baseline and a scenario line each.
        #expect(try Self.count(dom, element: "polyline", className: "series-line") == 4 * 2 * 2)
        // Each line has a point per period (20 quarters).
        let lines = try NSRegularExpression(pattern: "<polyline points=\"([^\"]*)\" class=\"series-line")
        let points = lines.matches(in: dom, range: NSRange(dom.startIndex..., in: dom)).compactMap { match in
            Range(match.range(at: 1), in: dom).map { dom[$0].split(separator: " ").count }
        }
        #expect(points.count == 16 && points.allSatisfy { $0 == 20 }, "points per line: \(points)")
        // Flow: a band and two nodes per region; sectors: the strategic one, the 9 largest others, the rest.
        #expect(try Self.count(dom, element: "path", className: "flow-band") == 31 + 11)
        #expect(try Self.count(dom, element: "rect", className: "flow-node") == 2 * (31 + 11))
        #expect(try Self.count(dom, element: "rect", className: "timeline-cell") == 20)
        // Ranked sectors and cells, and the 12 sectors the plan favours most.
        #expect(try Self.count(dom, element: "rect", className: "bar") == 12 + 15 + 12)
        #expect(!dom.contains("What prices do"), "no price shock: prices do not change, so no price section")
        // The footer has the manifest's provenance: every input's SHA-256.
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: run + "/manifest.json")))
        let digests = ((manifest as? [String: Any])?["inputs"] as? [[String: Any]] ?? []).compactMap { $0["sha256"] as? String }
        // The economy's inputs, the scenario and the plan table's two files.
        #expect(digests.count == 7 && digests.allSatisfy { dom.contains($0) })
        #expect(Self.consoleMessages(dumped.standardError).isEmpty, "\(Self.consoleMessages(dumped.standardError))")

        // A screenshot that is not blank: many colours, a fair share of non-white pixels.
        let screenshot = folder.appendingPathComponent("report.png").path
        let shot = try Self.headless(chromium, ["--screenshot=\(screenshot)", "--window-size=1280,1500"], page: page)
        #expect(shot.exitCode == 0 && FileManager.default.fileExists(atPath: screenshot), "\(shot.standardError)")
        #expect(Self.consoleMessages(shot.standardError).isEmpty)
        let script = Self.repository.appendingPathComponent("Tests/ShockFlowCLITests/Report/png_colours.py").path
        let measured = try Self.execute("/usr/bin/env", ["python3", script, screenshot])
        let fields = measured.standardOutput.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        try #require(fields.count == 2, "png_colours.py: \(measured.standardOutput)\(measured.standardError)")
        #expect(fields[0] > 100, "distinct colours: \(fields[0])")
        #expect(fields[1] > 0.05, "non-white share: \(fields[1])")
    }

    /// The shipped soybean scenario (an import_price shock): its report shows the CPI by province on a
    /// second tile map and the 12 sectors whose prices rise most, with the values of summary.csv's price rows
    /// (the engine's, from its prices; the report reads prices.csv and price_indices.csv), rendered by
    /// Chromium without console messages.
    @Test func soybeanReportShowsPricesInChromium() throws {
        guard let chromium = Self.chromium() else {
            Issue.record("chromium is not installed: `make test` installs it (Debian package chromium)")
            return
        }
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = folder.appendingPathComponent("soybean-import-shock").path
        let scenario = Self.repository.appendingPathComponent("scenarios/soybean-import-shock.yaml").path
        let ran = try CommandRunner.run(["run", scenario, "--out", run, "--quiet"])
        try #require(ran.exitCode == 0, "\(ran.standardError)")
        let reported = try CommandRunner.run(["report", run])
        try #require(reported.exitCode == 0, "\(reported.standardError)")
        let dumped = try Self.headless(chromium, ["--dump-dom"], page: run + "/report.html")
        #expect(dumped.exitCode == 0 && Self.consoleMessages(dumped.standardError).isEmpty, "\(dumped.standardError)")
        let dom = dumped.standardOutput
        let map = try #require(Self.figure("price-map", in: dom), "no price map")
        let sectors = try #require(Self.figure("price-sectors", in: dom), "no price sectors")
        #expect(try Self.count(map, element: "rect", className: "tile-box") == 31)
        #expect(try Self.count(dom, element: "rect", className: "tile-box") == 31 + 31 + 31, "the metric's map, the plan's and the CPI's")
        #expect(try Self.count(sectors, element: "rect", className: "bar") == 12)
        // Ranked sectors and cells, the 12 sectors the plan favours most, and the 12 sectors whose prices move most.
        #expect(try Self.count(dom, element: "rect", className: "bar") == 12 + 15 + 12 + 12)

        // summary.csv's price rows: the five provinces and sectors whose prices rose most, in %, in the
        // period of the national CPI's peak; the page shows the same period and values.
        let summary = try String(contentsOfFile: run + "/summary.csv", encoding: .utf8).split(separator: "\n")
        func row(_ metric: String) -> (value: Double, detail: String)? {
            summary.first { $0.hasPrefix(metric + ",") }.flatMap { line in
                let fields = line.split(separator: ",", maxSplits: 3).map(String.init)
                let detail = fields.count == 4 ? fields[3].trimmingCharacters(in: ["\""]) : ""
                return fields.count == 4 ? Double(fields[1]).map { ($0, detail) } : nil
            }
        }
        let peak = try #require(row("peak_cpi_change_percent"))
        #expect(peak.detail.contains("in period 1,"), "the soybean price shock starts in quarter 1")
        #expect(map.contains("<h3>Prices: CPI change in quarter 1 by province</h3>"))
        for rank in 1...5 {
            let region = try #require(row("cpi_region_\(rank)"))
            let code = String(region.detail.prefix { $0 != " " })
            let tile = try #require(
                map.range(of: "(\(code)): CPI change in quarter 1 ").map { String(map[$0.upperBound...].prefix(12)) }, "\(code)")
            #expect(tile.hasPrefix(Self.percent(region.value, significant: 3)), "\(code): \(tile) against \(region.value) %")
        }
        let values = Self.matches("class=\"bar-value\">([^<]+)</text>", in: sectors).map { $0[0] }
        let labels = Self.matches("<title>[^<]*\\(sector ([0-9]+)\\)</title>", in: sectors).map { $0[0] }
        for rank in 1...5 {
            let sector = try #require(row("sector_price_\(rank)"))
            #expect(labels.count > rank && sector.detail.hasPrefix(labels[rank - 1] + " "), "rank \(rank): \(labels)")
            // The bars share the decimals of the largest (three significant digits of +0.235 %: three decimals).
            #expect(values.count > rank && values[rank - 1] == "+" + String(format: "%.3f %%", sector.value), "\(values)")
        }
    }

    /// `+0.505 %`: a change in % with `significant` digits, trailing zeros of the fraction dropped.
    static func percent(_ value: Double, significant: Int) -> String {
        let decimals = max(0, significant - 1 - Int(floor(log10(abs(value)))))
        var text = String(format: "%.\(decimals)f", abs(value))
        while text.contains("."), text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return (value < 0 ? "−" : "+") + text + " %"
    }

    /// Runs of the two-region test economy over 4, 12 and 20 quarters and 5 years, rendered by Chromium:
    /// the shock timeline has a cell per period and its last tick, T − 1, in the middle of the last cell;
    /// the series' time axes end at T − 1 with their lines; the axis titles name the period length; no
    /// console messages; the 12-quarter page's screenshot is not blank.
    @Test func timeAxesFollowTheHorizonInChromium() throws {
        guard let chromium = Self.chromium() else {
            Issue.record("chromium is not installed: `make test` installs it (Debian package chromium)")
            return
        }
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let economy = Self.repository.appendingPathComponent("Tests/ShockFlowFormatsTests/Fixtures/economies/two-region").path
        for (periods, period) in [(4, "quarter"), (12, "quarter"), (20, "quarter"), (5, "year")] {
            let name = "axis-\(periods)-\(period)"
            let scenario = folder.appendingPathComponent(name + ".yaml").path
            try """
                schema_version: 1
                name: \(name)
                economy: \(economy)
                horizon: {periods: \(periods), period: \(period)}
                shocks:
                  - {id: chips, kind: import, products: chips, magnitude: 0.5, profile: {type: step, start: 1, end: \(min(6, periods - 2))}}
                """.write(toFile: scenario, atomically: true, encoding: .utf8)
            let run = folder.appendingPathComponent(name).path
            let ran = try CommandRunner.run(["run", scenario, "--out", run, "--quiet"])
            try #require(ran.exitCode == 0, "\(ran.standardError)")
            let reported = try CommandRunner.run(["report", run])
            try #require(reported.exitCode == 0, "\(reported.standardError)")
            let page = run + "/report.html"
            let dumped = try Self.headless(chromium, ["--dump-dom"], page: page)
            #expect(dumped.exitCode == 0 && Self.consoleMessages(dumped.standardError).isEmpty, "\(name): \(dumped.standardError)")
            let dom = dumped.standardOutput
            let last = periods - 1

            let timeline = try #require(Self.figure("shocks", in: dom), "\(name): no timeline")
            let cells = Self.matches(
                "<rect x=\"([-0-9.]+)\" y=\"[-0-9.]+\" width=\"([-0-9.]+)\"[^>]*class=\"timeline-cell\"", in: timeline)
            #expect(cells.count == periods, "\(name): \(cells.count) cells")
            let ticks = Self.ticks(in: timeline)
            #expect(ticks.first?.label == "0" && ticks.last?.label == String(last), "\(name): \(ticks)")
            if let cell = cells.last, let x = Double(cell[0]), let width = Double(cell[1]), let tick = ticks.last {
                #expect(abs(tick.x - (x + (width + 1) / 2)) < 0.02, "\(name): the last tick sits on the last cell")
            }
            #expect(timeline.contains(">\(period) (0–\(last))</text>"), "\(name): the axis names the period length")

            let series = try #require(Self.figure("series-national-value_added", in: dom), "\(name): no national series")
            let seriesTicks = Self.ticks(in: series)
            #expect(seriesTicks.first?.label == "0" && seriesTicks.last?.label == String(last), "\(name): \(seriesTicks)")
            let lines = Self.matches("<polyline points=\"([^\"]*)\" class=\"series-line", in: series).map { $0[0].split(separator: " ") }
            #expect(lines.count == 2 && lines.allSatisfy { $0.count == periods })
            let end = lines.first?.last.flatMap { Double($0.split(separator: ",")[0]) }
            #expect(abs((end ?? 0) - (seriesTicks.last?.x ?? -1)) < 0.02, "\(name): the line ends at the axis's last tick")
            #expect(series.contains(">\(period) (0–\(last))</text>"))

            if periods == 12 {
                let screenshot = folder.appendingPathComponent(name + ".png").path
                let shot = try Self.headless(chromium, ["--screenshot=\(screenshot)", "--window-size=1280,1500"], page: page)
                #expect(shot.exitCode == 0 && Self.consoleMessages(shot.standardError).isEmpty, "\(shot.standardError)")
                let script = Self.repository.appendingPathComponent("Tests/ShockFlowCLITests/Report/png_colours.py").path
                let measured = try Self.execute("/usr/bin/env", ["python3", script, screenshot])
                let fields = measured.standardOutput.split(separator: " ")
                    .compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
                try #require(fields.count == 2, "png_colours.py: \(measured.standardOutput)\(measured.standardError)")
                #expect(fields[0] > 100 && fields[1] > 0.05, "colours and non-white share: \(fields)")
            }
        }
    }

    /// The markup of the DOM's `<figure … id="id">` up to its `</figure>`.
    static func figure(_ id: String, in dom: String) -> String? {
        guard let start = dom.range(of: "<figure class=\"chart\" id=\"\(id)\">") else { return nil }
        return dom[start.lowerBound...].range(of: "</figure>").map { String(dom[start.lowerBound..<$0.upperBound]) }
    }

    /// The capture groups of every match of `pattern` in `text`.
    static func matches(_ pattern: String, in text: String) -> [[String]] {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (1..<match.numberOfRanges).map { Range(match.range(at: $0), in: text).map { String(text[$0]) } ?? "" }
        }
    }

    /// The x axis's tick labels of a chart with their x positions, left to right (the y axis's are
    /// anchored at their end).
    static func ticks(in chart: String) -> [(label: String, x: Double)] {
        guard let axis = chart.range(of: "<g class=\"x-axis\">").map({ String(chart[$0.lowerBound...]) }) else { return [] }
        return matches("<text x=\"([-0-9.]+)\" y=\"[-0-9.]+\" text-anchor=\"middle\" class=\"tick\">([^<]*)</text>", in: axis)
            .map { (label: $0[1], x: Double($0[0]) ?? .nan) }
    }

    /// The console check itself works: a page with an SVG attribute Chromium cannot parse logs an error.
    @Test func consoleCheckCatchesABrokenPage() throws {
        guard let chromium = Self.chromium() else {
            Issue.record("chromium is not installed: `make test` installs it (Debian package chromium)")
            return
        }
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("broken.html").path
        try "<!DOCTYPE html><svg><polyline points=\"1,2 x,3\"/></svg>".write(toFile: page, atomically: true, encoding: .utf8)
        let dumped = try Self.headless(chromium, ["--dump-dom"], page: page)
        #expect(Self.consoleMessages(dumped.standardError).count == 1)
    }

    /// A sweep written by `shockflow sweep` (regression indices, no intervals): a headline range per output
    /// (its band, median tick and top inputs), a tornado bar per parameter and output, a scatter point per
    /// run and output; rendered in Chromium without console messages.
    @Test func sweepReportHasRangesATornadoAndAScatterPerOutput() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sweep = Self.repository.appendingPathComponent("scripts/fixtures/sweeps/small-sweep.yaml").path
        let out = folder.appendingPathComponent("small-sweep").path
        let swept = try CommandRunner.run(["sweep", sweep, "--out", out, "--quiet"])
        try #require(swept.exitCode == 0, "\(swept.standardError)")
        let reported = try CommandRunner.run(["report", out, "--out", folder.appendingPathComponent("sweep.html").path])
        try #require(reported.exitCode == 0, "\(reported.standardError)")
        let html = try String(contentsOfFile: folder.appendingPathComponent("sweep.html").path, encoding: .utf8)
        let outputs = try String(contentsOfFile: out + "/outputs.csv", encoding: .utf8).split(separator: "\n")
        let outputCount = outputs[0].split(separator: ",").count - 1, runs = outputs.count - 1
        let parameters = try String(contentsOfFile: out + "/samples.csv", encoding: .utf8).split(separator: "\n")[0]
            .split(separator: ",").count - 1
        #expect(try Self.count(html, element: "rect", className: "tornado-bar") == outputCount * parameters)
        #expect(try Self.count(html, element: "circle", className: "point") == outputCount * runs)
        #expect(html.contains("<h1>Sweep small-sweep</h1>"))
        #expect(try Self.count(html, element: "tr", className: "range-row") == outputCount)
        #expect(html.contains("top inputs by |SRC| (sign)"), "an lhs design's drivers are ranked by |SRC|")

        guard let chromium = Self.chromium() else {
            Issue.record("chromium is not installed: `make test` installs it (Debian package chromium)")
            return
        }
        let dumped = try Self.headless(chromium, ["--dump-dom"], page: folder.appendingPathComponent("sweep.html").path)
        #expect(dumped.exitCode == 0 && Self.consoleMessages(dumped.standardError).isEmpty, "\(dumped.standardError)")
        let dom = dumped.standardOutput
        for mark in ["range-band", "range-median", "range-extent"] {
            #expect(try Self.count(dom, element: "rect", className: mark) == outputCount, "\(mark)")
        }
        #expect(try Self.count(dom, element: "text", className: "range-median-label") == outputCount)
        #expect(try Self.count(dom, element: "span", className: "driver") == outputCount * min(parameters, 3))
    }

    @Test func folderThatIsNoRunOrSweepExitsOneAndWritesNothing() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandRunner.run(["report", folder.path])
        #expect(result.exitCode == 1)
        #expect(result.standardError == "shockflow: error: \(folder.path): not a results folder of shockflow run or shockflow sweep: it has no manifest.json\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func runWithAMissingCSVExitsOneNamingIt() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{\"command\": \"run\", \"parameters\": {\"model\": \"leontief\"}}".write(
            toFile: folder.path + "/manifest.json", atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out.html").path
        let result = try CommandRunner.run(["report", folder.path, "--out", out])
        #expect(result.exitCode == 1)
        #expect(result.standardError.hasPrefix("shockflow: error: \(folder.path)/summary.csv: file not found"))
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["manifest.json"])
    }
}
