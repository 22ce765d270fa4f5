import Foundation
import Testing

/// Every `--help` page of the command tree, each compared with its committed snapshot
/// `Snapshots/help/<command path>.txt` (`shockflow.txt`, `shockflow-economy-analyze.txt`, …). The tree is
/// read from the binary itself (argument-parser's `--experimental-dump-help`), so a new subcommand gets a
/// snapshot too, and a snapshot whose command is gone fails the test. After an intended change of the
/// help texts, re-record with `RECORD_SNAPSHOTS=1 swift test --skip-build --filter ShockFlowCLITests`
/// (the stale snapshots are deleted then too) and review `git diff Tests/ShockFlowCLITests/Snapshots`.
@Suite struct HelpSnapshotTests {
    /// argument-parser wraps help at the terminal width, which COLUMNS overrides: fixed, so the pages do
    /// not depend on the terminal the tests run in.
    static let environment = ["COLUMNS": "80", "LINES": "25"]

    /// Every command path below the root (the root itself is []), depth first, from the JSON that
    /// `--experimental-dump-help` prints: `{"command": {"commandName": …, "subcommands": [ … ]}}`.
    static func commandPaths(fromDumpHelp json: Data) throws -> [[String]] {
        guard let top = try JSONSerialization.jsonObject(with: json) as? [String: Any],
            let root = top["command"] as? [String: Any]
        else { throw CocoaError(.propertyListReadCorrupt) }
        func walk(_ command: [String: Any], _ path: [String]) -> [[String]] {
            let subcommands = command["subcommands"] as? [[String: Any]] ?? []
            return [path] + subcommands.flatMap { sub in walk(sub, path + [sub["commandName"] as? String ?? "?"]) }
        }
        return walk(root, [])
    }

    @Test func everyHelpPageMatchesItsSnapshot() throws {
        let dump = try CommandRunner.run(["--experimental-dump-help"])
        #expect(dump.exitCode == 0, "\(dump.standardError)")
        // argument-parser's own `help` subcommand prints the root's page: not a page of its own.
        let paths = try Self.commandPaths(fromDumpHelp: Data(dump.standardOutput.utf8)).filter { $0 != ["help"] }
        var seen: [String] = []
        for path in paths {
            let result = try CommandRunner.run(path + ["--help"], environment: Self.environment)
            let name = (["shockflow"] + path).joined(separator: "-") + ".txt"
            #expect(result.exitCode == 0, "\(name): \(result.standardError)")
            #expect(result.standardError.isEmpty, "\(name): \(result.standardError)")
            Snapshot.assertMatches(result.standardOutput, named: "help/" + name)
            seen.append(name)
        }
        let nested = ["shockflow-economy-analyze.txt", "shockflow-sweep-merge.txt", "shockflow-sensitivity-sample.txt"]
        #expect(Set(nested).isSubset(of: seen), "the walk missed nested subcommands: it found \(seen)")
        let folder = Snapshot.folder().appendingPathComponent("help")
        let committed = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for stale in Set(committed).subtracting(seen).sorted() {
            if Snapshot.isRecording {
                try FileManager.default.removeItem(at: folder.appendingPathComponent(stale))
            } else {
                Issue.record(
                    "Snapshots/help/\(stale) is the help of no command any more: delete it (or re-record: \(Snapshot.recordCommand))")
            }
        }
    }

    /// The walk reads the tree as argument-parser dumps it, nested subcommands included.
    @Test func commandPathsAreReadFromTheDump() throws {
        let json = """
            {"serializationVersion": 0, "command": {"commandName": "shockflow", "subcommands": [
              {"commandName": "info"},
              {"commandName": "sweep", "subcommands": [{"commandName": "run"}, {"commandName": "merge"}]}]}}
            """
        #expect(try Self.commandPaths(fromDumpHelp: Data(json.utf8)) == [[], ["info"], ["sweep"], ["sweep", "run"], ["sweep", "merge"]])
    }
}
