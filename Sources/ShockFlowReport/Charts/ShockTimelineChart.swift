/// The scenario's shocks as a timeline: one row per shock, one cell per period shaded by the shock's
/// strength in that period (|profile value × magnitude × share|) on a sequential scale. The axis has a
/// tick in the middle of a period's cell, from period 0 to the run's last.
struct ShockTimelineChart {
    struct Shock {
        var id: String
        var summary: String
        /// Strength per period (0 … 1).
        var strengths: [Double]
    }

    var shocks: [Shock]
    /// The run's periods (the cells of a row) and their length.
    var periods: Int
    var period: PeriodUnit

    static let labelWidth = 170.0, rowHeight = 30.0, top = 10.0, plotWidth = 460.0

    var figure: ChartFigure {
        let periods = max(self.periods, 1)
        let cellWidth = Self.plotWidth / Double(periods)
        let left = Self.labelWidth + 10
        let limit = shocks.flatMap(\.strengths).max() ?? 0
        var nodes: [SVGNode] = []
        for (row, shock) in shocks.enumerated() {
            let y = Self.top + Double(row) * Self.rowHeight
            let label = ChartLabel.shortened(shock.id, limit: 26)
            nodes.append(SVG.text(
                label, x: Self.labelWidth, y: y + 18, anchor: .end, className: "bar-label", tooltip: "\(shock.id): \(shock.summary)"))
            for (index, strength) in shock.strengths.prefix(periods).enumerated() {
                nodes.append(SVG.rect(
                    x: left + Double(index) * cellWidth, y: y + 3, width: cellWidth - 1, height: Self.rowHeight - 6,
                    fill: ColourScale.sequential(strength, limit: limit).css, className: "timeline-cell",
                    tooltip: "\(shock.id), \(period.name(index)): strength \(CompactNumber.percent(strength)) (\(shock.summary))"))
            }
        }
        let bottom = Self.top + Double(shocks.count) * Self.rowHeight
        let scale = LinearScale(periods: periods, pixels: (left, left + Self.plotWidth), cells: true, spacing: 20)
        let axis = Axes.horizontal(
            scale, labels: scale.ticks.map { String(Int($0)) }, y: bottom + 2, top: bottom + 2,
            title: period.axisTitle(periods: periods))
        return ChartFigure(
            id: "shocks", title: "Shocks over time",
            caption: "One row per shock, one cell per \(period.word) (the tick is in the middle of its cell). Darker cells: a "
                + "stronger shock in that \(period.word), as the share of the targeted flow removed (share × magnitude × profile, "
                + "darkest = \(CompactNumber.percent(limit))); the palest cells: no shock.",
            width: left + Self.plotWidth + 20, height: bottom + 44, nodes: [SVG.group("timeline", nodes), axis])
    }
}
