import ShockFlowFormats

/// The length of a run's period, for time axes and labels, from `manifest.json`: `horizon.period`
/// when the manifest names it (`quarter`, `year`, `day`, …), else `horizon.period_years` (0.25: quarter,
/// 1: year, 1/12: month, 1/365 or 1/365.25: day; any other length: periods of h years). An ario run's
/// rows are windows of `results.every` days: its `results.period` and `results.period_years` come first.
struct PeriodUnit: Equatable, Sendable {
    /// `quarter`, `year`, `day`; `period` for a length without a name of its own.
    var word: String
    /// The length in years, as text, of a period without a name (`2` for periods of 2 years).
    var years: String?

    init(word: String, years: String? = nil) {
        self.word = word
        self.years = years
    }

    init(parameters: [String: String]) {
        if let named = parameters["results.period"] ?? parameters["horizon.period"], Self.names.contains(named) {
            self.init(word: named)
            return
        }
        guard let text = parameters["results.period_years"] ?? parameters["horizon.period_years"], let years = Double(text), years > 0
        else {
            self.init(word: "period")
            return
        }
        let close = { (value: Double) in abs(years - value) <= 1e-9 * value }
        switch years {
        case _ where close(0.25): self.init(word: "quarter")
        case _ where close(1): self.init(word: "year")
        case _ where close(1.0 / 12): self.init(word: "month")
        case _ where close(7.0 / 365) || close(7.0 / 365.25): self.init(word: "week")
        case _ where close(1.0 / 365) || close(1.0 / 365.25): self.init(word: "day")
        default: self.init(word: "period", years: NumberFormatting.shortest(years))
        }
    }

    static let names: Set<String> = ["quarter", "year", "month", "week", "day"]

    /// `quarter 3`, `period 3`.
    func name(_ period: Int) -> String { "\(word) \(period)" }

    /// `12 quarters`, `1 year`, `5 periods of 2 years`.
    func count(_ periods: Int) -> String {
        "\(periods) \(word)\(periods == 1 ? "" : "s")" + (years.map { " of \($0) years" } ?? "")
    }

    /// The title of a time axis over `periods` periods: `quarter (0–11)`, `period of 2 years (0–4)`.
    func axisTitle(periods: Int) -> String {
        let range = periods > 1 ? " (0–\(periods - 1))" : ""
        return word + (years.map { " of \($0) years" } ?? "") + range
    }
}
