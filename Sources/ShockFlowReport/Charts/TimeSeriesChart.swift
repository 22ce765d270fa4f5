/// Lines over the periods: one polyline per series (the baseline dashed grey, the scenario blue). The
/// time axis runs exactly from the first period to the last.
struct TimeSeriesChart {
    struct Series {
        var name: String
        var values: [Double]
        var colour: String
        var dashed: Bool
    }

    var id: String
    var title: String
    /// How the values are shown; the y axis's title is the unit's name.
    var unit: ChartUnit
    var period: PeriodUnit
    var series: [Series]

    static let width = 330.0, height = 210.0
    static let left = 64.0, right = 12.0, top = 26.0, bottom = 46.0

    var figure: ChartFigure {
        let periods = series.map(\.values.count).max() ?? 1
        let xScale = LinearScale(periods: periods, pixels: (Self.left, Self.width - Self.right))
        let yScale = LinearScale(covering: series.flatMap(\.values), pixels: (Self.height - Self.bottom, Self.top))
        var nodes: [SVGNode] = [
            Axes.horizontal(
                xScale, labels: xScale.ticks.map { String(Int($0)) }, y: Self.height - Self.bottom, top: Self.top,
                title: period.axisTitle(periods: periods)),
            Axes.vertical(yScale, labels: unit.tickLabels(yScale), x: Self.left, right: Self.width - Self.right, title: unit.name),
        ]
        var lines: [SVGNode] = []
        var legendX = Self.left
        for line in series {
            let points = line.values.enumerated().map { (x: xScale.pixel(Double($0.offset)), y: yScale.pixel($0.element)) }
            let summary = line.values.map { unit.label($0) }.joined(separator: ", ")
            lines.append(SVG.polyline(
                points, className: line.dashed ? "series-line dashed" : "series-line", stroke: line.colour,
                tooltip: "\(line.name) by \(period.word), \(unit.name): \(summary)"))
            nodes.append(SVG.polyline(
                [(legendX, 12), (legendX + 18, 12)], className: line.dashed ? "legend-line dashed" : "legend-line",
                stroke: line.colour, tooltip: line.name))
            nodes.append(SVG.text(line.name, x: legendX + 22, y: 16, className: "legend-text"))
            legendX += 30 + Double(line.name.count) * 6.2
        }
        nodes.append(SVG.group("series", lines))
        return ChartFigure(
            id: id, title: title,
            caption: "Solid blue: the scenario; dashed grey: the baseline without shocks. The gap between them is the shock's effect in each \(period.word).",
            width: Self.width, height: Self.height, nodes: nodes)
    }
}
