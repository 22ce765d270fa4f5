/// Horizontal bars ranked by size, coloured on the diverging scale by sign (losses red, gains blue).
struct RankedBarChart {
    struct Item {
        var label: String
        var value: Double
        var tooltip: String
    }

    var id: String
    var title: String
    var caption: String
    var axisTitle: String
    var items: [Item]
    var formatValue: (Double) -> String

    static let labelWidth = 230.0, plotWidth = 420.0, rowHeight = 20.0, top = 10.0

    var figure: ChartFigure {
        // Room left of the plot for the value labels of negative bars.
        let left = Self.labelWidth + (items.contains { $0.value < 0 } ? 64 : 10)
        let scale = LinearScale(covering: items.map(\.value), including: [0], pixels: (left, left + Self.plotWidth))
        let limit = items.map { abs($0.value) }.max() ?? 0
        let bottom = Self.top + Double(items.count) * Self.rowHeight
        var bars: [SVGNode] = []
        for (index, item) in items.enumerated() {
            let y = Self.top + Double(index) * Self.rowHeight
            let start = scale.pixel(min(0, item.value)), end = scale.pixel(max(0, item.value))
            let colour = ColourScale.diverging(item.value, limit: limit)
            bars.append(SVG.text(Self.shortened(item.label), x: Self.labelWidth, y: y + 14, anchor: .end, className: "bar-label"))
            bars.append(SVG.rect(
                x: start, y: y + 3, width: max(end - start, 1), height: Self.rowHeight - 6, fill: colour.css, className: "bar",
                tooltip: item.tooltip))
            let valueX = item.value < 0 ? start - 4 : end + 4
            bars.append(SVG.text(
                formatValue(item.value), x: valueX, y: y + 14, anchor: item.value < 0 ? .end : .start, className: "bar-value"))
        }
        let axis = Axes.horizontal(scale, y: bottom + 4, top: Self.top, title: axisTitle, format: formatValue)
        return ChartFigure(
            id: id, title: title, caption: caption, width: left + Self.plotWidth + 70, height: bottom + 44,
            nodes: [axis, SVG.group("bars", bars)])
    }

    /// Labels longer than a bar row's room end in "…" (the tooltip has the whole text).
    static func shortened(_ label: String, limit: Int = 38) -> String {
        label.count <= limit ? label : String(label.prefix(limit - 1)) + "…"
    }
}
