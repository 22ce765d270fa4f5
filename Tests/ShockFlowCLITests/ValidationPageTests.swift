import Foundation
import ShockFlowTestSupport
import Testing

/// docs/validation.md quotes ShockFlow's figures next to published estimates: the figures it quotes
/// are what the commands it names print today (rounded as the page rounds them).
@Suite struct ValidationPageTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../..").standardizedFileURL

    static func page() throws -> String {
        try String(contentsOf: repository.appendingPathComponent("docs/validation.md"), encoding: .utf8)
    }

    /// Runs a scenario of the repository and returns its summary.csv as metric → value.
    static func summary(of scenario: String) throws -> [String: Double] {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandRunner.run(
            ["run", repository.appendingPathComponent(scenario).path, "--out", folder.appendingPathComponent("run").path, "--quiet"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let text = try String(contentsOf: folder.appendingPathComponent("run/summary.csv"), encoding: .utf8)
        var values: [String: Double] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false)
            if fields.count >= 2, let value = Double(fields[1]) { values[String(fields[0])] = value }
        }
        return values
    }

    @Test func chipImportStopFigureIsTheRunsLoss() throws {
        let loss = try #require(try Self.summary(of: "scenarios/validation/chip-imports-stop.yaml")["cumulative_value_added_loss_percent"])
        let quoted = "**−" + String(format: "%.1f", loss) + " %**"
        #expect(try Self.page().contains(quoted), "docs/validation.md should quote \(quoted)")
    }

    @Test func soybeanPriceFiguresAreTheRunsPrices() throws {
        let summary = try Self.summary(of: "scenarios/soybean-import-shock.yaml")
        let page = try Self.page()
        let cpi = try #require(summary["peak_cpi_change_percent"])
        #expect(page.contains("**+" + String(format: "%.3f", cpi) + " %**"), "national CPI \(cpi)")
        // The price model is linear in the shock (docs/prices.md), so the CPI change over the scenario's
        // range of soybeans' share of product 01, [0.4, 0.8] around 0.6, is the run's scaled.
        let range = String(format: "%.3f %% to %.3f %%", cpi * 0.4 / 0.6, cpi * 0.8 / 0.6)
        #expect(page.contains(range), "the CPI range \(range)")
        let foods = try #require(summary["sector_price_1"])
        #expect(page.contains("Sector 06: **+" + String(format: "%.2f", foods) + " %**"), "sector 06's price \(foods)")
    }
}
