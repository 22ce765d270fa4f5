import ShockFlowFormats

/// The plan behind the investment weights (issue 17): how much each province's own priorities raise its
/// base weight (a tile map for China's provinces, else ranked bars) and the sectors the whole plan
/// favours, shown beside the flows of where the weights went.
extension RunSections {
    func planCharts(_ plan: PlanTilts, weights: WeightShares) -> [ChartFigure] {
        let names = results.names
        let provinces = plan.raise(by: \.region, part: \.own, baseWeights: weights.baseWeights)
        let sectors = plan.raise(by: \.sector, part: \.tilt, baseWeights: weights.baseWeights)
        /// `own π 0.5: Transport equipment, …; own π 0.25: …`.
        func favoured(_ region: String) -> String {
            plan.favoured(region: region).map { group in
                "own π \(NumberFormatting.shortest(group.own)): " + group.sectors.map { names.sector($0, limit: 28) }.joined(separator: ", ")
            }.joined(separator: "; ")
        }
        let regionChart: ChartFigure
        if ChinaTileGrid.covers(weights.regions) {
            let values = provinces.reduce(into: [String: PlanTileMapChart.Value]()) { values, entry in
                values[entry.key] = PlanTileMapChart.Value(raise: entry.value, favoured: favoured(entry.key))
            }
            regionChart = PlanTileMapChart(values: values).figure
        } else {
            regionChart = RankedBarChart(
                id: "plan-regions", title: "The plan: how much each region's own priorities raise its base investment weight",
                caption: "How much the region's own plan rows (and hand-written priorities) raise its share of the base weights "
                    + "W(0) ∝ K ∘ exp(π) before normalisation (MODEL section 4); the national layer is left out. Hover a bar for the "
                    + "sectors it favours.",
                axisTitle: "raise of the base weight", unit: .share,
                items: weights.regions.map { region in
                    let raise = provinces[region] ?? 0
                    return RankedBarChart.Item(
                        label: names.region(region), labelTooltip: names.regionHover(region), value: raise,
                        tooltip: "\(names.regionHover(region)): \(CompactNumber.percent(raise, signed: true)); favours \(favoured(region))")
                }
            ).figure
        }
        let ranked = weights.sectors.enumerated().filter { (sectors[$0.element] ?? 0) != 0 }
            .sorted { (sectors[$0.element] ?? 0) != (sectors[$1.element] ?? 0) ? (sectors[$0.element] ?? 0) > (sectors[$1.element] ?? 0) : $0.offset < $1.offset }
            .prefix(12).map(\.element)
        let sectorChart = RankedBarChart(
            id: "plan-sectors", title: "The sectors the plan favours",
            caption: "How much the whole plan (every province's rows, the national layer and hand-written priorities) raises "
                + "each sector's share of the base investment weights W(0) ∝ K ∘ exp(π) before normalisation, the largest first: "
                + "where investment is steered before any shock. The flows below show where the weights went from there.",
            axisTitle: "raise of the base weight", unit: .share,
            items: ranked.map { sector in
                let raise = sectors[sector] ?? 0
                return RankedBarChart.Item(
                    label: names.sector(sector, limit: RankedBarChart.labelLimit), labelTooltip: names.sectorHover(sector), value: raise,
                    tooltip: "\(names.sectorHover(sector)): the plan raises its base weight by \(CompactNumber.percent(raise, signed: true))")
            }
        ).figure
        return [regionChart, sectorChart]
    }
}
