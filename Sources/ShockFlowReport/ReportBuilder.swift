import Foundation
import Plot
import ShockFlowFormats

/// `shockflow report`: one self-contained HTML page (inline SVG and CSS, nothing fetched) of a run or a
/// sweep folder (docs/report.md). The same folder gives byte-identical HTML.
public enum ReportBuilder {
    /// What `write` produced.
    public struct Written: Sendable, Equatable {
        public var path: String
        public var kind: String
        public var bytes: Int
    }

    /// The page's HTML for the folder at `folder`.
    /// - Parameter metric: the metric of a run's map and rankings (default: the summary's headline metric).
    public static func html(folder: String, metric: String? = nil) throws -> String {
        switch try ReportSource(folder: folder) {
        case .run(let folder, let manifest):
            return RunReportPage(results: try RunResults(folder: folder, manifest: manifest, metric: metric)).html.render()
        case .sweep(let folder, let manifest):
            return SweepReportPage(results: try SweepResults(folder: folder, manifest: manifest)).html.render()
        }
    }

    /// Writes the report of `folder` to `out` (default `<folder>/report.html`) atomically: the file appears
    /// whole or not at all, and nothing is written when the folder cannot be read.
    public static func write(folder: String, out: String? = nil, metric: String? = nil) throws -> Written {
        let page = try html(folder: folder, metric: metric)
        let path = out ?? folder + "/report.html"
        let bytes = Array(page.utf8) + [10]
        try AtomicFile.write(bytes, to: path)
        let kind = if case .sweep = try ReportSource(folder: folder) { "sweep" } else { "run" }
        return Written(path: path, kind: kind, bytes: bytes.count)
    }
}
