import Foundation
import Testing

/// The README's Commands section and the commands' `--help` agree: every command the README shows
/// exists, every flag it shows is in that command's help, and every subcommand `shockflow --help`
/// lists is in the README.
@Suite struct ReadmeCommandsTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../README.md").standardizedFileURL

    /// The lines of the Commands section that start a command: the words after `shockflow` up to the
    /// first argument or flag, and the flags on that line and on its continuation lines.
    static func commands() throws -> [(words: [String], flags: [String])] {
        let text = try String(contentsOf: readme, encoding: .utf8)
        guard let start = text.range(of: "## Commands\n"), let end = text.range(of: "\n## ", range: start.upperBound..<text.endIndex)
        else { return [] }
        var commands: [(words: [String], flags: [String])] = []
        for line in text[start.upperBound..<end.lowerBound].split(separator: "\n") where line.hasPrefix("    ") {
            let code = line.split(separator: "#", maxSplits: 1).first.map(String.init) ?? ""
            let flags = code.matches(of: /--[a-z][a-z-]*/).map { String($0.output) }
            let tokens = code.split(separator: " ").map(String.init)
            if tokens.first == "shockflow" {
                let words = tokens.dropFirst().prefix { $0.allSatisfy { $0.isLowercase || $0 == "|" } }
                commands.append((Array(words), flags))
            } else if !commands.isEmpty {
                commands[commands.count - 1].flags += flags
            }
        }
        return commands
    }

    @Test func everyFlagTheReadmeShowsIsInTheHelp() throws {
        let commands = try Self.commands()
        #expect(commands.count >= 12)
        for (words, flags) in commands {
            for variant in words.last?.split(separator: "|").map(String.init) ?? [""] {
                let path = words.dropLast() + (variant.isEmpty ? [] : [variant])
                let help = try CommandRunner.run(Array(path) + ["--help"])
                #expect(help.exitCode == 0, "shockflow \(path.joined(separator: " ")) --help: \(help.standardError)")
                for flag in flags {
                    #expect(help.standardOutput.contains(flag), "README shows \(flag) for shockflow \(path.joined(separator: " "))")
                }
            }
        }
    }

    @Test func everySubcommandIsInTheReadme() throws {
        let help = try CommandRunner.run(["--help"])
        // Lines "  name   abstract" of the SUBCOMMANDS block (not the wrapped abstracts, not the closing "See …").
        let listed = help.standardOutput.components(separatedBy: "SUBCOMMANDS:").last?.split(separator: "\n")
            .compactMap { line in line.wholeMatch(of: #/\s\s([a-z]+)(\s\(default\))?\s{2,}\S.*/#).map { String($0.output.1) } } ?? []
        #expect(listed.count >= 9, "\(help.standardOutput)")
        let shown = Set(try Self.commands().compactMap(\.words.first))
        for subcommand in listed where subcommand != "help" {
            #expect(shown.contains(subcommand), "shockflow \(subcommand) is not in the README's Commands")
        }
    }
}
