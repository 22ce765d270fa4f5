/// The scenario's shocks as a timeline: one row per shock, one cell per period shaded by the shock's
/// strength in that period (|profile value × magnitude × share|) on a sequential scale.
struct ShockTimelineChart {
    struct Shock {
        var id: String
        var summary: String
        /// Strength per period (0 … 1).
        var strengths: [Double]
    }

    var shocks: [Shock]
    var periodTitle: String

    static let labelWidth = 170.0, rowHeight = 30.0, top = 10.0, plotWidth = 460.0

    var figure: ChartFigure {
        let periods = shocks.map(\.strengths.count).max() ?? 1
        let cellWidth = Self.plotWidth / Double(max(periods, 1))
        let left = Self.labelWidth + 10
        let limit = shocks.flatMap(\.strengths).max() ?? 0
        var nodes: [SVGNode] = []
        for (row, shock) in shocks.enumerated() {
            let y = Self.top + Double(row) * Self.rowHeight
            nodes.append(SVG.text(RankedBarChart.shortened(shock.id, limit: 26), x: Self.labelWidth, y: y + 18, anchor: .end, className: "bar-label"))
            for (period, strength) in shock.strengths.enumerated() {
                nodes.append(SVG.rect(
                    x: left + Double(period) * cellWidth, y: y + 3, width: cellWidth - 1, height: Self.rowHeight - 6,
                    fill: ColourScale.sequential(strength, limit: limit).css, className: "timeline-cell",
                    tooltip: "\(shock.id), period \(period): strength \(CompactNumber.percent(strength)) (\(shock.summary))"))
            }
        }
        let bottom = Self.top + Double(shocks.count) * Self.rowHeight
        let scale = LinearScale(covering: [0, Double(periods)], pixels: (left, left + Self.plotWidth))
        let axis = Axes.horizontal(scale, y: bottom + 2, top: bottom + 2, title: periodTitle, format: { CompactNumber.format($0) })
        return ChartFigure(
            id: "shocks", title: "Shocks over time",
            caption: "One row per shock, one cell per period (the cell starts at its period's tick). Darker cells: a "
                + "stronger shock in that period, as the share of the targeted flow removed (share × magnitude × profile, "
                + "darkest = \(CompactNumber.percent(limit))); the palest cells: no shock.",
            width: left + Self.plotWidth + 20, height: bottom + 44, nodes: [SVG.group("timeline", nodes), axis])
    }
}
