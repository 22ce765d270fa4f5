/// The tile-grid map of China's provinces, each tile coloured by a value on a diverging scale
/// (losses red, gains blue; for prices rises red), with a legend in the value's unit.
struct TileMapChart {
    struct Value {
        var difference: Double
        var baseline: Double
    }

    var title: String
    var metricDescription: String
    /// How values are shown on the tiles and the legend (which names the unit).
    var unit: ChartUnit
    var values: [String: Value]
    /// A value in full for the hover text (`−3.83 trillion yuan (−3.83 万亿元; …)`).
    var hover: (Double) -> String
    var id = "map"
    /// What red and blue mean: a loss and a gain, or for prices a rise and a fall.
    var sense = DivergingSense.lossIsRed

    var limit: Double { values.values.map { abs($0.difference) }.max() ?? 0 }

    var figure: ChartFigure {
        let limit = self.limit
        let tiles = TileGridDrawing.tiles { tile in
            let value = values[tile.code]
            var tooltip = "\(tile.name) (\(tile.code)): \(metricDescription) " + (value.map { hover($0.difference) } ?? "no data")
            if let value, value.baseline != 0 {
                tooltip += ", " + CompactNumber.percent(value.difference / value.baseline, signed: true) + " of its baseline"
            }
            return TileGridDrawing.Mark(
                colour: value.map { sense.colour($0.difference, limit: limit) } ?? Colour(hex: 0xDDDDDD),
                value: value.map { unit.markLabel($0.difference, signed: true) } ?? "no data", tooltip: tooltip)
        }
        let (width, mapHeight) = (TileGridDrawing.width, TileGridDrawing.height)
        let legend = DivergingLegend(limit: limit, unit: unit, sense: sense)
            .nodes(x: 40, y: mapHeight + 14, width: width - 80)
        return ChartFigure(
            id: id, title: title,
            caption: "Each tile is a province, placed roughly where it lies (north at the top). The colour is the "
                + "province's \(metricDescription) in \(unit.name): red tiles \(sense.redMeaning), blue tiles \(sense.blueMeaning), "
                + "darker means larger; the number on the tile is the same value"
                + (unit.money == nil ? "" : " (k, M, bn, tn: thousand, million, billion, trillion \(unit.money?.currencyName ?? ""))") + ". Hover a tile for its name and the change in % of its baseline.",
            width: width, height: mapHeight + 14 + DivergingLegend.height,
            nodes: [tiles, legend])
    }
}

/// The legend of a diverging colour scale: a bar of colour steps from −limit to +limit with labels.
struct DivergingLegend {
    static let height = 62.0
    var limit: Double
    var unit: ChartUnit
    var sense = DivergingSense.lossIsRed

    func nodes(x: Double, y: Double, width: Double) -> SVGNode {
        let steps = 17
        let stepWidth = width / Double(steps)
        var nodes: [SVGNode] = []
        for step in 0..<steps {
            let value = -limit + 2 * limit * (Double(step) + 0.5) / Double(steps)
            nodes.append(SVG.rect(
                x: x + Double(step) * stepWidth, y: y, width: stepWidth + 0.5, height: 14,
                fill: sense.colour(value, limit: limit).css, className: "legend-step"))
        }
        for fraction in [-1.0, -0.5, 0, 0.5, 1] {
            let tickX = x + (fraction + 1) / 2 * width
            nodes.append(SVG.line(x1: tickX, y1: y + 14, x2: tickX, y2: y + 19, className: "axis"))
            nodes.append(SVG.text(unit.label(fraction * limit, signed: true), x: tickX, y: y + 31, anchor: .middle, className: "tick"))
        }
        nodes.append(SVG.text("← \(sense.negativeWord)", x: x, y: y + 48, anchor: .start, className: "axis-title"))
        nodes.append(SVG.text("\(sense.positiveWord) →", x: x + width, y: y + 48, anchor: .end, className: "axis-title"))
        nodes.append(SVG.text(unit.name, x: x + width / 2, y: y + 48, anchor: .middle, className: "axis-title"))
        return SVG.group("legend", nodes)
    }
}
