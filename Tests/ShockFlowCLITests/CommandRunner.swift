import Foundation
import Testing

/// Runs the built `shockflow` binary as a user would and captures what it prints.
struct CommandResult {
    var exitCode: Int32
    var standardOutput: String
    var standardError: String
}

enum CommandRunner {
    /// The folder holding the test bundle, where SwiftPM also puts the `shockflow` executable.
    static var productsDirectory: URL {
        let bundle = Bundle.main.bundleURL
        return bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
    }

    static var executable: URL { productsDirectory.appendingPathComponent("shockflow") }

    /// Runs `shockflow` with the arguments; extra environment variables are added to the current ones.
    static func run(_ arguments: [String], environment extra: [String: String] = [:], in directory: URL? = nil) throws
        -> CommandResult
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
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("shockflow-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Golden snapshots in the style of swift-argument-parser: compares text with a committed file;
/// when the file is missing or `RECORD_SNAPSHOTS=1` is set, writes it and fails with "recorded new baseline".
enum Snapshot {
    static func assertMatches(_ actual: String, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
            .appendingPathComponent("Snapshots").appendingPathComponent(name)
        let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
        guard !recording, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded new baseline for \(name); check it and run again", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "output differs from snapshot \(name)", sourceLocation: sourceLocation)
    }
}
