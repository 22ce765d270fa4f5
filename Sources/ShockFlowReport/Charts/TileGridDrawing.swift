/// The tiles of China's provinces at their places on `ChinaTileGrid`, each a box in its colour with the
/// province's code, short name and a value: the drawing the report's maps share.
enum TileGridDrawing {
    /// What one tile shows: its colour, the value written on it and its hover text.
    struct Mark {
        var colour: Colour
        var value: String
        var tooltip: String
    }

    static let tileSize = 74.0, gap = 4.0, left = 10.0, top = 10.0
    static let step = tileSize + gap
    static let width = left * 2 + Double(ChinaTileGrid.columns) * step
    static let height = top + Double(ChinaTileGrid.rows) * step

    static func tiles(_ mark: (ChinaTileGrid.Tile) -> Mark) -> SVGNode {
        var tiles: [SVGNode] = []
        for tile in ChinaTileGrid.tiles {
            let x = left + Double(tile.column) * step, y = top + Double(tile.row) * step
            let shown = mark(tile)
            let text = shown.colour.textColour
            tiles.append(SVG.group("tile", [
                SVG.rect(x: x, y: y, width: tileSize, height: tileSize, fill: shown.colour.css, className: "tile-box", tooltip: shown.tooltip),
                SVG.text(tile.code.replacingOccurrences(of: "CN-", with: ""), x: x + tileSize / 2, y: y + 24, anchor: .middle, className: "tile-code", fill: text),
                SVG.text(tile.shortName, x: x + tileSize / 2, y: y + 41, anchor: .middle, className: "tile-name", fill: text),
                SVG.text(shown.value, x: x + tileSize / 2, y: y + 59, anchor: .middle, className: "tile-value", fill: text),
            ]))
        }
        return SVG.group("tiles", tiles)
    }
}
