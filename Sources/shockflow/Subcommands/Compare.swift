import ArgumentParser
import Foundation
import ShockFlowEngine
import ShockFlowFormats
import ShockFlowModel

/// `shockflow compare RUN_A RUN_B [RUN_C …]`: differences between runs side by side, ranked, or as a
/// regression check with --rtol/--atol (docs/compare.md).
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare runs: the largest differences per metric, or a regression check.",
        discussion: """
            RUN is a results folder of shockflow run or one of its CSV files. Rows are matched on their keys \
            (period, region, sector, metric); differences are against the first run; rows missing from a run \
            are listed. Runs on different economies or period lengths are refused unless --level summary; runs \
            with different horizons compare the periods they all have and say which were left out. With \
            --rtol/--atol the exit status is 0 when every value agrees (|b - a| <= atol + rtol*|a|, a from \
            the first run), 1 when any does not or a row is missing. Status 2: a run cannot be read or \
            compared, or a flag is unknown, malformed or invalid.
            """)

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case table, csv, markdown, json
    }

    @Argument(help: "The reference run: a results folder of shockflow run, or one of its CSV files.")
    var reference: String

    @Argument(help: "The run compared with the reference.")
    var compared: String

    @Argument(help: "More runs, each compared with the reference.")
    var more: [String] = []

    /// Every run, the reference first.
    private var runs: [String] { [reference, compared] + more }

    @Option(name: .customLong("metric"), help: "Compare only this metric (repeat for several).")
    var metrics: [String] = []

    @Option(help: "The table read from each results folder (default: cells); a CSV file given is read as it is.")
    var level: ResultsLevel?

    @Option(help: "The column compared (summary.csv has one, value, compared whatever this is).")
    var column: ComparedColumn = .scenario

    @Option(help: "Compare this period only.")
    var period: Int?

    @Flag(help: "Compare each key's total over the periods (shares: their mean).")
    var cumulative = false

    @Option(help: "Rows in each ranking.")
    var top = 10

    @Option(help: "Relative tolerance of a regression check.")
    var rtol: Double?

    @Option(help: "Absolute tolerance of a regression check.")
    var atol: Double?

    @Option(help: "The output: a table on the terminal, csv (every aligned row), markdown or json.")
    var format: Format = .table

    @Option(help: "Write to this file (atomically) instead of standard output.")
    var out: String?

    /// Problems with the flag values (the parser checks --level, --column and --format). Checked in `run()`,
    /// not `validate()`, so that they exit with status 2 as input errors do (and `--help` never reaches them).
    private var flagProblems: [String] {
        var problems: [String] = []
        if period != nil, cumulative { problems.append("--period and --cumulative exclude each other") }
        if let period, period < 0 { problems.append("--period must be 0 or more") }
        if top < 1 { problems.append("--top must be at least 1") }
        for (name, value) in [("--rtol", rtol), ("--atol", atol)] {
            if let value, !(value >= 0 && value.isFinite) { problems.append("\(name) must be a finite number ≥ 0") }
        }
        return problems
    }

    func run() throws {
        let problems = flagProblems
        guard problems.isEmpty else {
            for problem in problems { CommandFailure.printError(ValidationError(problem)) }
            throw ExitCode(2)
        }
        let tolerance = rtol == nil && atol == nil ? nil : ComparisonTolerance(relative: rtol ?? 0, absolute: atol ?? 0)
        let options = ComparisonOptions(
            level: level, column: column, metrics: metrics,
            periods: cumulative ? .cumulative : period.map(PeriodSelection.only) ?? .each, top: top, tolerance: tolerance)
        let report = try CommandFailure.reporting(exitCode: 2) { try compare(options) }
        if format == .csv {
            // The CSV holds rows only; what the other formats say in notes (periods left out) goes to stderr.
            for note in report.notes { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
        }
        let shownOnTerminal = format == .table && out == nil
        if !shownOnTerminal, tolerance != nil {
            let verdict = ComparisonTextReport(report, style: .terminal(colour: false)).verdictLine
            FileHandle.standardError.write(Data((verdict + "\n").utf8))
        }
        if tolerance != nil, !report.tally.agreesWithinTolerance { throw ExitCode(1) }
    }

    /// Runs the comparison and writes the output; the report comes back for the exit status.
    private func compare(_ options: ComparisonOptions) throws -> ComparisonReport {
        if format == .csv {
            guard let out else { return try RunComparison.compare(runs, options: options, fullTable: StandardOutput()) }
            let file = try AtomicFileStream(path: out)
            let report = try RunComparison.compare(runs, options: options, fullTable: file)
            try file.commit()
            return report
        }
        let report = try RunComparison.compare(runs, options: options)
        let text: String
        switch format {
        case .json: text = try ComparisonJSONReport.text(report)
        case .markdown: text = ComparisonTextReport(report, style: .markdown).text
        case .table, .csv:
            let noColour = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
            let colour = out == nil && isatty(STDOUT_FILENO) != 0 && !noColour
            text = ComparisonTextReport(report, style: .terminal(colour: colour)).text
        }
        guard let out else {
            print(text, terminator: "")
            return report
        }
        try AtomicFileStream.requireReplaceable(out)
        try AtomicFile.write(text, to: out)
        return report
    }
}
