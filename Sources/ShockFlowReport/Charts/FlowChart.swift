/// A two-column flow chart: each group's share at the first period (left column) joined by a band to
/// its share at the last period (right column). Bands are coloured on the diverging scale by the change.
struct FlowChart {
    struct Group {
        /// The label beside the columns (short) and the whole name with its code for the hover text.
        var label: String
        var fullName: String
        var first: Double
        var last: Double
        /// The group's share in the baseline's last period, for the tooltip.
        var baselineLast: Double
        var highlighted: Bool
    }

    var id: String
    var title: String
    var caption: String
    var firstTitle: String
    var lastTitle: String
    var groups: [Group]

    static let width = 820.0, columnHeight = 420.0, top = 34.0
    static let leftColumn = 260.0, rightColumn = 470.0, columnWidth = 26.0
    /// The characters of a label that fit beside a column with its percentages.
    static let labelLimit = 32

    var figure: ChartFigure {
        let firstTotal = max(groups.map(\.first).reduce(0, +), 1e-300)
        let lastTotal = max(groups.map(\.last).reduce(0, +), 1e-300)
        let limit = groups.map { abs($0.last - $0.first) }.max() ?? 0
        var firstY = Self.top, lastY = Self.top
        var bands: [SVGNode] = [], columns: [SVGNode] = [], labels: [SVGNode] = []
        for group in groups {
            let firstHeight = group.first / firstTotal * Self.columnHeight
            let lastHeight = group.last / lastTotal * Self.columnHeight
            let change = group.last - group.first
            let colour = ColourScale.diverging(change, limit: limit).css
            let tooltip = "\(group.fullName): \(CompactNumber.percent(group.first)) → \(CompactNumber.percent(group.last)) "
                + "(\(CompactNumber.percent(change, signed: true)) points; baseline's last period \(CompactNumber.percent(group.baselineLast)))"
            let label = ChartLabel.shortened(group.label, limit: Self.labelLimit)
            let x0 = Self.leftColumn + Self.columnWidth, x1 = Self.rightColumn
            let middle = (x0 + x1) / 2
            let path = "M\(SVG.number(x0)),\(SVG.number(firstY)) C\(SVG.number(middle)),\(SVG.number(firstY)) "
                + "\(SVG.number(middle)),\(SVG.number(lastY)) \(SVG.number(x1)),\(SVG.number(lastY)) "
                + "L\(SVG.number(x1)),\(SVG.number(lastY + lastHeight)) C\(SVG.number(middle)),\(SVG.number(lastY + lastHeight)) "
                + "\(SVG.number(middle)),\(SVG.number(firstY + firstHeight)) \(SVG.number(x0)),\(SVG.number(firstY + firstHeight)) Z"
            bands.append(SVG.path(path, fill: colour, className: group.highlighted ? "flow-band highlighted" : "flow-band", tooltip: tooltip))
            columns.append(SVG.rect(
                x: Self.leftColumn, y: firstY, width: Self.columnWidth, height: firstHeight, fill: "#777777", className: "flow-node",
                tooltip: tooltip))
            columns.append(SVG.rect(
                x: Self.rightColumn, y: lastY, width: Self.columnWidth, height: lastHeight, fill: "#777777", className: "flow-node",
                tooltip: tooltip))
            if firstHeight >= 9 {
                labels.append(SVG.text(
                    "\(label) \(CompactNumber.percent(group.first))", x: Self.leftColumn - 6, y: firstY + firstHeight / 2 + 4,
                    anchor: .end, className: group.highlighted ? "flow-label strong" : "flow-label", tooltip: tooltip))
            }
            if lastHeight >= 9 {
                labels.append(SVG.text(
                    "\(CompactNumber.percent(group.last)) \(label) (\(CompactNumber.percent(change, signed: true)))",
                    x: Self.rightColumn + Self.columnWidth + 6, y: lastY + lastHeight / 2 + 4, anchor: .start,
                    className: group.highlighted ? "flow-label strong" : "flow-label", tooltip: tooltip))
            }
            firstY += firstHeight
            lastY += lastHeight
        }
        let headings: [SVGNode] = [
            SVG.text(firstTitle, x: Self.leftColumn + Self.columnWidth / 2, y: 20, anchor: .middle, className: "axis-title"),
            SVG.text(lastTitle, x: Self.rightColumn + Self.columnWidth / 2, y: 20, anchor: .middle, className: "axis-title"),
        ]
        return ChartFigure(
            id: id, title: title, caption: caption, width: Self.width, height: Self.top + Self.columnHeight + 12,
            nodes: headings + [SVG.group("flow-bands", bands), SVG.group("flow-columns", columns), SVG.group("flow-labels", labels)])
    }
}
