/// The plan's tile map of China's provinces: each tile coloured by how much the province's own plan
/// rows raise its base investment weight (a sequential scale: pale for none, dark for the most), with
/// the sectors it favours in the hover text.
struct PlanTileMapChart {
    struct Value {
        /// Σ W(0) / Σ W(0)·exp(−π_own) − 1 over the province's cells (`PlanTilts.raise`).
        var raise: Double
        /// `own π 0.5: Transport equipment, …; own π 0.25: …`: the sectors its own rows tilt.
        var favoured: String
    }

    var values: [String: Value]

    var figure: ChartFigure {
        let limit = max(values.values.map(\.raise).max() ?? 0, 0)
        let tiles = TileGridDrawing.tiles { tile in
            guard let value = values[tile.code] else {
                return TileGridDrawing.Mark(colour: Colour(hex: 0xDDDDDD), value: "no data", tooltip: "\(tile.name) (\(tile.code)): no data")
            }
            let raise = CompactNumber.percent(value.raise, signed: true)
            let favoured = value.favoured.isEmpty ? "no sector of its own tilted" : "favours " + value.favoured
            return TileGridDrawing.Mark(
                colour: ColourScale.sequential(value.raise, limit: limit), value: raise,
                tooltip: "\(tile.name) (\(tile.code)): its own plan rows raise its base investment weight by \(raise); \(favoured)")
        }
        let (width, mapHeight) = (TileGridDrawing.width, TileGridDrawing.height)
        let legend = SequentialLegend(limit: limit, unit: .share).nodes(x: 40, y: mapHeight + 14, width: width - 80)
        return ChartFigure(
            id: "plan-map", title: "The plan: how much each province's own priorities raise its base investment weight",
            caption: "Each tile is a province, placed roughly where it lies (north at the top). The colour and the number are "
                + "how much the province's own rows of the plan table (and any hand-written priorities) raise its share of the "
                + "base investment weights W(0) ∝ K ∘ exp(π), before the shares are normalised (MODEL section 4); the national "
                + "layer, the same everywhere, is left out. Pale: no tilt of its own; darker: more. Hover a tile for the sectors "
                + "its own rows favour, by their tilt π (the national layer adds its own everywhere) — plan.csv lists every cell and the table rows behind it.",
            width: width, height: mapHeight + 14 + SequentialLegend.height, nodes: [tiles, legend])
    }
}

/// The legend of a sequential colour scale: a bar of colour steps from 0 to limit with labels.
struct SequentialLegend {
    static let height = 48.0
    var limit: Double
    var unit: ChartUnit

    func nodes(x: Double, y: Double, width: Double) -> SVGNode {
        let steps = 9
        let stepWidth = width / Double(steps)
        var nodes: [SVGNode] = []
        for step in 0..<steps {
            nodes.append(SVG.rect(
                x: x + Double(step) * stepWidth, y: y, width: stepWidth + 0.5, height: 14,
                fill: ColourScale.sequential(limit * (Double(step) + 0.5) / Double(steps), limit: limit).css, className: "legend-step"))
        }
        for fraction in [0.0, 0.5, 1] {
            let tickX = x + fraction * width
            nodes.append(SVG.line(x1: tickX, y1: y + 14, x2: tickX, y2: y + 19, className: "axis"))
            nodes.append(SVG.text(unit.label(fraction * limit, signed: fraction > 0), x: tickX, y: y + 31, anchor: .middle, className: "tick"))
        }
        nodes.append(SVG.text("raise of the base weight", x: x + width / 2, y: y + 44, anchor: .middle, className: "axis-title"))
        return SVG.group("legend", nodes)
    }
}
