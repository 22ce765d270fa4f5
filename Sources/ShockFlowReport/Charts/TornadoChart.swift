/// A tornado chart of one output's sensitivity indices: a bar per parameter, largest at the top,
/// with the confidence interval as a whisker; a second, thinner bar for a paired index (S1 beside ST).
struct TornadoChart {
    struct Interval {
        var estimate: Double
        var low: Double?
        var high: Double?
    }

    struct Row {
        var parameter: String
        var main: Interval
        var secondary: Interval?
    }

    var id: String
    var output: String
    var method: String
    var mainIndex: String
    var secondaryIndex: String?
    var rows: [Row]

    static let labelWidth = 150.0, plotWidth = 380.0, rowHeight = 30.0, top = 30.0

    var figure: ChartFigure {
        let left = Self.labelWidth + 10
        let values = rows.flatMap { row in
            [row.main.estimate, row.main.low, row.main.high, row.secondary?.estimate, row.secondary?.low, row.secondary?.high]
                .compactMap { $0 }
        }
        let scale = LinearScale(covering: values, including: [0], pixels: (left, left + Self.plotWidth))
        var nodes: [SVGNode] = [
            SVG.rect(x: left, y: 8, width: 12, height: 10, fill: ColourScale.scenarioBlue, className: "legend-swatch"),
            SVG.text(mainIndex, x: left + 16, y: 17, className: "legend-text"),
        ]
        if let secondaryIndex {
            nodes.append(SVG.rect(x: left + 70, y: 10, width: 12, height: 6, fill: ColourScale.accentRed, className: "legend-swatch"))
            nodes.append(SVG.text(secondaryIndex, x: left + 86, y: 17, className: "legend-text"))
        }
        let hasIntervals = rows.contains { $0.main.low != nil && $0.main.high != nil }
        if hasIntervals {
            nodes.append(SVG.text("whisker: confidence interval", x: left + 150, y: 17, className: "legend-text"))
        }
        for (index, row) in rows.enumerated() {
            let y = Self.top + Double(index) * Self.rowHeight
            nodes.append(SVG.text(row.parameter, x: Self.labelWidth, y: y + 18, anchor: .end, className: "bar-label"))
            nodes.append(bar(row.main, scale: scale, y: y + 4, height: 14, colour: ColourScale.scenarioBlue, name: mainIndex, row: row))
            if let secondary = row.secondary, let secondaryIndex {
                nodes.append(bar(secondary, scale: scale, y: y + 19, height: 7, colour: ColourScale.accentRed, name: secondaryIndex, row: row))
            }
        }
        let bottom = Self.top + Double(rows.count) * Self.rowHeight
        let axis = Axes.horizontal(
            scale, labels: ChartUnit.plain("").tickLabels(scale), y: bottom + 2, top: Self.top,
            title: "\(method) index \(mainIndex) (dimensionless)")
        let pair = secondaryIndex.map { " The thin red bar is \($0) (the share of variance the parameter explains alone)." } ?? ""
        return ChartFigure(
            id: id, title: "Sensitivity of \(output) (\(method))",
            caption: "Parameters ranked by \(mainIndex), the most influential at the top; a longer bar means the output "
                + "depends more on that parameter (a negative bar: the output falls as the parameter rises).\(pair)"
                + (hasIntervals ? " A whisker crossing 0 means the index is not distinguishable from 0 with this many runs." : ""),
            width: left + Self.plotWidth + 30, height: bottom + 44, nodes: [axis, SVG.group("tornado", nodes)])
    }

    private func bar(_ interval: Interval, scale: LinearScale, y: Double, height: Double, colour: String, name: String, row: Row) -> SVGNode {
        let start = scale.pixel(min(0, interval.estimate)), end = scale.pixel(max(0, interval.estimate))
        var ciText = ""
        var nodes: [SVGNode] = []
        if let low = interval.low, let high = interval.high {
            ciText = ", confidence interval \(CompactNumber.format(low)) to \(CompactNumber.format(high))"
            nodes.append(SVG.line(x1: scale.pixel(low), y1: y + height / 2, x2: scale.pixel(high), y2: y + height / 2, className: "ci"))
            for end in [low, high] {
                nodes.append(SVG.line(x1: scale.pixel(end), y1: y, x2: scale.pixel(end), y2: y + height, className: "ci"))
            }
        }
        let tooltip = "\(row.parameter): \(name) = \(CompactNumber.format(interval.estimate))\(ciText)"
        return SVG.group("tornado-row", [
            SVG.rect(x: start, y: y, width: max(end - start, 1), height: height, fill: colour, className: "tornado-bar", tooltip: tooltip)
        ] + nodes)
    }
}
