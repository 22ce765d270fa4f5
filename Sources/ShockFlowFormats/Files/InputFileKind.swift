import Foundation
import Yams

/// What an input file is, told by its content rather than its name: `shockflow validate` checks each
/// kind with the rules of the command that reads it (`run`, `sweep`, `sensitivity`).
public enum InputFileKind: Sendable, Equatable {
    /// A scenario file (docs/scenario-format.md); also what a file that cannot be read or parsed is
    /// taken for, so that its problems are told as a scenario's.
    case scenario
    /// A sweep file: a YAML mapping with `scenario` and `design` or `parameters` (docs/sweep-format.md).
    case sweep
    /// SALib's parameter file: lines of `name lower upper …`, no `key: value` (docs/sensitivity.md).
    case sensitivityProblem

    public init(contentsOf url: URL) {
        var ignored = ScenarioDiagnostics(file: "")
        guard let text = ScenarioYAML.readText(of: url, diagnostics: &ignored) else {
            self = .scenario
            return
        }
        if Self.looksLikeProblemFile(text) {
            self = .sensitivityProblem
            return
        }
        guard let root = ScenarioYAML.compose(text, diagnostics: &ignored), case .mapping(let mapping) = root else {
            self = .scenario
            return
        }
        let keys = Set(mapping.keys.compactMap { $0.scalar?.string })
        self = keys.contains("scenario") && (keys.contains("design") || keys.contains("parameters")) ? .sweep : .scenario
    }

    /// No line has a `:` outside its comment (YAML mappings need one), and the first line with fields
    /// starts with a name, not a number (a samples file is all numbers).
    static func looksLikeProblemFile(_ text: String) -> Bool {
        var firstField: Substring?
        for line in text.split(whereSeparator: \.isNewline) {
            let content = line.prefix { $0 != "#" }
            if content.contains(":") { return false }
            if firstField == nil {
                firstField = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == "\u{FEFF}" }).first
            }
        }
        guard let firstField else { return false }
        return Double(firstField) == nil
    }
}
