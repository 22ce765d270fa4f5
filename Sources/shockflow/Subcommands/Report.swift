import ArgumentParser
import Foundation
import ShockFlowReport

/// `shockflow report RUN_OR_SWEEP`: one self-contained HTML page of a run or sweep folder (docs/report.md).
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write an HTML report (maps, series, flows, sensitivity) of a run or sweep folder.",
        discussion: """
            The page is self-contained (inline SVG and CSS, nothing fetched) and opens offline. A run shows \
            the map of the metric's cumulative difference from the baseline, the national and provincial \
            series, the investment-weight flow, the most affected sectors and cells, the shocks and the \
            manifest's provenance; a sweep shows tornado charts of the sensitivity indices and scatter plots. \
            Status 1: the folder is not a run or sweep, or one of its files is missing or unreadable; nothing \
            is written then.
            """)

    @Argument(help: "A results folder of shockflow run or shockflow sweep.")
    var folder: String

    @Option(help: "The HTML file to write (default: FOLDER/report.html), replaced atomically.")
    var out: String?

    @Option(help: "A run's metric for the map and rankings (default: the summary's headline metric).")
    var metric: String?

    @Flag(help: "Print nothing when the report is written.")
    var quiet = false

    func run() throws {
        let written = try CommandFailure.reporting {
            try ReportBuilder.write(folder: folder, out: out, metric: metric)
        }
        if !quiet { print("wrote the \(written.kind) report \(written.path) (\(written.bytes / 1024) KB)") }
    }
}
