import Plot

/// A chart on the page: a `<figure>` with a heading, the inline SVG and a caption saying how to read it.
struct ChartFigure {
    var id: String
    var title: String
    var caption: String
    var width: Double
    var height: Double
    var nodes: [SVGNode]

    var node: Node<HTML.BodyContext> {
        .element(named: "figure", nodes: [
            .class("chart"), .id(id),
            .h3(.text(title)),
            SVG.figure(id: id + "-svg", width: width, height: height, title: title, description: caption, nodes: nodes),
            .element(named: "figcaption", nodes: [.text(caption)]),
        ])
    }
}

/// Axes of a plot area: tick lines, tick labels and an axis title naming the quantity and its unit.
enum Axes {
    /// A horizontal axis along `y` (the bottom of the plot area), grid lines up to `top`; `labels`
    /// has one text per tick of the scale.
    static func horizontal(_ scale: LinearScale, labels: [String], y: Double, top: Double, title: String) -> SVGNode {
        var nodes: [SVGNode] = [SVG.line(x1: scale.pixelStart, y1: y, x2: scale.pixelEnd, y2: y, className: "axis")]
        for (tick, label) in zip(scale.ticks, labels) {
            let x = scale.pixel(tick)
            nodes.append(SVG.line(x1: x, y1: top, x2: x, y2: y + (top == y ? 4 : 0), className: tick == 0 && top != y ? "zero" : "grid"))
            nodes.append(SVG.text(label, x: x, y: y + 14, anchor: .middle, className: "tick"))
        }
        nodes.append(SVG.text(title, x: (scale.pixelStart + scale.pixelEnd) / 2, y: y + 32, anchor: .middle, className: "axis-title"))
        return SVG.group("x-axis", nodes)
    }

    /// A vertical axis along `x` (the left of the plot area), grid lines across to `right`.
    static func vertical(_ scale: LinearScale, labels: [String], x: Double, right: Double, title: String) -> SVGNode {
        var nodes: [SVGNode] = [SVG.line(x1: x, y1: scale.pixelStart, x2: x, y2: scale.pixelEnd, className: "axis")]
        for (tick, label) in zip(scale.ticks, labels) {
            let y = scale.pixel(tick)
            nodes.append(SVG.line(x1: x, y1: y, x2: right, y2: y, className: tick == 0 ? "zero" : "grid"))
            nodes.append(SVG.text(label, x: x - 6, y: y + 4, anchor: .end, className: "tick"))
        }
        let middle = (scale.pixelStart + scale.pixelEnd) / 2
        nodes.append(SVG.text(title, x: x - 52, y: middle, anchor: .middle, className: "axis-title", rotate: true))
        return SVG.group("y-axis", nodes)
    }
}
