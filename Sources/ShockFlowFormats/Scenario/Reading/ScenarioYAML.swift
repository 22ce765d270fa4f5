import Foundation
import Yams

/// Reads a scenario file's text and YAML tree defensively: size limit before reading, UTF-8 only,
/// no aliases (a "billion laughs" file is refused before Yams composes it), syntax errors with the
/// line and column libyaml reports.
enum ScenarioYAML {
    /// Scenario and series files above this size are refused unread.
    static let maximumFileSize = 10 * 1024 * 1024

    /// The file's text, or a problem naming why it cannot be read.
    static func readText(of url: URL, diagnostics: inout ScenarioDiagnostics) -> String? {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            diagnostics.report("no such file", at: .root)
            return nil
        }
        guard !isDirectory.boolValue else {
            diagnostics.report("is a folder, not a scenario file", at: .root)
            return nil
        }
        let size = (try? fileManager.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maximumFileSize else {
            diagnostics.report("the file is \(megabytes(size)); scenario files are limited to \(megabytes(maximumFileSize))", at: .root)
            return nil
        }
        guard let data = try? Data(contentsOf: url) else {
            diagnostics.report("cannot be read (check its permissions)", at: .root)
            return nil
        }
        guard data.count <= maximumFileSize else {
            diagnostics.report("the file is larger than \(megabytes(maximumFileSize)), the limit for scenario files", at: .root)
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.report("is not UTF-8 text", at: .root)
            return nil
        }
        return text
    }

    /// The root node of a single-document YAML text, or nil with the problem reported.
    static func compose(_ text: String, diagnostics: inout ScenarioDiagnostics) -> Node? {
        if let alias = AliasGuard.firstExpandingAlias(in: text) {
            diagnostics.report(
                "YAML aliases (`*\(alias.name)`) are not allowed in scenario files: an alias can make a small file expand "
                    + "without bound. Write the value out in full.", at: .root, location: alias.location)
            return nil
        }
        do {
            guard let root = try Yams.compose(yaml: text) else {
                diagnostics.report("the file is empty: a scenario needs at least `schema_version` and `name`", at: .root)
                return nil
            }
            return root
        } catch let error as YamlError {
            report(error, diagnostics: &diagnostics)
        } catch {
            diagnostics.report("cannot be read as YAML: \(error)", at: .root)
        }
        return nil
    }

    private static func report(_ error: YamlError, diagnostics: inout ScenarioDiagnostics) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = "YAML syntax error: \(problem)"
            if let context { message += " (\(context.text) at \(context.mark.line):\(context.mark.column))" }
            if context?.text == "while scanning an alias" {
                message += "; to select everything write \"*\" in quotes"
            } else if problem == "found undefined alias" {
                message += "; aliases are not allowed in scenario files"
            }
            diagnostics.report(message, at: .root, location: TextLocation(line: mark.line, column: mark.column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "`\($0)`" }.joinedAsAlternatives()
            diagnostics.report(
                "the key \(keys) is written more than once in the same mapping", at: .root,
                location: TextLocation(line: context.mark.line, column: context.mark.column))
        default:
            diagnostics.report("cannot be read as YAML: \(error)", at: .root)
        }
    }

    private static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }
}

/// Finds YAML aliases before the YAML is composed. An alias needs an anchor of the same name, and
/// libyaml starts both only where a token starts (after white space, a flow indicator or `:`), with
/// names of letters, digits, `_` and `-`. Scanning for such `&name` and `*name` pairs without regard
/// to quoting or comments finds every real alias; text that merely looks like one (" &x" and " *x"
/// with the same x) is refused too, which costs nothing in a scenario file.
enum AliasGuard {
    struct Alias {
        var name: String
        var location: TextLocation
    }

    static func firstExpandingAlias(in text: String) -> Alias? {
        var anchors = Set<String>()
        var aliases: [Alias] = []
        var line = 1, column = 0
        var previous: Unicode.Scalar? = nil
        var token: (indicator: Unicode.Scalar, name: String, location: TextLocation)? = nil

        func finish() {
            guard let current = token else { return }
            token = nil
            guard !current.name.isEmpty else { return }
            if current.indicator == "&" {
                anchors.insert(current.name)
            } else {
                aliases.append(Alias(name: current.name, location: current.location))
            }
        }

        for scalar in text.unicodeScalars {
            column += 1
            if token != nil {
                if isNameCharacter(scalar) {
                    token?.name.unicodeScalars.append(scalar)
                } else {
                    finish()
                }
            }
            if token == nil, scalar == "&" || scalar == "*", previous.map(isTokenBoundary) ?? true {
                token = (scalar, "", TextLocation(line: line, column: column))
            }
            if scalar == "\n" {
                line += 1
                column = 0
            }
            previous = scalar
        }
        finish()
        return aliases.first { anchors.contains($0.name) }
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-")
    }

    private static func isTokenBoundary(_ scalar: Unicode.Scalar) -> Bool {
        " \t\r\n[{,:\u{FEFF}".unicodeScalars.contains(scalar)
    }
}
