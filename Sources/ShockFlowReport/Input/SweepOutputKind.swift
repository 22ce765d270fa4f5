import ShockFlowEngine

/// What kind of number a sweep output is, told by its description in the manifest (`output.<name>`:
/// `summary peak_value_added_loss_percent`, `investment_weight final_difference over 31 cells`), so
/// that the report shows it in the currency, in % or as it is.
enum SweepOutputKind: Equatable {
    /// In the economy's money unit: losses, the worst regions' and sectors' losses, import shortfalls.
    case money
    /// Already in percent (3.2 = 3.2 %): summary rows `…_percent`, the statistic `cumulative_loss_percent`.
    case percent
    /// A share (0.032 = 3.2 %): investment weights and their shifts, rationing, inoperability.
    case share
    /// Anything else (a period, iteration counts, a share summed over periods), shown as it is.
    case plain

    init(outputDescription description: String?) {
        guard let description else {
            self = .plain
            return
        }
        let words = description.split(separator: " ").map(String.init)
        if SweepResults.isMoney(outputDescription: description) {
            self = .money
        } else if words.count >= 2, words[0] == "summary" {
            let row = words[1]
            if row.hasSuffix("_percent") {
                self = .percent
            } else if row.hasPrefix("weight_increase_") || row.hasPrefix("weight_decrease_") {
                self = .share
            } else {
                self = .plain
            }
        } else if words.count >= 2, words[1] == "cumulative_loss_percent" {
            self = .percent
        } else if words.count >= 2, ResultsMetric.isShare(words[0]), ["final_scenario", "final_difference"].contains(words[1]) {
            self = .share
        } else {
            self = .plain
        }
    }

    /// Whether the output is a change that may go either way (a difference, a weight shift), shown with
    /// its sign (`+0.52 %`).
    static func isChange(outputDescription description: String?) -> Bool {
        guard let words = description?.split(separator: " ").map(String.init), words.count >= 2 else { return false }
        return words[0] == "summary"
            ? words[1].hasPrefix("weight_increase_") || words[1].hasPrefix("weight_decrease_")
            : words[1].hasSuffix("_difference")
    }
}
