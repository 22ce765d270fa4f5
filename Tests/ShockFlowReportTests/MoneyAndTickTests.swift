import Foundation
import ShockFlowEngine
import ShockFlowFormats
import Testing
@testable import ShockFlowReport

/// Money in its currency (one formatting function, exact expectations) and axis ticks that are round,
/// cover the data and never repeat a label.
@Suite struct MoneyAndTickTests {
    static let yuan = MoneyFormat(code: "CNY", scale: 10_000)
    static let dollars = MoneyFormat(code: "USD", scale: 1_000_000)

    @Test func moneyInWordsAndInChinese() {
        // chip-export-controls' cumulative value-added loss, in 10,000 yuan: 9.317 × 10¹² yuan.
        #expect(Self.yuan.text(931_725_572.8633627) == "9.32 trillion yuan")
        #expect(Self.yuan.text(931_725_572.8633627, style: .chinese) == "9.32 万亿元")
        #expect(Self.yuan.hover(931_725_572.8633627) == "9.32 trillion yuan (9.32 万亿元)")
        // Guangdong's: 383,131,065 × 10,000 yuan.
        #expect(Self.yuan.text(-383_131_065) == "−3.83 trillion yuan")
        #expect(Self.yuan.text(-383_131_065, style: .chinese) == "−3.83 万亿元")
        #expect(Self.yuan.text(383_131_065, signed: true) == "+3.83 trillion yuan")
        // Yuan as the unit (scale 1): 3.83e12 yuan.
        let plainYuan = MoneyFormat(code: "CNY", scale: 1)
        #expect(plainYuan.text(3.83e12) == "3.83 trillion yuan" && plainYuan.text(3.83e12, style: .chinese) == "3.83 万亿元")
        // Below a trillion yuan: billions in words, 亿 in Chinese (1 亿 = 10⁸ yuan).
        #expect(Self.yuan.text(5_012_345) == "50.1 billion yuan")
        #expect(Self.yuan.text(5_012_345, style: .chinese) == "501 亿元")
        #expect(Self.yuan.text(12.5) == "125 thousand yuan" && Self.yuan.text(12.5, style: .chinese) == "12.5 万元")
        #expect(Self.yuan.text(0.05) == "500 yuan" && Self.yuan.text(0.05, style: .chinese) == "500 元")
        #expect(Self.yuan.text(0) == "0 yuan" && Self.yuan.text(0, signed: true) == "0 yuan")
        // Rounding to three digits can reach the next word: 999.6 billion yuan is 1 trillion.
        #expect(Self.yuan.text(99_960_000) == "1 trillion yuan")
        #expect(Self.yuan.text(99_940_000) == "999 billion yuan")
        // US dollars in millions (world-2011): billions of US$, no Chinese form.
        #expect(Self.dollars.text(1_234.5) == "1.23 billion US$")
        #expect(Self.dollars.text(-56.7) == "−56.7 million US$")
        #expect(Self.dollars.text(1_234.5, style: .chinese) == "1.23 billion US$")
        #expect(Self.dollars.hover(2_500_000) == "2.5 trillion US$")
        #expect(MoneyFormat(code: "CHF", scale: 1).text(1.5e9) == "1.5 billion CHF", "other currencies by their code")
        #expect(Self.yuan.text(.nan) == "–")
    }

    @Test func shortLabelsNameTheirMagnitude() {
        #expect(Self.yuan.text(-383_131_065, style: .short) == "−3.83 tn")
        #expect(Self.yuan.text(-796_000, style: .short, signed: true) == "−7.96 bn")
        #expect(Self.yuan.text(49_100, style: .short, signed: true) == "+491 M")
        #expect(Self.dollars.text(1_234.5, style: .short) == "1.23 bn" && Self.yuan.text(0, style: .short, signed: true) == "0")
        // Bars side by side share the decimals of the largest (here in trillion yuan).
        let unit = ChartUnit.money(MoneyText(unit: "10,000 yuan (万元)", format: Self.yuan), largest: 153_990_311.98)
        #expect(unit.labels([-153_990_311.98, -58_101_063.2, -35_600_000, 120_000], signed: true) == ["−1.54", "−0.58", "−0.36", "0.00"])
        #expect(unit.markLabel(-796_000, signed: true) == "−7.96 bn")
        #expect(ChartUnit.share.labels([0.0123, -0.0004], signed: true) == ["+1.23 %", "−0.04 %"])
    }

    @Test func axisUnitsNameTheMagnitude() {
        let trillions = Self.yuan.axisUnit(largest: 383_131_065)
        #expect(trillions.name == "trillion yuan" && trillions.divisor == 1e8)
        #expect(Self.yuan.axisUnit(largest: 5_000_000).name == "billion yuan")
        #expect(Self.dollars.axisUnit(largest: 1_234).name == "billion US$" && Self.dollars.axisUnit(largest: 1_234).divisor == 1_000)
        #expect(Self.dollars.axisUnit(largest: 0.5).name == "thousand US$")
        let unit = ChartUnit.money(MoneyText(unit: "10,000 yuan (万元)", format: Self.yuan), largest: 383_131_065)
        #expect(unit.label(-383_131_065, signed: true) == "−3.83" && unit.name == "trillion yuan")
        let fallback = ChartUnit.money(MoneyText(unit: "10,000 yuan (万元)", format: nil), largest: 383_131_065)
        #expect(fallback.label(-383_131_065) == "−383 M" && fallback.name == "10,000 yuan (万元)", "no currency: the unit as written")
        #expect(MoneyText(unit: "10,000 yuan (万元)", format: Self.yuan).hover(-383_131_065)
            == "−3.83 trillion yuan (−3.83 万亿元); −383,131,065 in 10,000 yuan (万元)")
    }

    @Test func sweepOutputsInMoneyAreToldByTheirDescription() {
        #expect(SweepResults.isMoney(outputDescription: "summary cumulative_value_added_loss"))
        #expect(SweepResults.isMoney(outputDescription: "summary total_import_shortfall"))
        #expect(!SweepResults.isMoney(outputDescription: "summary cumulative_value_added_loss_percent"))
        #expect(!SweepResults.isMoney(outputDescription: "summary peak_value_added_loss_period"))
        #expect(SweepResults.isMoney(outputDescription: "value_added cumulative_loss over 2 cells"))
        #expect(!SweepResults.isMoney(outputDescription: "value_added cumulative_loss_percent over 2 cells"))
        #expect(!SweepResults.isMoney(outputDescription: "rationing final_scenario over 1 cell"))
    }

    /// Ticks of a value axis: 1, 2 or 5 × 10ᵏ apart, covering the data, labels distinct and equally precise.
    @Test(arguments: [
        ([0.009, 0.012], ["0.009", "0.010", "0.011", "0.012"]),
        ([0, 1e-6], ["0", "0.2×10⁻⁶", "0.4×10⁻⁶", "0.6×10⁻⁶", "0.8×10⁻⁶", "1.0×10⁻⁶"]),
        ([-383e6, 0], ["−400 M", "−300 M", "−200 M", "−100 M", "0"]),
        ([1, 1], ["0.94", "0.96", "0.98", "1.00", "1.02", "1.04", "1.06"]),
        ([0.0095, 0.0105], ["0.0094", "0.0096", "0.0098", "0.0100", "0.0102", "0.0104", "0.0106"]),
        ([-2.5, 7.5], ["−4", "−2", "0", "2", "4", "6", "8"]),
    ])
    func ticksAreRoundAndDistinct(range: [Double], labels expected: [String]) {
        let scale = LinearScale(covering: range, pixels: (0, 100))
        #expect(scale.lower <= range.min()! && scale.upper >= range.max()!)
        let labels = ChartUnit.plain("").tickLabels(scale)
        #expect(labels == expected)
        #expect(Set(labels).count == labels.count)
        let mantissa = scale.step / pow(10, floor(log10(scale.step) + 1e-9))
        #expect([1.0, 2, 5].contains { abs(mantissa - $0) < 1e-9 }, "step \(scale.step)")
    }

    @Test func percentAndMoneyTicks() {
        let shares = LinearScale(covering: [-0.0004, 0.0011], including: [0], pixels: (0, 100))
        #expect(ChartUnit.share.tickLabels(shares) == ["−0.05 %", "0 %", "0.05 %", "0.10 %", "0.15 %"])
        let unit = ChartUnit.money(MoneyText(unit: "10,000 yuan (万元)", format: Self.yuan), largest: 383_131_065)
        let money = LinearScale(covering: [-383_131_065, 0], pixels: (0, 100))
        #expect(unit.tickLabels(money) == ["−4", "−3", "−2", "−1", "0"])
    }

    /// A time axis follows the horizon: the first period at one end, the last (T − 1) at the other and
    /// always labelled; with cells, a tick in the middle of each labelled cell.
    @Test(arguments: [4, 12, 20, 40, 2])
    func periodAxesEndAtTheLastPeriod(periods: Int) {
        let series = LinearScale(periods: periods, pixels: (64, 318))
        #expect(series.lower == 0 && series.upper == Double(periods - 1))
        #expect(series.ticks.first == 0 && series.ticks.last == Double(periods - 1))
        #expect(series.pixel(Double(periods - 1)) == 318)
        let cells = LinearScale(periods: periods, pixels: (180, 640), cells: true, spacing: 20)
        #expect(cells.lower == -0.5 && cells.upper == Double(periods) - 0.5)
        #expect(cells.ticks.last == Double(periods - 1))
        let width = 460 / Double(periods)
        #expect(abs(cells.pixel(Double(periods - 1)) - (180 + (Double(periods) - 0.5) * width)) < 1e-9)
        // Ticks are whole periods, ascending, and far enough apart for their labels.
        for (a, b) in zip(cells.ticks, cells.ticks.dropFirst()) {
            #expect(b > a && b == b.rounded() && (cells.pixel(b) - cells.pixel(a)) >= 16)
        }
        #expect(LinearScale(periods: 20, pixels: (64, 318)).ticks == [0, 5, 10, 15, 19])
        #expect(LinearScale(periods: 12, pixels: (180, 640), cells: true, spacing: 20).ticks == (0...11).map(Double.init))
    }

    @Test func periodLengthFromTheManifest() {
        #expect(PeriodUnit(parameters: ["horizon.period_years": "0.25"]).axisTitle(periods: 12) == "quarter (0–11)")
        #expect(PeriodUnit(parameters: ["horizon.period_years": "1"]).axisTitle(periods: 5) == "year (0–4)")
        #expect(PeriodUnit(parameters: ["horizon.period_years": "2"]).axisTitle(periods: 5) == "period of 2 years (0–4)")
        #expect(PeriodUnit(parameters: ["horizon.period_years": "2"]).count(5) == "5 periods of 2 years")
        #expect(PeriodUnit(parameters: ["horizon.period_years": NumberFormatting.shortest(1.0 / 365)]).word == "day")
        #expect(PeriodUnit(parameters: ["horizon.period_years": NumberFormatting.shortest(1.0 / 365.25)]).word == "day")
        #expect(PeriodUnit(parameters: ["horizon.period": "day", "horizon.period_years": "0.00274"]).name(3) == "day 3")
        #expect(PeriodUnit(parameters: ["horizon.period_years": "0.25"]).count(1) == "1 quarter")
        #expect(PeriodUnit(parameters: [:]).name(0) == "period 0")
    }

    @Test func longNamesAreShortenedAtAWord() {
        let name = "Manufacture of communication equipment, computers and other electronic equipment"
        #expect(ChartLabel.shortened(name, limit: 40) == "Communication equipment, computers…")
        #expect(ChartLabel.shortened("Manufacture of textiles", limit: 40) == "Manufacture of textiles")
        let power = "Production and supply of electric power and heat power"
        #expect(ChartLabel.shortened(power, limit: 32) == "Electric power and heat power")
        #expect(ChartLabel.shortened(power, limit: 28) == "Electric power and heat…")
        #expect(ChartLabel.shortened(name, limit: 40).count <= 40)
    }

    @Test func provenancePathsAreRelativeToTheProjectOrTheCache() {
        let paths = ProvenancePath(
            scenarioFile: "/work/project/scenarios/chips.yaml", currentDirectory: "/tmp/elsewhere",
            environment: ["HOME": "/home/ana", "SHOCKFLOW_CACHE_DIR": "/scratch/cache"])
        #expect(paths.display("/work/main/.build/release/ShockFlow_ShockFlowFormats.resources/Resources/china-2017-inputs/provinces.csv")
            == "built-in: china-2017/provinces.csv")
        #expect(paths.display("/opt/shockflow/ShockFlow_ShockFlowFormats.resources/Resources/economies/world-2011/Z.csv")
            == "built-in: world-2011/Z.csv")
        #expect(paths.display("/scratch/cache/china-2017-0123/Z.csv") == "$SHOCKFLOW_CACHE_DIR/china-2017-0123/Z.csv")
        #expect(paths.display("/home/ana/.cache/shockflow/china-2017-0123/Z.csv") == "~/.cache/shockflow/china-2017-0123/Z.csv")
        #expect(paths.display("/tmp/elsewhere/results/x.csv") == "results/x.csv")
        #expect(paths.display("/work/project/scenarios/chips.yaml") == "scenarios/chips.yaml")
        #expect(paths.display("/work/project/scenarios/data/series.csv") == "scenarios/data/series.csv")
        #expect(paths.display("/home/ana/tables/t.csv") == "~/tables/t.csv")
        #expect(paths.display("/srv/t.csv") == "/srv/t.csv" && paths.display("scenarios/a.yaml") == "scenarios/a.yaml")
    }
}
