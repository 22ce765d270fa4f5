import Foundation
import ShockFlowEngine
import ShockFlowTestSupport
import Testing
@testable import ShockFlowReport

/// The sweep report of the Ishigami fixture (SALib estimates): tornado bars ranked as the analytic
/// indices rank the parameters, a scatter point per run.
@Suite struct SweepReportTests {
    @Test func tornadoRanksParametersAsTheAnalyticIndices() throws {
        guard case .sweep(let folder, let manifest) = try ReportSource(folder: ReportFixtures.sweep) else {
            Issue.record("the fixture is a sweep")
            return
        }
        let results = try SweepResults(folder: folder, manifest: manifest)
        // Ishigami (a = 7, b = 0.1): ST = 0.5576, 0.4424, 0.2437 (Saltelli et al. 2008).
        #expect(results.tornado(output: "ishigami")?.rows.map(\.parameter) == ["x1", "x2", "x3"])
        // x1 + 2 x2: ST = 1/5, 4/5, 0.
        #expect(results.tornado(output: "linear")?.rows.map(\.parameter) == ["x2", "x1", "x3"])
        #expect(results.tornado(output: "ishigami")?.method == "sobol")
    }

    @Test func pageHasATornadoAndAScatterPerOutput() throws {
        let html = try ReportBuilder.html(folder: ReportFixtures.sweep)
        let runs = try String(contentsOfFile: ReportFixtures.sweep + "/samples.csv", encoding: .utf8)
            .split(separator: "\n").count - 1
        #expect(runs == 320)
        // ST and S1 bars for 3 parameters and 2 outputs, each with a confidence whisker (3 lines).
        #expect(html.count(element: "rect", className: "tornado-bar") == 2 * 3 * 2)
        #expect(html.count(element: "line", className: "ci") == 3 * 2 * 3 * 2)
        #expect(html.count(element: "circle", className: "point") == 2 * runs)
        #expect(html.contains("ishigami against x1") && html.contains("linear against x2"))
        #expect(html.occurrences(of: "<figcaption>") == 4)
        #expect(html.contains("<h1>Sweep ishigami-fixture</h1>"))
        #expect(html.contains("x1: x1 ~ uniform(-pi, pi)"), "the scatter's axis describes the parameter")
    }

    /// A sweep with grouped parameters (written by `SweepRunner` on the two-region test economy): one
    /// tornado row per group, and the scatter against the top group's first parameter.
    @Test func groupedSweepRanksGroups() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("report-groups-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let economy = Fixtures.path("economies/two-region")
        let sweep = directory.appendingPathComponent("sweep.yaml")
        try Data("""
            schema_version: 1
            name: grouped
            scenario:
              schema_version: 1
              name: chips
              economy: \(economy)
              horizon: {periods: 4}
              shocks:
                - {id: chips, kind: import, products: chips, magnitude: 0.6}
            design: {method: saltelli, samples: 8, seed: 2}
            parameters:
              - {path: shocks.chips.magnitude, name: cut, group: shock, distribution: uniform, lower: 0.2, upper: 1}
              - {path: shocks.chips.share, name: share, group: shock, distribution: uniform, lower: 0.5, upper: 1}
              - {path: investment.eta, name: eta, distribution: uniform, lower: 0.5, upper: 2}
            outputs:
              - {summary: cumulative_value_added_loss}
            """.utf8).write(to: sweep)
        var options = SweepRunner.Options()
        options.output = directory.appendingPathComponent("out").path
        let folder = try SweepRunner.run(sweepFile: sweep.path, options: options).folder
        let html = try ReportBuilder.html(folder: folder)
        // Two factors (the group `shock` and `eta`), S1 and ST bars each.
        #expect(html.count(element: "rect", className: "tornado-bar") == 2 * 2)
        #expect(html.contains("cumulative_value_added_loss against cut"), "the shock group is drawn against its first parameter")
    }
}
