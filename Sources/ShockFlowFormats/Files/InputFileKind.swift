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
    /// SALib's parameter file: lines of `name lower upper …` (docs/sensitivity.md); a file `sensitivity`
    /// reads as one always is, whatever else it might be read as.
    case sensitivityProblem

    public init(contentsOf url: URL) {
        var ignored = ScenarioDiagnostics(file: "")
        guard let text = ScenarioYAML.readText(of: url, diagnostics: &ignored) else {
            self = .scenario
            return
        }
        if let root = ScenarioYAML.compose(text, diagnostics: &ignored), case .mapping(let mapping) = root {
            let keys = Set(mapping.keys.compactMap { $0.scalar?.string })
            if keys.contains("scenario"), keys.contains("design") || keys.contains("parameters") {
                self = .sweep
                return
            }
            if !keys.isDisjoint(with: ScenarioSchema.root.fields.map(\.name)) {
                self = .scenario
                return
            }
        }
        // What `sensitivity` reads as a problem file is one (a one-line `a: 1 2` is also a YAML mapping).
        if (try? ProblemFileReader.read(path: url.path)) != nil || Self.looksLikeProblemFile(text) {
            self = .sensitivityProblem
            return
        }
        self = .scenario
    }

    /// The first line with fields starts with a name, not a number (a samples file is all numbers), and
    /// no line starts with a `key:` as YAML mappings do.
    static func looksLikeProblemFile(_ text: String) -> Bool {
        var firstField: Substring?
        for line in text.split(whereSeparator: \.isNewline) {
            let content = line.prefix { $0 != "#" }
            let field = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == "\u{FEFF}" }).first
            if let field, field.hasSuffix(":") || field.hasPrefix("-") && field.count == 1 { return false }
            if firstField == nil { firstField = field }
        }
        guard let firstField else { return false }
        return Double(firstField) == nil
    }
}
