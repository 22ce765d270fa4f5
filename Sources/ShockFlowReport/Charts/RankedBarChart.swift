/// Horizontal bars ranked by size, coloured on the diverging scale by sign (losses red, gains blue; for
/// prices rises red).
struct RankedBarChart {
    struct Item {
        /// The label beside the bar (shortened to fit) and its hover text (the whole name and code).
        var label: String
        var labelTooltip: String?
        var value: Double
        var tooltip: String
    }

    var id: String
    var title: String
    var caption: String
    /// The quantity on the axis (`cumulative difference of value_added`); the unit's name follows it.
    var axisTitle: String
    var unit: ChartUnit
    var items: [Item]
    var sense = DivergingSense.lossIsRed

    static let labelWidth = 250.0, plotWidth = 420.0, rowHeight = 20.0, top = 10.0
    /// The characters of a label that fit `labelWidth`.
    static let labelLimit = 40

    var figure: ChartFigure {
        // Room left of the plot for the value labels of negative bars.
        let left = Self.labelWidth + (items.contains { $0.value < 0 } ? 64 : 10)
        let scale = LinearScale(covering: items.map(\.value), including: [0], pixels: (left, left + Self.plotWidth))
        let limit = items.map { abs($0.value) }.max() ?? 0
        let bottom = Self.top + Double(items.count) * Self.rowHeight
        var bars: [SVGNode] = []
        let valueLabels = unit.labels(items.map(\.value), signed: true)
        for (index, item) in items.enumerated() {
            let y = Self.top + Double(index) * Self.rowHeight
            let start = scale.pixel(min(0, item.value)), end = scale.pixel(max(0, item.value))
            let colour = sense.colour(item.value, limit: limit)
            let label = ChartLabel.shortened(item.label, limit: Self.labelLimit)
            bars.append(SVG.text(
                label, x: Self.labelWidth, y: y + 14, anchor: .end, className: "bar-label",
                tooltip: item.labelTooltip ?? (label == item.label ? nil : item.label)))
            bars.append(SVG.rect(
                x: start, y: y + 3, width: max(end - start, 1), height: Self.rowHeight - 6, fill: colour.css, className: "bar",
                tooltip: item.tooltip))
            let valueX = item.value < 0 ? start - 4 : end + 4
            bars.append(SVG.text(
                valueLabels[index], x: valueX, y: y + 14, anchor: item.value < 0 ? .end : .start,
                className: "bar-value"))
        }
        let axis = Axes.horizontal(
            scale, labels: unit.tickLabels(scale), y: bottom + 4, top: Self.top, title: "\(axisTitle) (\(unit.name))")
        return ChartFigure(
            id: id, title: title, caption: caption, width: left + Self.plotWidth + 70, height: bottom + 44,
            nodes: [axis, SVG.group("bars", bars)])
    }
}
