import ShockFlowEngine

/// The charts of a run report, each built from `RunResults`.
struct RunSections {
    let results: RunResults

    /// "cumulative difference of value_added" (mean for shares).
    var metricDescription: String {
        (results.metricIsShare ? "mean difference" : "cumulative difference") + " of \(results.metric)"
    }

    /// A value of the metric in full, for hover text: money in words (and 万亿 for yuan) with the
    /// exact figure in the money unit, shares in percent.
    func hover(_ value: Double) -> String {
        results.metricIsShare ? CompactNumber.percent(value, signed: true) : results.money.hover(value, signed: true)
    }

    // MARK: Where: the map, or ranked regions

    var regionChart: ChartFigure {
        let totals = results.cumulativeDifferences(in: results.regions)
        let unit = results.metricUnit(largest: totals.map { abs($0.difference) }.max() ?? 0)
        if ChinaTileGrid.covers(totals.map(\.key)) {
            return TileMapChart(
                title: "Where: \(metricDescription) by province", metricDescription: metricDescription, unit: unit,
                values: Dictionary(uniqueKeysWithValues: totals.map { ($0.key, TileMapChart.Value(difference: $0.difference, baseline: $0.baseline)) }),
                hover: hover
            ).figure
        }
        let ranked = totals.sorted { $0.difference < $1.difference }
        let names = results.names
        return RankedBarChart(
            id: "map", title: "Where: \(metricDescription) by region",
            caption: "Every region, the largest loss at the top. Red bars: a loss against the baseline; blue bars: a gain.",
            axisTitle: metricDescription, unit: unit,
            items: ranked.map {
                item(label: names.region($0.key), fullName: names.regionHover($0.key), $0.difference, $0.baseline)
            }
        ).figure
    }

    private func item(label: String, fullName: String, _ difference: Double, _ baseline: Double) -> RankedBarChart.Item {
        var tooltip = "\(fullName): \(metricDescription) \(hover(difference))"
        if baseline != 0 { tooltip += " (\(CompactNumber.percent(difference / baseline, signed: true)) of its baseline)" }
        return RankedBarChart.Item(label: label, labelTooltip: fullName, value: difference, tooltip: tooltip)
    }

    // MARK: What: the most affected sectors and cells

    /// The `count` keys of `table` (sectors, or cells `REGION/SECTOR`) with the largest cumulative
    /// difference whatever its sign, each labelled by name.
    func rankedChart(id: String, table: TidyTable, count: Int, noun: String, cells: Bool) -> ChartFigure {
        let ranked = results.cumulativeDifferences(in: table).enumerated()
            .sorted { abs($0.element.difference) != abs($1.element.difference) ? abs($0.element.difference) > abs($1.element.difference) : $0.offset < $1.offset }
            .prefix(count).map(\.element)
        let names = results.names
        let limit = RankedBarChart.labelLimit
        return RankedBarChart(
            id: id, title: "The \(ranked.count) most affected \(noun)",
            caption: "The \(noun) with the largest \(metricDescription), whatever its sign, largest first. "
                + "Red bars: a loss against the baseline; blue bars: a gain. Hover a name for the whole name and code.",
            axisTitle: metricDescription, unit: results.metricUnit(largest: ranked.map { abs($0.difference) }.max() ?? 0),
            items: ranked.map {
                cells
                    ? item(label: names.cell($0.key, limit: limit), fullName: names.cellHover($0.key), $0.difference, $0.baseline)
                    : item(label: names.sector($0.key, limit: limit), fullName: names.sectorHover($0.key), $0.difference, $0.baseline)
            }
        ).figure
    }

    // MARK: When: national and provincial series

    /// The regions shown beside the national total: the three with the largest loss of the metric.
    var selectedRegions: [String] {
        results.cumulativeDifferences(in: results.regions).enumerated()
            .sorted { $0.element.difference != $1.element.difference ? $0.element.difference < $1.element.difference : $0.offset < $1.offset }
            .prefix(3).map(\.element.key)
    }

    var seriesCharts: [ChartFigure] {
        let metrics = RunResults.seriesMetrics.filter { results.regions.series[$0] != nil }
        let china = ChinaTileGrid.covers(results.regions.keys)
        var charts: [ChartFigure] = []
        for area in [nil] + selectedRegions.map(Optional.some) {
            for metric in metrics {
                let series = area.map { results.regions.series[metric]?[$0] ?? PeriodSeries() } ?? national(metric)
                let place = area.map(results.names.region) ?? (china ? "China (national)" : "All regions")
                let largest = (series.baseline + series.scenario).map(abs).max() ?? 0
                charts.append(TimeSeriesChart(
                    id: "series-\(area ?? "national")-\(metric)", title: "\(place): \(metric)",
                    unit: ResultsMetric.isShare(metric) ? .share : .money(results.money, largest: largest), period: results.period,
                    series: [
                        .init(name: "baseline", values: series.baseline, colour: ColourScale.baselineGrey, dashed: true),
                        .init(name: "scenario", values: series.scenario, colour: ColourScale.scenarioBlue, dashed: false),
                    ]
                ).figure)
            }
        }
        return charts
    }

    /// The national total of a metric per period: the sum over regions (the mean for shares).
    private func national(_ metric: String) -> PeriodSeries {
        var total = PeriodSeries()
        let byRegion = results.regions.series[metric] ?? [:]
        for period in 0..<results.periodCount {
            var baseline = 0.0, scenario = 0.0
            for region in results.regions.keys {
                guard let series = byRegion[region], period < series.baseline.count else { continue }
                baseline += series.baseline[period]
                scenario += series.scenario[period]
            }
            let divisor = ResultsMetric.isShare(metric) ? Double(max(byRegion.count, 1)) : 1
            total.set(period: period, baseline: baseline / divisor, scenario: scenario / divisor)
        }
        return total
    }

    // MARK: Shocks

    var shocks: [ShockTimelineChart.Shock] {
        let parameters = results.manifest.parameters
        let ids = parameters.keys.filter { $0.hasPrefix("shocks.") && $0.hasSuffix(".kind") }
            .map { String($0.dropFirst("shocks.".count).dropLast(".kind".count)) }.sorted()
        return ids.map { id in
            let field = { (name: String) in parameters["shocks.\(id).\(name)"] }
            let scale = (field("share").flatMap(Double.init) ?? 1) * (field("magnitude").flatMap(Double.init) ?? 1)
            let profile = field("profile_values").map { $0.split(separator: " ").compactMap { Double($0) } }
                ?? Array(repeating: 1, count: max(results.periodCount, 1))
            let summary = ["kind", "target", "share", "magnitude", "profile"].compactMap { name in
                field(name).map { "\(name) \($0)" }
            }.joined(separator: ", ")
            return ShockTimelineChart.Shock(id: id, summary: summary, strengths: profile.map { abs($0 * scale) })
        }
    }

    // MARK: Investment weights

    func flowCharts(_ weights: WeightShares) -> [ChartFigure] {
        let last = weights.periodCount - 1
        let names = results.names
        func group(_ label: String, fullName: String, _ series: PeriodSeries, highlighted: Bool = false) -> FlowChart.Group {
            FlowChart.Group(
                label: label, fullName: fullName, first: series.scenario.first ?? 0,
                last: last < series.scenario.count ? series.scenario[last] : 0,
                baselineLast: last < series.baseline.count ? series.baseline[last] : 0, highlighted: highlighted)
        }
        let regionGroups = weights.regions.map {
            group(names.region($0), fullName: names.regionHover($0), weights.byRegion[$0] ?? PeriodSeries())
        }
        .enumerated().sorted { $0.element.first != $1.element.first ? $0.element.first > $1.element.first : $0.offset < $1.offset }
        .map(\.element)
        let strategic = strategicSectors
        let ranked = weights.sectors.enumerated().sorted {
            let a = weights.bySector[$0.element]?.scenario.first ?? 0, b = weights.bySector[$1.element]?.scenario.first ?? 0
            return a != b ? a > b : $0.offset < $1.offset
        }.map(\.element)
        let shown = ranked.filter { strategic.contains($0) } + ranked.filter { !strategic.contains($0) }.prefix(max(0, 10 - strategic.count))
        var sectorGroups = shown.map { sector in
            let star = strategic.contains(sector) ? "★ " : ""
            return group(
                star + names.sector(sector, limit: FlowChart.labelLimit - star.count), fullName: star + names.sectorHover(sector),
                weights.bySector[sector] ?? PeriodSeries(), highlighted: strategic.contains(sector))
        }
        var rest = PeriodSeries()
        for sector in weights.sectors where !shown.contains(sector) {
            guard let series = weights.bySector[sector] else { continue }
            for period in series.baseline.indices {
                let current = period < rest.baseline.count ? (rest.baseline[period], rest.scenario[period]) : (0, 0)
                rest.set(period: period, baseline: current.0 + series.baseline[period], scenario: current.1 + series.scenario[period])
            }
        }
        if !rest.baseline.isEmpty { sectorGroups.append(group("other sectors", fullName: "other sectors", rest)) }
        let first = results.period.name(0), final = results.period.name(last)
        let how = "The left column stacks the shares of the allocable investment budget (MODEL (22)–(23)) in the first "
            + "\(results.period.word) (\(first)), the right column in the last (\(final)) of the scenario; each band joins a group's "
            + "two shares. Blue bands: the share grew; red: it shrank; pale: little change. Hover a band for the baseline's last \(results.period.word)."
        return [
            FlowChart(
                id: "flow-regions", title: "Investment weights by region: \(first) → \(final)", caption: how,
                firstTitle: first, lastTitle: final, groups: regionGroups
            ).figure,
            FlowChart(
                id: "flow-sectors",
                title: "Investment weights of the strategic (★) and largest sectors: \(first) → \(final)",
                caption: how + " Strategic sectors (★, outlined) are those the scenario names (MODEL (21)).",
                firstTitle: first, lastTitle: final, groups: sectorGroups
            ).figure,
        ]
    }

    /// The sectors of the scenario's strategic cells (`strategic.cells` in the manifest: `REGION/SECTOR=weight …`).
    var strategicSectors: [String] {
        var sectors: [String] = []
        for cell in (results.manifest.parameters["strategic.cells"] ?? "").split(separator: " ") {
            let name = cell.split(separator: "=").first.flatMap { $0.split(separator: "/").last }.map(String.init)
            if let name, !sectors.contains(name) { sectors.append(name) }
        }
        return sectors
    }
}
