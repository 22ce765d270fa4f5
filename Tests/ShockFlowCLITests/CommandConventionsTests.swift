import Foundation
import Testing
import ShockFlowTestSupport

/// Conventions every subcommand keeps: a usage error exits 2 with the parser's message and usage, and
/// `--help` exits 0. The subcommands are found by walking `--help`, so a new one is covered too.
@Suite struct CommandConventionsTests {
    /// Every command path: `["economy", "check"]`, …, the groups themselves included.
    static func commandPaths(_ path: [String] = []) throws -> [[String]] {
        let help = try CommandRunner.run(path + ["--help"])
        guard let block = help.standardOutput.components(separatedBy: "SUBCOMMANDS:").dropFirst().first else { return [path] }
        let names = block.split(separator: "\n").compactMap { line in
            line.wholeMatch(of: #/\s\s([a-z]+)(\s\(default\))?\s{2,}\S.*/#).map { String($0.output.1) }
        }
        return [path] + (try names.filter { $0 != "help" }.flatMap { try commandPaths(path + [$0]) })
    }

    @Test func usageErrorsExitWithStatus2Everywhere() throws {
        let paths = try Self.commandPaths().filter { !$0.isEmpty }
        #expect(paths.count >= 14, "\(paths)")
        for path in paths {
            let result = try CommandRunner.run(path + ["--no-such-flag"])
            let command = "shockflow \(path.joined(separator: " ")) --no-such-flag"
            #expect(result.exitCode == 2, "\(command): status \(result.exitCode)")
            // The parser names the first problem (an unknown option, or a missing argument before it) and the usage.
            #expect(result.standardError.hasPrefix("Error: "), "\(command): \(result.standardError)")
            #expect(result.standardError.contains("Usage: shockflow \(path.joined(separator: " "))"), "\(command): \(result.standardError)")
            #expect(result.standardOutput.isEmpty, "\(command)")
            let help = try CommandRunner.run(path + ["--help"])
            #expect(help.exitCode == 0 && help.standardOutput.hasPrefix("OVERVIEW:"), "shockflow \(path.joined(separator: " ")) --help")
        }
    }

    /// `sweep --help` shows the flags of `sweep run`, the default subcommand, and points to `sweep merge`.
    @Test func sweepHelpShowsTheRunFlags() throws {
        for arguments in [["sweep", "--help"], ["sweep", "-h"], ["help", "sweep"]] {
            let help = try CommandRunner.run(arguments)
            #expect(help.exitCode == 0)
            for flag in ["--workers", "--batch", "--shard", "--resume", "--progress", "--quiet", "--skip-checks"] {
                #expect(help.standardOutput.contains(flag), "\(arguments): \(flag)")
            }
            #expect(help.standardOutput.contains("shockflow sweep merge"), "\(arguments)")
        }
    }

    /// `compare --help` shows its two runs as required arguments.
    @Test func compareHelpShowsTwoRequiredRuns() throws {
        let help = try CommandRunner.run(["compare", "--help"])
        #expect(help.standardOutput.contains("USAGE: shockflow compare [<options>] <reference> <compared> [<more> ...]"), "\(help.standardOutput)")
    }

    /// Commands that print what they did are silent with --quiet.
    @Test func analyzeSaysWhatItWroteAndIsQuietWhenAsked() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let economy = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../ShockFlowFormatsTests/Fixtures/economies/two-region").standardizedFileURL.path
        let out = folder.appendingPathComponent("analysis").path
        let said = try CommandRunner.run(["economy", "analyze", economy, "--out", out])
        #expect(said.exitCode == 0, "\(said.standardError)")
        #expect(said.standardOutput == "wrote output.csv, multipliers.csv, manifest.json to \(out)\n")
        let quiet = try CommandRunner.run(["economy", "analyze", economy, "--out", out, "--matrices", "--quiet"])
        #expect(quiet.exitCode == 0 && quiet.standardOutput.isEmpty, "\(quiet.standardError)")
        #expect(FileManager.default.fileExists(atPath: out + "/G.csv"))
    }

    /// An OpenSSL configuration that leaves out SHA-256 (only OpenSSL's `null` provider) is an
    /// environment ShockFlow cannot hash inputs in: a clear error and status 1 before anything runs,
    /// not a crash, and no results folder.
    @Test func libcryptoWithoutSHA256IsAClearError() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let configuration = folder.appendingPathComponent("openssl.cnf")
        try "openssl_conf = openssl_init\n[openssl_init]\nproviders = provider_sect\n[provider_sect]\nnull = null_sect\n[null_sect]\nactivate = 1\n"
            .write(to: configuration, atomically: true, encoding: .utf8)
        let scenario = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../scenarios/validation/chip-imports-stop.yaml").standardizedFileURL.path
        let out = folder.appendingPathComponent("run").path
        let result = try CommandRunner.run(["run", scenario, "--out", out], environment: ["OPENSSL_CONF": configuration.path])
        #expect(result.exitCode == 1)
        #expect(result.standardError.contains("shockflow: error: libcrypto (OpenSSL) offers no SHA-256"), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
