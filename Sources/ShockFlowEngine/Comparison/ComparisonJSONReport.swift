import Foundation
import ShockFlowFormats
import ShockFlowModel

/// The report as JSON for programs: the same content as the text report with exact numbers
/// (differences and relatives against the first run, keyed by run label). Keys are sorted.
public enum ComparisonJSONReport {
    public static func text(_ report: ComparisonReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let data: Data
        do {
            data = try encoder.encode(Document(report))
        } catch {
            throw DataFileError.writeFailed(path: "the JSON report", reason: "\(error)")
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private struct Document: Encodable {
        struct Run: Encodable {
            var label: String
            var name: String
            var path: String
            var table: String
        }

        struct Row: Encodable {
            var key: [String: String]
            var metric: String
            var values: [String: Double?]
            var difference: [String: Double?]
            var relative: [String: Double?]
            /// A ranked summary row whose runs name different subjects: each run's (then no difference).
            var subjects: [String: String]?
        }

        struct Metric: Encodable {
            var metric: String
            var unit: String?
            var rows: Int
            var differingRows: Int
            var rowsOutsideTolerance: Int?
            var missingRows: [String: Int]
            var largestDifferences: [Row]
            var largestRelativeDifferences: [Row]
            var worstOutsideTolerance: [Row]?
        }

        /// Runs of different horizons: the periods only some have, and each run's number of periods.
        struct PeriodsLeftOut: Encodable {
            var first: Int
            var last: Int
            var periods: [String: Int]
        }

        var runs: [Run]
        var table: String
        var column: String
        var periods: String
        var periodsLeftOut: PeriodsLeftOut?
        var keyColumns: [String]
        var rows: Int
        var differingRows: Int
        var missingRows: Int
        var tolerance: [String: Double]?
        var rowsOutsideTolerance: Int?
        var verdict: String
        var metrics: [Metric]
        var rowsMissingFromARun: [Row]
        var everyRow: [Row]?
        var notes: [String]

        init(_ report: ComparisonReport) {
            let tally = report.tally
            let labels = report.runs.map(\.label)
            func row(_ row: ComparedRow) -> Row {
                let compared = labels.indices.dropFirst()
                return Row(
                    key: Dictionary(uniqueKeysWithValues: zip(report.keyColumns, row.key)), metric: row.metric,
                    values: Dictionary(uniqueKeysWithValues: zip(labels, row.values)),
                    difference: Dictionary(uniqueKeysWithValues: compared.map { (labels[$0], row.difference($0)) }),
                    relative: Dictionary(uniqueKeysWithValues: compared.map { (labels[$0], row.relative($0)) }),
                    subjects: row.subjects.map { subjects in
                        Dictionary(uniqueKeysWithValues: zip(labels, subjects).compactMap { label, subject in
                            subject.map { (label, $0) }
                        })
                    })
            }
            let checked = tally.tolerance != nil
            runs = report.runs.map { Run(label: $0.label, name: $0.name, path: $0.argument, table: $0.tablePath) }
            table = report.level.fileName
            column = report.columnName
            switch report.periods {
            case .each: periods = "each"
            case .only(let period): periods = String(period)
            case .cumulative: periods = "cumulative"
            }
            periodsLeftOut = report.sharedPeriods.map { shared in
                PeriodsLeftOut(
                    first: shared.leftOut.lowerBound, last: shared.leftOut.upperBound,
                    periods: Dictionary(zip(shared.labels, shared.periods), uniquingKeysWith: { first, _ in first }))
            }
            keyColumns = report.keyColumns
            rows = tally.rowCount
            differingRows = tally.differingRowCount
            missingRows = tally.partialRowCount
            tolerance = tally.tolerance.map { ["relative": $0.relative, "absolute": $0.absolute] }
            rowsOutsideTolerance = checked ? tally.rowsOutsideTolerance : nil
            verdict = checked
                ? (tally.agreesWithinTolerance ? "agree" : "disagree") : (tally.isIdentical ? "identical" : "different")
            metrics = tally.metrics.map { metric in
                Metric(
                    metric: metric.metric, unit: report.units[metric.metric], rows: metric.rows,
                    differingRows: metric.differingRows, rowsOutsideTolerance: checked ? metric.rowsOutsideTolerance : nil,
                    missingRows: Dictionary(uniqueKeysWithValues: zip(labels, metric.missingRows)),
                    largestDifferences: metric.largestDifferences.ranked.map { row($0.entry) },
                    largestRelativeDifferences: metric.largestRelativeDifferences.ranked.map { row($0.entry) },
                    worstOutsideTolerance: checked ? metric.worstOutsideTolerance.ranked.map { row($0.entry) } : nil)
            }
            rowsMissingFromARun = tally.partialRows.map(row)
            everyRow = report.level == .summary ? tally.everyRow.map(row) : nil
            notes = report.notes
        }
    }
}
