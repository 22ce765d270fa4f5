import Foundation
import ShockFlowEngine
import ShockFlowTestSupport
import Testing
@testable import ShockFlowReport

/// A sweep whose discrete levels are not numbers (a critical pair's switch, lists of sectors): the report
/// reads `samples.csv`'s levels as their index, as the sweep's indices do.
@Suite struct SweepLevelReportTests {
    @Test func levelsAreReadAsTheirIndex() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("report-levels-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let economy = Fixtures.path("economies/two-region")
        let sweep = directory.appendingPathComponent("sweep.yaml")
        try Data("""
            schema_version: 1
            name: levels
            scenario:
              schema_version: 1
              name: chips
              economy: \(economy)
              horizon: {periods: 4}
              critical_inputs:
                threshold: 0.15
                pairs:
                  - {input: chips, from: imported, for: manu}
              shocks:
                - {id: chips, kind: import, products: chips, magnitude: 0.6}
            design: {method: saltelli, samples: 8, seed: 2}
            parameters:
              - {path: "critical_inputs.pairs[0].enabled", name: pair, distribution: discrete, levels: [true, false]}
              - {path: "critical_inputs.pairs[0].for", name: users, distribution: discrete, levels: [manu, [agri, manu]]}
              - {path: shocks.chips.magnitude, name: cut, distribution: uniform, lower: 0.2, upper: 1}
            outputs:
              - {summary: cumulative_value_added_loss}
            """.utf8).write(to: sweep)
        var options = SweepRunner.Options()
        options.output = directory.appendingPathComponent("out").path
        let folder = try SweepRunner.run(sweepFile: sweep.path, options: options).folder
        guard case .sweep(_, let manifest) = try ReportSource(folder: folder) else {
            Issue.record("the folder is a sweep")
            return
        }
        let results = try SweepResults(folder: folder, manifest: manifest)
        #expect(Set(results.samples["pair"] ?? []) == [0, 1] && Set(results.samples["users"] ?? []) == [0, 1])
        let text = try String(contentsOfFile: folder + "/samples.csv", encoding: .utf8)
        #expect(text.contains(",true,") && text.contains(",\"[agri, manu]\","))
        let html = try ReportBuilder.html(folder: folder)
        #expect(html.count(element: "circle", className: "point") == 8 * 5)
        // A level that is not the parameter's is told with the file, line and column.
        try Data(text.replacingOccurrences(of: ",true,", with: ",yes,").utf8).write(to: URL(fileURLWithPath: folder + "/samples.csv"))
        #expect(throws: ReportError.self) { try SweepResults(folder: folder, manifest: manifest) }
    }
}
