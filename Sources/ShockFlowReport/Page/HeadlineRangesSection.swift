import Plot
import ShockFlowEngine
import ShockFlowFormats

/// The sweep page's first section, "Headline ranges": a row per output with its median and 5–95 % band
/// over all runs, a compact chart of the spread, the number of runs, and the inputs that drive it most by
/// the sweep's sensitivity index (Sobol' ST, Morris μ*, or |SRC|).
struct HeadlineRangesSection {
    let ranges: [HeadlineRange]
    let money: MoneyText
    /// The sweep's design (`saltelli`, `morris`, `grid`, …) and the confidence level of its intervals.
    let design: String?
    let confidenceLevel: Double

    var node: Node<HTML.BodyContext> {
        let runs = ranges.map(\.runs).max() ?? 0
        let method = ranges.compactMap(\.method).first
        return .section(
            .id("ranges"),
            .h2(.text("Headline ranges")),
            .forEach(introduction(runs: runs, method: method)) { .p(.text($0)) },
            .if(design == "morris" || design == "grid", .p(.class("note"), .text(
                "The runs of a \(design ?? "") design sit on a grid of levels of each input, not on a random sample of the "
                    + "inputs' distributions: the bands describe these runs, a rough guide to each output's spread rather than an estimate of it."))),
            .table(
                .class("figures ranges"),
                .tr(
                    .th(.text("output")), .th(.text("median, 5–95 % band")),
                    .th(.text("spread over the runs")), .th(.text("runs")),
                    .th(.text(method.map(Self.driversHeading) ?? "what drives it"))),
                .forEach(Array(ranges.enumerated())) { position, range in row(range, position: position) }))
    }

    /// What the section shows, then how the quantiles are computed and how to read a chart.
    private func introduction(runs: Int, method: String?) -> [String] {
        let drivers = method.map { " The last column ranks the inputs by \(Self.indexExplanation($0, confidenceLevel: confidenceLevel))." } ?? ""
        return [
            "Each output of the sweep over its \(ReadableNumber.format(Double(runs))) runs: the median and the 5–95 % band, "
                + "within which the middle 90 % of the runs fall — the spread the sampled inputs give, not a confidence "
                + "interval.\(drivers)",
            "Quantiles as numpy's default np.quantile (linear interpolation): with an output's n values sorted, "
                + "x₍₀₎ ≤ … ≤ x₍ₙ₋₁₎, Q(q) = x₍ⱼ₎ + (h − j)·(x₍ⱼ₊₁₎ − x₍ⱼ₎) with h = (n − 1)·q and j = ⌊h⌋. In each chart "
                + "the light band is the 5–95 % band, the dark tick the median (its value above it) and the thin grey line "
                + "runs from the smallest run to the largest. The base scenario's own run is not one of the sweep's runs, "
                + "so it is not marked (shockflow run gives it).",
        ]
    }

    static func driversHeading(_ method: String) -> String {
        switch method {
        case "sobol": "top inputs by ST (interval)"
        case "morris": "top inputs by μ* (interval)"
        default: "top inputs by |SRC| (sign)"
        }
    }

    static func indexExplanation(_ method: String, confidenceLevel: Double) -> String {
        let level = CompactNumber.significant(confidenceLevel * 100) + " %"
        switch method {
        case "sobol":
            return "the total-order Sobol' index ST (sensitivity.csv), the share of the output's variance the input causes "
                + "alone and with others, with its \(level) bootstrap interval"
        case "morris":
            return "Morris's μ* (mu_star in sensitivity.csv), the mean absolute elementary effect on the output's scale, "
                + "with its \(level) bootstrap interval"
        default:
            return "the absolute standardised regression coefficient |SRC| (src in sensitivity.csv), shown with its sign "
                + "(+: the output rises with the input); it has no interval"
        }
    }

    private func row(_ range: HeadlineRange, position: Int) -> Node<HTML.TableContext> {
        let format = RangeValueFormat(kind: range.kind, money: money, signed: range.isChange)
        let chart = RangeBandChart(
            id: "range-\(position)", range: range,
            unit: format.axisUnit(largest: max(abs(range.smallest), abs(range.largest))), hover: format.hover)
        return .tr(
            .class("range-row"), .id("range-row-\(position)"),
            .td(.strong(.text(range.output)), .if(range.description != nil, .group(
                .br(), .span(.class("output-description"), .text(range.description ?? ""))))),
            .td(
                .class("number"),
                .span(
                    .class("range-median-value"), .attribute(named: "title", value: SVG.escapedAttribute(format.hover(range.median))),
                    .text(format.text(range.median))),
                .br(),
                .span(
                    .class("range-band-value"),
                    .attribute(named: "title", value: SVG.escapedAttribute("5 %: \(format.hover(range.low))\n95 %: \(format.hover(range.high))")),
                    .text(format.band(range.low, range.high)))),
            .td(chart.svg),
            .td(.class("number"), .text(ReadableNumber.format(Double(range.runs)))),
            .td(drivers(range)))
    }

    private func drivers(_ range: HeadlineRange) -> Node<HTML.BodyContext> {
        guard range.smallest != range.largest else {
            return .span(.class("output-description"), .text("every run gives the same value: no input moves it"))
        }
        guard !range.drivers.isEmpty, let index = range.index else {
            return .span(.class("output-description"), .text("no indices for this output in sensitivity.csv"))
        }
        // A regression coefficient's sign says the direction; ST and μ* have none.
        let signed = range.method == "regression"
        let more = range.factors > range.drivers.count ? " (of \(range.factors))" : ""
        return .group(
            .ol(.class("drivers"), .forEach(range.drivers) { row in
                let interval = row.main.low.flatMap { low in
                    row.main.high.map { "\(CompactNumber.format(low)) to \(CompactNumber.format($0))" }
                }
                let value = CompactNumber.format(row.main.estimate, signed: signed)
                let hover = "\(row.parameter): \(index) = \(NumberFormatting.shortest(row.main.estimate))"
                    + (interval.map { ", interval \($0)" } ?? "")
                return .li(
                    .attribute(named: "title", value: SVG.escapedAttribute(hover)),
                    .span(.class("driver-entry"), .span(.class("driver"), .text(row.parameter)), .text(" \(value)")),
                    .if(interval != nil, .span(.class("ci-text"), .text(" (\(interval ?? ""))"))))
            }),
            .if(!more.isEmpty, .span(.class("output-description"), .text("top \(range.drivers.count)\(more)"))))
    }
}

/// How a headline range shows an output's values: money in the currency (`9.32 trillion yuan`),
/// percentages and shares in % (`3.21 %`), other numbers with three significant digits.
struct RangeValueFormat {
    var kind: SweepOutputKind
    var money: MoneyText
    /// Changes either way take their sign (`+0.52 %`).
    var signed: Bool

    func text(_ value: Double) -> String {
        switch kind {
        case .money: money.words(value, signed: signed)
        case .percent: ChartUnit.percentPoints.label(value, signed: signed)
        case .share: ChartUnit.share.label(value, signed: signed)
        case .plain: CompactNumber.format(value, signed: signed)
        }
    }

    /// The band's ends in one unit: `1.9 to 36.1 trillion yuan`, `1.02 to 6.4 %`.
    func band(_ low: Double, _ high: Double) -> String {
        switch kind {
        case .money where money.format != nil:
            let unit = ChartUnit.money(money, largest: max(abs(low), abs(high)))
            return "\(unit.label(low, signed: signed)) to \(unit.label(high, signed: signed)) \(unit.name)"
        case .percent, .share:
            let unit = kind == .percent ? ChartUnit.percentPoints : ChartUnit.share
            let start = unit.label(low, signed: signed)
            return "\(start.hasSuffix(" %") ? String(start.dropLast(2)) : start) to \(unit.label(high, signed: signed))"
        default:
            return "\(text(low)) to \(text(high))"
        }
    }

    /// In full: money in words (and 万亿 for yuan) with the exact figure in the money unit; others with the
    /// exact number of outputs.csv.
    func hover(_ value: Double) -> String {
        switch kind {
        case .money where money.format != nil: money.hover(value, signed: signed)
        default: "\(text(value)) (\(NumberFormatting.shortest(value)) in outputs.csv)"
        }
    }

    /// The unit of the chart's axis for values up to `largest` in magnitude.
    func axisUnit(largest: Double) -> ChartUnit {
        switch kind {
        case .money: ChartUnit.money(money, largest: largest)
        case .percent: ChartUnit.percentPoints
        case .share: ChartUnit.share
        case .plain: ChartUnit.plain("")
        }
    }
}
