import Foundation
import ShockFlowModel

/// Money for people: a figure in an economy's money unit shown in its currency, three significant
/// digits with thousand, million, billion or trillion (`9.32 trillion yuan`, `1.23 billion US$`), and
/// for yuan also with 万, 亿 and 万亿 (`9.32 万亿元`; 1 亿 = 10⁸ yuan, 1 万亿 = 10¹² yuan). What
/// `shockflow run` prints and the report shows; the files keep the exact figures in the money unit.
public struct MoneyFormat: Sendable, Equatable {
    public enum Style: Sendable {
        /// `9.32 trillion yuan`
        case words
        /// `9.32 万亿元` (yuan only; other currencies are written in words)
        case chinese
        /// `9.32 tn`: the magnitude abbreviated (k, M, bn, tn) and no currency, for labels on a chart
        /// whose title or legend names the currency
        case short
    }

    public let currency: CurrencyUnit

    public init(_ currency: CurrencyUnit) { self.currency = currency }

    /// - Parameters: code: the ISO 4217 code; scale: units of the currency in one money unit.
    public init(code: String, scale: Double) { self.init(CurrencyUnit(code: code, scale: scale)) }

    static let magnitudes: [(scale: Double, word: String)] = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand")]
    static let abbreviations: [(scale: Double, word: String)] = [(1e12, "tn"), (1e9, "bn"), (1e6, "M"), (1e3, "k")]
    static let chineseMagnitudes: [(scale: Double, word: String)] = [(1e12, "万亿"), (1e8, "亿"), (1e4, "万")]

    /// The currency's name after a number: `yuan`, `US$`, `euros`; the ISO code for others.
    public var currencyName: String {
        switch currency.code {
        case "CNY": "yuan"
        case "USD": "US$"
        case "EUR": "euros"
        case "GBP": "pounds sterling"
        case "JPY": "yen"
        default: currency.code
        }
    }

    /// Whether the Chinese form applies (yuan).
    public var hasChineseForm: Bool { currency.code == "CNY" }

    /// The one formatting function for money: `value` (in the money unit) in the currency, three
    /// significant digits; `signed` puts + before a gain. Negative values take a minus sign (−).
    public func text(_ value: Double, style: Style = .words, signed: Bool = false) -> String {
        guard value.isFinite else { return "–" }
        let amount = value * currency.scale
        let sign = amount < 0 ? "−" : (signed && amount > 0 ? "+" : "")
        let magnitude = abs(amount)
        if style == .chinese, hasChineseForm {
            let (number, word) = Self.scaled(magnitude, by: Self.chineseMagnitudes)
            return (number == "0" ? "" : sign) + number + " " + word + "元"
        }
        if style == .short {
            let (number, word) = Self.scaled(magnitude, by: Self.abbreviations)
            return (number == "0" ? "" : sign) + number + (word.isEmpty ? "" : " " + word)
        }
        let (number, word) = Self.scaled(magnitude, by: Self.magnitudes)
        return (number == "0" ? "" : sign) + number + " " + (word.isEmpty ? "" : word + " ") + currencyName
    }

    /// The hover text of a figure: in words, and for yuan also in 万 / 亿 / 万亿 (`9.32 trillion yuan (9.32 万亿元)`).
    public func hover(_ value: Double, signed: Bool = false) -> String {
        let words = text(value, signed: signed)
        return hasChineseForm ? words + " (" + text(value, style: .chinese, signed: signed) + ")" : words
    }

    /// The unit of an axis or legend whose largest magnitude is `largest` (in the money unit): the
    /// divisor that takes money units to it and its name (`trillion yuan`, `million US$`).
    public func axisUnit(largest: Double) -> (divisor: Double, name: String) {
        let amount = abs(largest * currency.scale)
        let magnitude = Self.magnitudes.first { amount >= $0.scale }
        let divisor = (magnitude?.scale ?? 1) / currency.scale
        return (divisor, (magnitude.map { $0.word + " " } ?? "") + currencyName)
    }

    /// The magnitude in the largest unit it reaches once rounded to three significant digits
    /// (`9.32`, `trillion`; 999.6 billion is `1`, `trillion`); an empty word below the smallest unit.
    static func scaled(_ magnitude: Double, by units: [(scale: Double, word: String)]) -> (String, String) {
        guard magnitude > 0 else { return ("0", "") }
        let factor = pow(10, floor(log10(magnitude)) - 2)
        let rounded = (magnitude / factor).rounded() * factor
        guard let unit = units.first(where: { rounded >= $0.scale }) else { return (significant(rounded), "") }
        return (significant(rounded / unit.scale), unit.word)
    }

    /// Three significant digits, trailing zeros of the fraction dropped (`9.32`, `383`, `0.05`).
    static func significant(_ value: Double, digits: Int = 3) -> String {
        guard value > 0 else { return "0" }
        let exponent = Int(floor(log10(value)))
        var text = String(format: "%.\(max(0, digits - 1 - exponent))f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
