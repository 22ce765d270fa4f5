import Foundation
import ShockFlowFormats
import ShockFlowModel
import Testing

/// Two shipped scenarios compared end to end: chip export controls as shipped (domestic electronics
/// replace half of the import shortfall, θ = 0.5) and the same scenario without substitution (θ = 0),
/// both run by `shockflow run` on china-2017.
@Suite struct CompareScenarioTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private func json(_ result: CommandResult) throws -> [String: Any] {
        #expect(result.exitCode == 0, "\(result.standardError)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    }

    /// The rows of the first ranking of `metric` in a JSON report: (key, values by run label).
    private func largest(_ report: [String: Any], metric: String) throws -> [(key: [String: String], values: [String: Double])] {
        let metrics = try #require(report["metrics"] as? [[String: Any]])
        let rows = try #require(metrics.first { $0["metric"] as? String == metric }?["largest_differences"] as? [[String: Any]])
        return rows.map { (($0["key"] as? [String: String]) ?? [:], ($0["values"] as? [String: Double]) ?? [:]) }
    }

    /// The sectors that buy the most imported product 20 per unit of their output, over all regions.
    private func heaviestUsersOfImportedElectronics(count: Int) throws -> [String] {
        let economy = try EconomyLoader.load("china-2017").economy
        let product = try #require(economy.importProducts.firstIndex { $0.code == "20" })
        let intensity = economy.sectors.indices.map { sector in
            let cells = economy.regions.indices.map { economy.cellIndex(region: $0, sector: sector) }
            let output = cells.reduce(0) { $0 + economy.grossOutput[$1] }
            return output > 0 ? cells.reduce(0) { $0 + economy.intermediateImports[product, $1] } / output : 0
        }
        return economy.sectors.indices.sorted { intensity[$0] > intensity[$1] }.prefix(count).map { economy.sectors[$0].code }
    }

    /// Without substitution the value-added loss is larger; the largest change is in the substituting
    /// sector (20) or a heavy user of imported electronics, and the largest cell change is sector 20 in
    /// one of the provinces allowed to substitute.
    @Test func substitutionSoftensTheChipShock() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let shipped = Self.repository.appendingPathComponent("scenarios/chip-export-controls.yaml").path
        let text = try String(contentsOfFile: shipped, encoding: .utf8)
        #expect(text.contains("    theta: 0.5\n") && text.contains("name: chip-export-controls\n"))
        let withoutSubstitution = text.replacingOccurrences(of: "    theta: 0.5\n", with: "    theta: 0\n")
            .replacingOccurrences(of: "name: chip-export-controls\n", with: "name: chip-export-controls-no-substitution\n")
        try withoutSubstitution.write(to: folder.appendingPathComponent("no-substitution.yaml"), atomically: true, encoding: .utf8)
        for (scenario, out) in [(shipped, "with"), ("no-substitution.yaml", "without")] {
            let run = try CommandRunner.run(["run", scenario, "--out", out, "--quiet"], in: folder)
            #expect(run.exitCode == 0, "\(run.standardError)")
        }
        func compare(_ flags: [String]) throws -> [String: Any] {
            try json(CommandRunner.run(["compare", "with", "without", "--format", "json"] + flags, in: folder))
        }

        let summary = try compare(["--level", "summary"])
        let runs = try #require(summary["runs"] as? [[String: String]])
        #expect(runs.map { $0["name"] } == ["chip-export-controls", "chip-export-controls-no-substitution"])
        let figures = try #require(summary["every_row"] as? [[String: Any]])
        let loss = try #require(figures.first { $0["metric"] as? String == "cumulative_value_added_loss" }?["values"] as? [String: Double])
        let (withLoss, withoutLoss) = (try #require(loss["A"]), try #require(loss["B"]))
        #expect(withLoss > 0 && withoutLoss > withLoss, "loss with substitution \(withLoss), without \(withoutLoss)")

        let sectors = try largest(try compare(["--level", "sectors", "--metric", "value_added", "--cumulative", "--top", "1"]), metric: "value_added")
        let sector = try #require(sectors.first)
        let users = try heaviestUsersOfImportedElectronics(count: 5)
        #expect(sector.key["sector"] == "20" || users.contains(sector.key["sector"] ?? ""), "\(sector.key), heavy users \(users)")
        #expect(try #require(sector.values["B"]) < (try #require(sector.values["A"])))

        let cells = try largest(try compare(["--metric", "value_added", "--cumulative", "--top", "1"]), metric: "value_added")
        let cell = try #require(cells.first)
        let substituting = ["CN-JS", "CN-SH", "CN-GD", "CN-GS", "CN-ZJ", "CN-BJ", "CN-SC", "CN-TJ"]
        #expect(cell.key["sector"] == "20" && substituting.contains(cell.key["region"] ?? ""), "\(cell.key)")
        #expect(try #require(cell.values["B"]) < (try #require(cell.values["A"])))
    }
}
