import Foundation
import Plot
import Testing
@testable import ShockFlowReport

/// Each chart draws one element per datum (tiles, bars, lines, bands, points) and labels with real text.
@Suite struct ChartElementTests {
    func render(_ figure: ChartFigure) -> String { figure.node.render() }

    @Test func tileMapDrawsOneTilePerProvinceColouredBySign() {
        var values: [String: TileMapChart.Value] = [:]
        for (index, tile) in ChinaTileGrid.tiles.enumerated() {
            values[tile.code] = .init(difference: Double(index) - 15, baseline: 100)
        }
        let chart = TileMapChart(
            title: "t", metricDescription: "cumulative difference", unit: .plain("yuan"), values: values
        ) { CompactNumber.format($0) }
        let html = render(chart.figure)
        #expect(html.count(element: "rect", className: "tile-box") == 31)
        #expect(html.count(element: "g", className: "tile") == 31)
        #expect(html.count(element: "text", className: "tile-code") == 31)
        // Index 0 (difference −15, the largest loss) takes the loss end of the scale, index 30 the gain end.
        #expect(html.contains("fill=\"\(ColourScale.diverging(-15, limit: 15).css)\""))
        #expect(html.contains("fill=\"\(ColourScale.diverging(15, limit: 15).css)\""))
        #expect(html.contains("<figcaption>") && html.contains("<h3>t</h3>"))
        #expect(html.contains(">yuan</text>"), "the legend names the unit")
    }

    /// The plan's map: one tile per province on the sequential scale (0 palest, the largest raise darkest).
    @Test func planTileMapDrawsOneTilePerProvinceOnTheSequentialScale() {
        var values: [String: PlanTileMapChart.Value] = [:]
        for (index, tile) in ChinaTileGrid.tiles.enumerated() {
            values[tile.code] = .init(raise: Double(index) / 100, favoured: index == 0 ? "" : "own π 0.5: Chips")
        }
        let html = render(PlanTileMapChart(values: values).figure)
        #expect(html.count(element: "rect", className: "tile-box") == 31)
        #expect(html.contains("fill=\"\(ColourScale.sequential(0, limit: 0.3).css)\""))
        #expect(html.contains("fill=\"\(ColourScale.sequential(0.3, limit: 0.3).css)\""))
        #expect(html.contains("+30.0 %</text>") && html.contains("no sector of its own tilted"))
        #expect(html.contains("favours own π 0.5: Chips"))
    }

    @Test func rankedBarsOnePerItem() {
        let items = (0..<7).map { RankedBarChart.Item(label: "item \($0)", value: Double($0) - 3, tooltip: "tip \($0)") }
        let html = render(RankedBarChart(id: "r", title: "t", caption: "c", axisTitle: "loss", unit: .plain("yuan"), items: items).figure)
        #expect(html.count(element: "rect", className: "bar") == 7)
        #expect(html.count(element: "text", className: "bar-label") == 7)
        #expect(html.contains(">loss (yuan)</text>"))
    }

    @Test func timeSeriesOnePolylinePerSeries() {
        let series = [
            TimeSeriesChart.Series(name: "baseline", values: [1, 2, 3], colour: "#555555", dashed: true),
            TimeSeriesChart.Series(name: "scenario", values: [1, 1.5, 2.5], colour: "#4477aa", dashed: false),
        ]
        let html = render(TimeSeriesChart(
            id: "s", title: "t", unit: .plain("yuan"), period: PeriodUnit(word: "period"), series: series).figure)
        #expect(html.count(element: "polyline", className: "series-line") == 2)
        // Each line has a point per period.
        let points = html.components(separatedBy: "class=\"series-line").count - 1
        #expect(points == 2)
        #expect(html.contains(">period (0–2)</text>") && html.contains(">yuan</text>"))
    }

    @Test func flowChartOneBandAndTwoNodesPerGroup() {
        let groups = (0..<5).map {
            FlowChart.Group(label: "g\($0)", fullName: "group \($0)", first: 0.2, last: 0.1 + 0.05 * Double($0), baselineLast: 0.2, highlighted: $0 == 0)
        }
        let html = render(FlowChart(id: "f", title: "t", caption: "c", firstTitle: "period 0", lastTitle: "period 9", groups: groups).figure)
        #expect(html.count(element: "path", className: "flow-band") == 5)
        #expect(html.count(element: "path", className: "highlighted") == 1)
        #expect(html.count(element: "rect", className: "flow-node") == 10)
    }

    @Test func escapesMarkupInDataText() {
        let items = [RankedBarChart.Item(label: "A<B \"C\" & D", value: 1, tooltip: "x<y")]
        let html = render(RankedBarChart(id: "r", title: "t", caption: "c", axisTitle: "a", unit: .plain(""), items: items).figure)
        #expect(!html.contains("A<B") && html.contains("A&lt;B"))
        #expect(SVG.escapedAttribute("a\"b<c&") == "a&quot;b&lt;c&amp;")
    }
}
