/// A scatter plot of one parameter's sampled values against one output: a point per run.
struct ScatterChart {
    var id: String
    var title: String
    var xTitle: String
    var yTitle: String
    var points: [(x: Double, y: Double)]
    var caption: String
    /// How each axis shows its numbers (the titles name the units).
    var xUnit = ChartUnit.plain("")
    var yUnit = ChartUnit.plain("")

    static let width = 380.0, height = 280.0, left = 70.0, right = 14.0, top = 14.0, bottom = 48.0

    var figure: ChartFigure {
        let xScale = LinearScale(covering: points.map(\.x), pixels: (Self.left, Self.width - Self.right))
        let yScale = LinearScale(covering: points.map(\.y), pixels: (Self.height - Self.bottom, Self.top))
        let circles = points.map { SVG.circle(x: xScale.pixel($0.x), y: yScale.pixel($0.y), radius: 2.6, className: "point") }
        return ChartFigure(
            id: id, title: title, caption: caption, width: Self.width, height: Self.height,
            nodes: [
                Axes.horizontal(xScale, labels: xUnit.tickLabels(xScale), y: Self.height - Self.bottom, top: Self.top, title: xTitle),
                Axes.vertical(yScale, labels: yUnit.tickLabels(yScale), x: Self.left, right: Self.width - Self.right, title: yTitle),
                SVG.group("points", circles),
            ])
    }
}
