import Foundation
import Plot

/// The context of nodes inside an inline `<svg>`: Plot has no SVG vocabulary, so these builders make
/// its elements with Plot's generic `element(named:)` and escape every attribute value (Plot does not).
public enum SVGContext {}

typealias SVGNode = Node<SVGContext>

enum SVG {
    /// An `<svg>` element for the page body, sized in CSS pixels, with a title and description that
    /// screen readers announce (`role="img"`, `aria-labelledby`).
    static func figure(
        id: String, width: Double, height: Double, title: String, description: String, nodes: [SVGNode]
    ) -> Node<HTML.BodyContext> {
        let titleID = id + "-title", descriptionID = id + "-desc"
        let attributes: [SVGNode] = [
            attribute("xmlns", "http://www.w3.org/2000/svg"), attribute("id", id),
            attribute("viewBox", "0 0 \(number(width)) \(number(height))"),
            attribute("width", number(width)), attribute("height", number(height)),
            attribute("role", "img"), attribute("aria-labelledby", titleID + " " + descriptionID),
        ]
        let heading: [SVGNode] = [
            .element(named: "title", nodes: [attribute("id", titleID), .text(title)]),
            .element(named: "desc", nodes: [attribute("id", descriptionID), .text(description)]),
        ]
        return .element(named: "svg", nodes: attributes + heading + nodes)
    }

    static func group(_ className: String, _ nodes: [SVGNode]) -> SVGNode {
        .element(named: "g", nodes: [attribute("class", className)] + nodes)
    }

    static func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String, className: String? = nil,
        tooltip: String? = nil
    ) -> SVGNode {
        var nodes: [SVGNode] = [
            attribute("x", number(x)), attribute("y", number(y)),
            attribute("width", number(max(0, width))), attribute("height", number(max(0, height))),
            attribute("fill", fill),
        ]
        if let className { nodes.append(attribute("class", className)) }
        if let tooltip { nodes.append(tooltipNode(tooltip)) }
        return .element(named: "rect", nodes: nodes)
    }

    static func line(x1: Double, y1: Double, x2: Double, y2: Double, className: String) -> SVGNode {
        .element(named: "line", nodes: [
            attribute("x1", number(x1)), attribute("y1", number(y1)), attribute("x2", number(x2)),
            attribute("y2", number(y2)), attribute("class", className),
        ])
    }

    static func polyline(_ points: [(x: Double, y: Double)], className: String, stroke: String, tooltip: String) -> SVGNode {
        let list = points.map { number($0.x) + "," + number($0.y) }.joined(separator: " ")
        return .element(named: "polyline", nodes: [
            attribute("points", list), attribute("class", className), attribute("stroke", stroke), tooltipNode(tooltip),
        ])
    }

    static func path(_ data: String, fill: String, className: String, tooltip: String) -> SVGNode {
        .element(named: "path", nodes: [
            attribute("d", data), attribute("fill", fill), attribute("class", className), tooltipNode(tooltip),
        ])
    }

    static func circle(x: Double, y: Double, radius: Double, className: String, tooltip: String? = nil) -> SVGNode {
        var nodes: [SVGNode] = [
            attribute("cx", number(x)), attribute("cy", number(y)), attribute("r", number(radius)),
            attribute("class", className),
        ]
        if let tooltip { nodes.append(tooltipNode(tooltip)) }
        return .element(named: "circle", nodes: nodes)
    }

    enum Anchor: String { case start, middle, end }

    /// Real, selectable text (never outlined to paths).
    static func text(
        _ content: String, x: Double, y: Double, anchor: Anchor = .start, className: String = "label",
        fill: String? = nil, rotate: Bool = false, tooltip: String? = nil
    ) -> SVGNode {
        var nodes: [SVGNode] = [
            attribute("x", number(x)), attribute("y", number(y)), attribute("text-anchor", anchor.rawValue),
            attribute("class", className),
        ]
        if let fill { nodes.append(attribute("fill", fill)) }
        if rotate { nodes.append(attribute("transform", "rotate(-90 \(number(x)) \(number(y)))")) }
        if let tooltip { nodes.append(tooltipNode(tooltip)) }
        return .element(named: "text", nodes: nodes + [.text(content)])
    }

    /// A `<title>` child: the browser shows it as a tooltip and screen readers read it.
    static func tooltipNode(_ text: String) -> SVGNode { .element(named: "title", nodes: [.text(text)]) }

    static func attribute(_ name: String, _ value: String) -> SVGNode {
        .attribute(named: name, value: escapedAttribute(value), ignoreIfValueIsEmpty: false)
    }

    /// Attribute text with the characters that end or open markup replaced by entities.
    static func escapedAttribute(_ value: String) -> String {
        var result = ""
        for character in value {
            switch character {
            case "&": result += "&amp;"
            case "\"": result += "&quot;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Coordinates with at most two decimals, no trailing zeros and no "-0", so output is stable.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 100).rounded() / 100
        if rounded == 0 { return "0" }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
