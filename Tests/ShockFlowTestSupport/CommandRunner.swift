import Foundation
import Testing

/// What the built `shockflow` binary printed and how it exited.
public struct CommandResult: Sendable {
    public var exitCode: Int32
    public var standardOutput: String
    public var standardError: String

    public init(exitCode: Int32, standardOutput: String, standardError: String) {
        self.exitCode = exitCode
        self.standardOutput = standardOutput
        self.standardError = standardError
    }
}

/// Runs the built `shockflow` binary as a user would and captures what it prints.
public enum CommandRunner {
    /// The folder holding the test bundle, where SwiftPM also puts the `shockflow` executable.
    public static var productsDirectory: URL {
        let bundle = Bundle.main.bundleURL
        return bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
    }

    public static var executable: URL { productsDirectory.appendingPathComponent("shockflow") }

    /// Runs `shockflow` with the arguments; extra environment variables are added to the current ones.
    public static func run(_ arguments: [String], environment extra: [String: String] = [:], in directory: URL? = nil)
        throws -> CommandResult
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(extra) { _, new in new }
        if let directory { process.currentDirectoryURL = directory }
        let outputPipe = Pipe(), errorPipe = Pipe()
        process.standardOutput = outputPipe
        process.standardError = errorPipe
        try process.run()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errorData = Data()
        group.enter()
        DispatchQueue.global().async {
            errorData = errorPipe.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = outputPipe.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return CommandResult(
            exitCode: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }

    /// A fresh temporary directory, removed by the caller.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("shockflow-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Golden snapshots in the style of swift-argument-parser: compares text with a committed file in the
/// `Snapshots` folder beside the calling test file (`name` may contain subfolders, e.g. `help/x.txt`).
/// When the file is missing or `RECORD_SNAPSHOTS=1` is set, it writes the file and fails with
/// "recorded new baseline"; when the text differs, the failure names the first differing line and the
/// command that re-records every snapshot.
public enum Snapshot {
    /// How to re-record after an intended change (then review `git diff` of the Snapshots folder).
    public static let recordCommand = "RECORD_SNAPSHOTS=1 swift test --skip-build --filter ShockFlowCLITests"

    /// True when this test run records snapshots instead of comparing with them.
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

    /// The snapshot folder beside the test file `filePath`.
    public static func folder(filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    }

    public static func assertMatches(
        _ actual: String, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let url = folder(filePath: filePath).appendingPathComponent(name)
        guard !isRecording, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try actual.write(to: url, atomically: true, encoding: .utf8)
                Issue.record("recorded new baseline for \(name); check it and run again", sourceLocation: sourceLocation)
            } catch {
                Issue.record("could not record the snapshot \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard actual != expected else { return }
        let (actualLines, expectedLines) = (actual.components(separatedBy: "\n"), expected.components(separatedBy: "\n"))
        let common = min(actualLines.count, expectedLines.count)
        let line = (0..<common).first { actualLines[$0] != expectedLines[$0] } ?? common
        let shown = { (lines: [String]) in line < lines.count ? "\"\(lines[line])\"" : "(end of text)" }
        Issue.record(
            """
            output differs from snapshot \(name) at line \(line + 1):
              now:      \(shown(actualLines))
              snapshot: \(shown(expectedLines))
            If the change is intended, re-record with `\(recordCommand)` and review `git diff` of \
            \(url.deletingLastPathComponent().path).
            """,
            sourceLocation: sourceLocation)
    }
}
