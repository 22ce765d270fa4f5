import Foundation
import Testing

/// Every `--help` page of the command tree, each compared with its committed snapshot
/// `Snapshots/help/<command path>.txt` (`shockflow.txt`, `shockflow-economy-analyze.txt`, …). The tree is
/// walked from the binary's own SUBCOMMANDS lists, so a new subcommand gets a snapshot too, and a
/// snapshot whose command is gone fails the test. After an intended change of the help texts, re-record
/// with `RECORD_SNAPSHOTS=1 swift test --skip-build --filter ShockFlowCLITests` (the stale snapshots are
/// deleted then too) and review `git diff Tests/ShockFlowCLITests/Snapshots`.
@Suite struct HelpSnapshotTests {
    /// argument-parser wraps help at the terminal width, which COLUMNS overrides: fixed, so the pages do
    /// not depend on the terminal the tests run in.
    static let environment = ["COLUMNS": "80", "LINES": "25"]

    /// The subcommand names listed under SUBCOMMANDS: (a default one is marked `(default)`).
    static func subcommands(inHelp text: String) -> [String] {
        let lines = text.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: "SUBCOMMANDS:") else { return [] }
        var names: [String] = []
        for line in lines[(start + 1)...] {
            if line.isEmpty { break }
            // An entry starts two spaces in; its wrapped abstract is indented further.
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first else { continue }
            names.append(String(name))
        }
        return names
    }

    @Test func everyHelpPageMatchesItsSnapshot() throws {
        var queue: [[String]] = [[]], seen: [String] = []
        while !queue.isEmpty {
            let path = queue.removeFirst()
            let result = try CommandRunner.run(path + ["--help"], environment: Self.environment)
            let name = (["shockflow"] + path).joined(separator: "-") + ".txt"
            #expect(result.exitCode == 0, "\(name): \(result.standardError)")
            #expect(result.standardError.isEmpty, "\(name): \(result.standardError)")
            Snapshot.assertMatches(result.standardOutput, named: "help/" + name)
            seen.append(name)
            queue += Self.subcommands(inHelp: result.standardOutput).map { path + [$0] }
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

    /// The walk reads SUBCOMMANDS lists as argument-parser prints them.
    @Test func subcommandsAreReadFromTheHelpText() {
        let text = """
            USAGE: shockflow sweep <subcommand>

            SUBCOMMANDS:
              run (default)           Run a sweep file and write samples.csv, outputs.csv,
                                      sensitivity.csv and manifest.json.
              a-very-long-subcommand-name
                                      Its abstract on the next line.
              merge                   Join the folders.

              See 'shockflow help sweep <subcommand>' for detailed help.
            """
        #expect(Self.subcommands(inHelp: text) == ["run", "a-very-long-subcommand-name", "merge"])
        #expect(Self.subcommands(inHelp: "USAGE: shockflow info\n\nOPTIONS:\n  --version   Show the version.\n").isEmpty)
    }
}
