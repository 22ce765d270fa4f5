import Plot
import ShockFlowFormats

/// The page's section on prices (docs/prices.md): a price index by province (the tile map, or ranked bars
/// for other economies) and the sectors whose prices change most, in the period of the index's largest
/// national change. Rises are red, falls blue.
struct PriceSection {
    let results: RunResults
    let prices: PriceResults

    static let sectorCount = 12

    var node: Node<HTML.BodyContext> {
        .section(
            .h2(.text("What prices do")),
            .p(.class("note"), .text(
                "The cost-push price model (docs/prices.md): base-year prices are 1, so a change of 0.01 is 1 % of them. "
                    + "Shown for \(when), the \(results.period.word) of the national \(indexName)'s largest change "
                    + "(summary.csv's peak_\(prices.index)_change_percent). Quantities stay at fixed prices.")),
            .div(.class("charts"), regionChart.node, sectorChart.node))
    }

    private var when: String { results.period.name(prices.period) }

    /// The index for readers: `CPI`, `PPI`, `GFCF deflator` (the file's name for others).
    private var indexName: String {
        ["cpi": "CPI", "ppi": "PPI", "gfcf_deflator": "GFCF deflator"][prices.index] ?? prices.index
    }

    /// `CPI change in quarter 1`.
    private var description: String { "\(indexName) change in \(when)" }

    /// A change in % with the exact figure of the file's index: `+0.505 % (exactly +0.005050281472567697 on base-year prices 1)`.
    private func hover(_ change: Double) -> String {
        let exact = (change > 0 ? "+" : "") + NumberFormatting.shortest(change).replacingOccurrences(of: "-", with: "−")
        return ChartUnit.share.label(change, signed: true) + " (exactly \(exact) on base-year prices 1)"
    }

    /// The index by province on the tile map; by region as ranked bars, the largest rise first, for other economies.
    var regionChart: ChartFigure {
        let names = results.names
        let changes = prices.regions.map { (code: $0.code, change: $0.scenario - $0.baseline, baseline: $0.baseline) }
        if ChinaTileGrid.covers(changes.map(\.code)) {
            return TileMapChart(
                title: "Prices: \(description) by province", metricDescription: description, unit: .share,
                values: Dictionary(uniqueKeysWithValues: changes.map { ($0.code, TileMapChart.Value(difference: $0.change, baseline: $0.baseline)) }),
                hover: hover, id: "price-map", sense: .riseIsRed
            ).figure
        }
        let ranked = changes.enumerated().sorted {
            $0.element.change != $1.element.change ? $0.element.change > $1.element.change : $0.offset < $1.offset
        }.map(\.element)
        return RankedBarChart(
            id: "price-regions", title: "Prices: \(description) by region",
            caption: "Every region, the largest rise at the top. Red bars: the index rose against the baseline; blue bars: it fell.",
            axisTitle: description, unit: .share,
            items: ranked.map {
                RankedBarChart.Item(
                    label: names.region($0.code), labelTooltip: names.regionHover($0.code), value: $0.change,
                    tooltip: "\(names.regionHover($0.code)): \(description) \(hover($0.change))")
            },
            sense: .riseIsRed
        ).figure
    }

    /// The sectors with the largest price change whatever its sign, largest first (ties in the file's order).
    var sectorChart: ChartFigure {
        let names = results.names
        let ranked = prices.sectors.enumerated()
            .sorted { abs($0.element.change) != abs($1.element.change) ? abs($0.element.change) > abs($1.element.change) : $0.offset < $1.offset }
            .prefix(Self.sectorCount).map(\.element)
        return RankedBarChart(
            id: "price-sectors", title: "The \(ranked.count) sectors whose prices change most, \(when)",
            caption: "Each sector's price change in \(when) averaged over the regions with their base-year output as weights "
                + "(as summary.csv's sector_price rows), the largest whatever its sign first. Red bars: prices rose against "
                + "the baseline; blue bars: they fell. Hover a name for the whole name and code.",
            axisTitle: "price change in \(when)", unit: .share,
            items: ranked.map {
                RankedBarChart.Item(
                    label: names.sector($0.code, limit: RankedBarChart.labelLimit), labelTooltip: names.sectorHover($0.code),
                    value: $0.change, tooltip: "\(names.sectorHover($0.code)): price change in \(when) \(hover($0.change))")
            },
            sense: .riseIsRed
        ).figure
    }
}
