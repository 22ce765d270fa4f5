import Foundation
import ShockFlowEngine
import Testing
@testable import ShockFlowReport

/// The sweep page's "Headline ranges": per output the median and 5–95 % band over all runs (numpy's
/// quantiles), in the currency or in %, a band chart with the median's tick and label, and the top inputs
/// by the design's index, in order.
@Suite struct HeadlineRangeTests {
    static var rangesSweep: String { ReportFixtures.directory.appendingPathComponent("ranges-sweep").path }

    static func results(_ folder: String) throws -> SweepResults {
        guard case .sweep(let folder, let manifest) = try ReportSource(folder: folder) else {
            throw ReportError.notARunOrSweep(path: folder, reason: "the fixture is a sweep")
        }
        return try SweepResults(folder: folder, manifest: manifest)
    }

    /// The markup of the section's row `position` (`<tr … id="range-row-N">` to its `</tr>`).
    static func row(_ position: Int, in html: String) -> String {
        guard let start = html.range(of: "id=\"range-row-\(position)\"") else { return "" }
        return html[start.lowerBound...].range(of: "</tr>").map { String(html[start.lowerBound..<$0.lowerBound]) } ?? ""
    }

    /// The texts of every `<name class="className"…>text<` in `html`, in order.
    static func texts(_ html: String, element name: String, className: String) -> [String] {
        let pattern = "<\(name) [^>]*class=\"\(className)\"[^>]*>(?:<title>[^<]*</title>)?([^<]*)<"
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        return expression.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap {
            Range($0.range(at: 1), in: html).map { String(html[$0]) }
        }
    }

    /// The Ishigami fixture's bands are numpy's `np.quantile` of its outputs.csv columns, to the last bit
    /// (`scripts/fixtures/quantiles_reference.py` wrote `ishigami-quantiles.txt`).
    @Test func ishigamiBandsAreNumpysQuantiles() throws {
        let ranges = try Self.results(ReportFixtures.sweep).headlineRanges()
        let text = try String(contentsOf: ReportFixtures.directory.appendingPathComponent("ishigami-quantiles.txt"), encoding: .utf8)
        var expected: [String: [Double]] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ").map(String.init)
            expected[fields[0]] = fields.dropFirst().compactMap(Double.init)
        }
        #expect(ranges.map(\.output) == ["ishigami", "linear"], "the outputs in the sweep file's order")
        for range in ranges {
            #expect([range.low, range.median, range.high] == expected[range.output], "\(range.output)")
            #expect(range.runs == 320 && range.index == "ST" && range.method == "sobol")
        }
        // By ST: x1, x2, x3 for Ishigami; x2, x1, x3 for x1 + 2 x2 (the analytic order).
        #expect(ranges.map { $0.drivers.map(\.parameter) } == [["x1", "x2", "x3"], ["x2", "x1", "x3"]])
    }

    /// The synthetic sweep's outputs are linear in a shuffle k of 0…19, so Q(q) = f(19·q): by hand.
    @Test func syntheticRangesAreWorkedOutByHand() throws {
        let ranges = try Self.results(Self.rangesSweep).headlineRanges()
        let expected: [(String, SweepOutputKind, Double, Double, Double)] = [
            ("cumulative_value_added_loss", .money, 1.9e8, 19e8, 36.1e8),
            ("peak_value_added_loss_percent", .percent, 0.475, 4.75, 9.025),
            ("guangdong_loss", .money, 1.95e7, 1.05e8, 1.905e8),
            ("electronics_weight_shift", .share, -0.00905, -0.0005, 0.00805),
            ("peak_value_added_loss_period", .plain, 3, 3, 3),
        ]
        try #require(ranges.count == expected.count)
        for (range, (output, kind, low, median, high)) in zip(ranges, expected) {
            #expect(range.output == output && range.kind == kind && range.runs == 20)
            for (actual, value) in [(range.low, low), (range.median, median), (range.high, high)] {
                #expect(abs(actual - value) <= 1e-12 * max(abs(value), 1e-3), "\(output): \(actual) against \(value)")
            }
        }
        #expect(ranges.map(\.isChange) == [false, false, false, true, false])
        #expect(ranges[0].smallest == 0 && ranges[0].largest == 38e8)
    }

    @Test func sectionComesFirstWithABandAMedianAndDriversPerOutput() throws {
        let html = try ReportBuilder.html(folder: Self.rangesSweep)
        let section = try #require(html.range(of: "<h2>Headline ranges</h2>"))
        let tornadoes = try #require(html.range(of: "<h2>Which assumptions matter</h2>"))
        #expect(section.lowerBound < tornadoes.lowerBound, "the ranges open the page, before the tornado charts")
        #expect(html.count(element: "tr", className: "range-row") == 5)
        #expect(html.count(element: "rect", className: "range-band") == 5)
        #expect(html.count(element: "rect", className: "range-median") == 5)
        #expect(html.count(element: "rect", className: "range-extent") == 5)
        #expect(html.contains("top inputs by ST (interval)"))
        #expect(html.contains("Quantiles as numpy's default np.quantile (linear interpolation)"))

        // Money in the currency, percentages in %, a weight shift with its sign.
        #expect(Self.texts(html, element: "span", className: "range-median-value")
            == ["19 trillion yuan", "4.75 %", "1.05 trillion yuan", "−0.05 %", "3"])
        let bands = Self.texts(html, element: "span", className: "range-band-value")
        #expect(bands.count == 5)
        #expect(bands.first == "1.9 to 36.1 trillion yuan" && bands[3] == "−0.905 to +0.805 %", "\(bands)")
        // The median's label on each chart, in the axis's unit.
        #expect(Self.texts(html, element: "text", className: "range-median-label") == ["19", "4.75 %", "1.05", "−0.05 %", "3"])
        #expect(html.contains(">in trillion yuan</text>"))
        #expect(html.contains("median of 20 runs: 19 trillion yuan (19 万亿元)"), "the median's hover text in full")

        // The drivers in the order of their ST, with the interval.
        let drivers = (0..<4).map { Self.texts(Self.row($0, in: html), element: "span", className: "driver") }
        #expect(drivers == [["x2", "x1", "x3"], ["x1", "x3", "x2"], ["x3", "x2", "x1"], ["x1", "x2", "x3"]])
        #expect(Self.row(0, in: html).contains("<span class=\"driver\">x2</span> 0.7</span><span class=\"ci-text\"> (0.6 to 0.8)</span>"))
        #expect(Self.row(4, in: html).contains("every run gives the same value"))
    }

    /// Morris sweeps rank by μ* (with its interval), regression designs by |SRC| (shown with its sign).
    @Test func indexShownFollowsTheDesign() throws {
        let (root, folder) = try ReportFixtures.copy(Self.rangesSweep)
        defer { try? FileManager.default.removeItem(at: root) }
        let outputs = ["cumulative_value_added_loss", "peak_value_added_loss_percent", "guangdong_loss",
                       "electronics_weight_shift", "peak_value_added_loss_period"]
        func write(_ rows: [String]) throws {
            try (["method,output,parameter,index,estimate,ci_low,ci_high"] + rows).joined(separator: "\n")
                .appending("\n").write(toFile: folder + "/sensitivity.csv", atomically: true, encoding: .utf8)
        }
        try write(outputs.flatMap { output in
            [("x1", 3.0), ("x2", 9.0), ("x3", 1.0)].flatMap { parameter, effect in
                ["morris,\(output),\(parameter),mu,\(effect),,", "morris,\(output),\(parameter),mu_star,\(effect),\(effect - 1),\(effect + 1)",
                 "morris,\(output),\(parameter),sigma,1,,"]
            }
        })
        var html = try ReportBuilder.html(folder: folder)
        #expect(html.contains("top inputs by μ* (interval)") && html.contains("Morris's μ* (mu_star in sensitivity.csv)"))
        #expect(Self.texts(Self.row(0, in: html), element: "span", className: "driver") == ["x2", "x1", "x3"])
        #expect(Self.row(0, in: html).contains("<span class=\"driver\">x2</span> 9</span><span class=\"ci-text\"> (8 to 10)</span>"))

        try write(outputs.flatMap { output in
            [("x1", 0.3), ("x2", -0.9), ("x3", 0.1)].flatMap { parameter, src in
                ["regression,\(output),\(parameter),src,\(src),,", "regression,\(output),\(parameter),spearman,\(src),,"]
            }
        })
        html = try ReportBuilder.html(folder: folder)
        #expect(html.contains("top inputs by |SRC| (sign)") && html.contains("standardised regression coefficient |SRC|"))
        #expect(Self.texts(Self.row(1, in: html), element: "span", className: "driver") == ["x2", "x1", "x3"])
        #expect(Self.row(1, in: html).contains("x2</span> −0.9</span></li>") && Self.row(1, in: html).contains("x1</span> +0.3</span></li>"))
    }
}
