import Foundation
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
}
