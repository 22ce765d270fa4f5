import Foundation
import ShockFlowEngine

/// How one chart shows its numbers: the unit its titles and legend name and the divisor that takes
/// values to it (`trillion yuan`: 10⁸ of a money unit of 10,000 yuan), or percent for shares, or the
/// values as they are with k, M, bn, tn on each label when the unit has no currency.
struct ChartUnit {
    /// The unit for titles: `trillion yuan`, `%`, `10,000 yuan (万元)`.
    var name: String
    var divisor: Double
    /// k, M, bn, tn on each number (for a unit without a currency, whose magnitude words cannot be named).
    var suffixed: Bool
    var isPercent: Bool
    /// The currency of money in a currency, for labels that carry their own magnitude (`−7.96 bn`).
    var money: MoneyFormat?

    /// Shares (0.01 = 1 %) shown in percent.
    static let share = ChartUnit(name: "%", divisor: 0.01, suffixed: false, isPercent: true, money: nil)

    /// Values already in percent (3.2 = 3.2 %: summary.csv's `…_percent` rows).
    static let percentPoints = ChartUnit(name: "%", divisor: 1, suffixed: false, isPercent: true, money: nil)

    /// Values as they are in `unit` (dimensionless indices, parameters).
    static func plain(_ unit: String) -> ChartUnit { ChartUnit(name: unit, divisor: 1, suffixed: true, isPercent: false, money: nil) }

    /// Money whose largest magnitude is `largest` (in the money unit): in the currency with a magnitude
    /// word when the economy declares a currency, else in the money unit with k, M, bn, tn.
    static func money(_ money: MoneyText, largest: Double) -> ChartUnit {
        guard let format = money.format else { return plain(money.unit) }
        let unit = format.axisUnit(largest: largest)
        return ChartUnit(name: unit.name, divisor: unit.divisor, suffixed: false, isPercent: false, money: format)
    }

    /// One value in this unit with three significant digits (`−3.83`, `+0.52 %`, `−383 M`), for legends.
    func label(_ value: Double, signed: Bool = false) -> String {
        guard value.isFinite else { return "–" }
        let shown = value / divisor
        let text = suffixed ? CompactNumber.format(abs(shown)) : CompactNumber.significant(abs(shown))
        return Self.signed(text, shown, signed) + (isPercent ? " %" : "")
    }

    /// Values side by side (the bars of a chart) in this unit, all with the decimals that give the
    /// largest three significant digits (`−1.54`, `−0.81`, `−0.62`).
    func labels(_ values: [Double], signed: Bool = false) -> [String] {
        guard !suffixed else { return values.map { label($0, signed: signed) } }
        let largest = values.filter(\.isFinite).map { abs($0 / divisor) }.max() ?? 0
        let decimals = largest > 0 ? min(12, max(0, 2 - Int(floor(log10(largest) + 1e-12)))) : 0
        return values.map { value in
            guard value.isFinite else { return "–" }
            let shown = value / divisor
            return Self.signed(TickLabels.fixed(abs(shown), decimals: decimals), shown, signed) + (isPercent ? " %" : "")
        }
    }

    /// A value that names its own magnitude, for marks read one by one (the map's tiles): money in a
    /// currency as `−7.96 bn` (the legend names the currency), else as `label`.
    func markLabel(_ value: Double, signed: Bool = false) -> String {
        money?.text(value, style: .short, signed: signed) ?? label(value, signed: signed)
    }

    /// The tick labels of a scale in this unit, distinct and with the same decimals.
    func tickLabels(_ scale: LinearScale) -> [String] {
        TickLabels.labels(scale.ticks, step: scale.step, divisor: divisor, suffixed: suffixed, percent: isPercent)
    }

    /// `text` (a magnitude) with the sign of `value`: − for a negative, + for a positive when `signed`,
    /// none when the text is zero.
    private static func signed(_ text: String, _ value: Double, _ signed: Bool) -> String {
        guard text.contains(where: { $0 != "0" && $0 != "." }) else { return text }
        return (value < 0 ? "−" : (signed && value > 0 ? "+" : "")) + text
    }
}

/// Money of a run: the money unit in words and, when the economy declares its currency, its format.
struct MoneyText: Sendable {
    var unit: String
    var format: MoneyFormat?

    /// `9.32 trillion yuan`, or the figure in the money unit (`931,725,573 10,000 yuan (万元)`).
    func words(_ value: Double, signed: Bool = false) -> String {
        format?.text(value, signed: signed) ?? "\(ReadableNumber.format(value, signed: signed)) \(unit)"
    }

    /// The hover text: in words, for yuan also in 万 / 亿 / 万亿, and the exact figure in the money unit.
    func hover(_ value: Double, signed: Bool = false) -> String {
        guard let format else { return words(value, signed: signed) }
        let exact = ReadableNumber.format(value, signed: signed).replacingOccurrences(of: "-", with: "−")
        return format.hover(value, signed: signed) + "; \(exact) in \(unit)"
    }
}
