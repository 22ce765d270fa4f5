import Plot

/// A compact chart of one output's spread over a sweep's runs, on the output's own axis: the 5–95 %
/// band, the median as a dark tick labelled with its value, and a thin line from the smallest run to the largest.
struct RangeBandChart {
    var id: String
    var range: HeadlineRange
    /// The axis's unit (`trillion yuan`, `%`) and how its numbers are shown.
    var unit: ChartUnit
    /// A value in full, for the hover texts (`9.32 trillion yuan (9.32 万亿元); …`).
    var hover: (Double) -> String

    static let width = 270.0, height = 80.0, margin = 14.0
    static let bandTop = 20.0, bandHeight = 14.0, axisY = 42.0

    var svg: Node<HTML.BodyContext> {
        let scale = LinearScale(
            covering: [range.smallest, range.largest], pixels: (Self.margin, Self.width - Self.margin), intervals: 4)
        let low = scale.pixel(range.low), high = scale.pixel(range.high), median = scale.pixel(range.median)
        let runs = "\(range.runs) runs"
        let label = unit.label(range.median, signed: range.isChange)
        // The median's value above its tick, kept inside the chart.
        let half = TickLabels.estimatedWidth(label) / 2
        let labelX = min(max(median, Self.margin + half), Self.width - Self.margin - half)
        let nodes: [SVGNode] = [
            Axes.horizontal(
                scale, labels: unit.tickLabels(scale), y: Self.axisY, top: Self.axisY,
                title: unit.name.isEmpty ? "as in outputs.csv" : "in \(unit.name)"),
            SVG.group("range", [
                SVG.rect(
                    x: scale.pixel(range.smallest), y: Self.bandTop + Self.bandHeight / 2 - 1,
                    width: max(scale.pixel(range.largest) - scale.pixel(range.smallest), 1), height: 2,
                    fill: ColourScale.baselineGrey, className: "range-extent",
                    tooltip: "all \(runs)\nsmallest: \(hover(range.smallest))\nlargest: \(hover(range.largest))"),
                SVG.rect(
                    x: low, y: Self.bandTop, width: max(high - low, 2), height: Self.bandHeight, fill: "#a7c4e0",
                    className: "range-band",
                    tooltip: "5–95 % band, the middle 90 % of \(runs)\n5 %: \(hover(range.low))\n95 %: \(hover(range.high))"),
                SVG.rect(
                    x: median - 1, y: Self.bandTop - 3, width: 2, height: Self.bandHeight + 6, fill: "#1a1a1a",
                    className: "range-median", tooltip: "median of \(runs): \(hover(range.median))"),
                SVG.text(label, x: labelX, y: Self.bandTop - 6, anchor: .middle, className: "range-median-label"),
            ]),
        ]
        let description = "\(range.output) over \(runs). Median: \(hover(range.median)). 5 % quantile: \(hover(range.low)). "
            + "95 % quantile: \(hover(range.high)). Smallest run: \(hover(range.smallest)). Largest run: \(hover(range.largest))."
        return SVG.figure(
            id: id, width: Self.width, height: Self.height, title: "The spread of \(range.output) over the sweep's runs",
            description: description, nodes: nodes)
    }
}
