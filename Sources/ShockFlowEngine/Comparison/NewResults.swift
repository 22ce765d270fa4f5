import ShockFlowFormats

/// Results that a later version of `shockflow run` adds (prices: docs/prices.md): a run made before
/// they existed lacks them, and `compare` lists them as new instead of counting them as differences.
enum NewResults {
    /// The tables only some runs have.
    static let optionalTables: [ResultsLevel] = [.prices, .priceIndices]

    /// A note per table that the first run (a folder) lacks and a later folder has.
    static func fileNotes(_ runs: [ComparedRun]) -> [String] {
        let folders = runs.map { PathKind($0.argument) == .directory ? $0.argument : nil }
        guard let first = folders.first, let first else { return [] }
        return optionalTables.compactMap { level in
            guard PathKind(first + "/" + level.fileName) == .missing else { return nil }
            let having = runs.indices.dropFirst().filter { index in
                folders[index].map { PathKind($0 + "/" + level.fileName) == .file } ?? false
            }
            guard !having.isEmpty else { return nil }
            return "\(level.fileName) is new in \(having.map { runs[$0].label }.joined(separator: ", ")): "
                + "\(runs[0].label) was made before it existed; not compared"
        }
    }

    /// A note listing the metrics the first run has no row of.
    static func metricNote(_ metrics: [String], firstLabel: String) -> [String] {
        guard !metrics.isEmpty else { return [] }
        return [
            "new in the later runs (\(firstLabel) has none of their rows, made before they existed), listed, not compared: "
                + metrics.joined(separator: ", ")
        ]
    }
}
