import Foundation

/// One run of the built `shockflow` in a fuzz case: how it ended and what it printed on stderr.
struct FuzzOutcome: Sendable {
    enum Ending: Equatable, Sendable {
        case exited(Int32)
        /// Ended by a signal it did not handle (a crash: a trap, a failed allocation), or by `killedAfter`.
        case signal(Int32)
        /// Still running at the timeout (then killed).
        case timedOut
    }

    var arguments: [String]
    var ending: Ending
    var standardError: String
    /// The start of standard output (`economy check` reports failed checks there).
    var standardOutput = ""

    var succeeded: Bool { ending == .exited(0) }
}

/// Runs the binary with a timeout; output goes to files (no pipe can fill up), stderr is kept.
enum FuzzProcess {
    /// - Parameter killAfter: send SIGKILL after this many seconds (a run killed mid-write).
    static func run(_ arguments: [String], in directory: URL, timeout: TimeInterval, killAfter: TimeInterval? = nil) throws
        -> FuzzOutcome
    {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let errorFile = directory.appendingPathComponent(".stderr-\(UUID().uuidString)")
        let outputFile = directory.appendingPathComponent(".stdout-\(UUID().uuidString)")
        for file in [errorFile, outputFile] where !FileManager.default.createFile(atPath: file.path, contents: nil) {
            throw FuzzSetupError(message: "cannot create \(file.path)")
        }
        let errorHandle = try FileHandle(forWritingTo: errorFile), outputHandle = try FileHandle(forWritingTo: outputFile)
        defer {
            try? errorHandle.close()
            try? outputHandle.close()
            try? FileManager.default.removeItem(at: errorFile)
            try? FileManager.default.removeItem(at: outputFile)
        }
        process.standardOutput = outputHandle
        process.standardError = errorHandle
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if let killAfter, finished.wait(timeout: .now() + killAfter) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
            return FuzzOutcome(arguments: arguments, ending: .signal(SIGKILL), standardError: "")
        }
        var timedOut = false
        if killAfter == nil, finished.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
        }
        let standardError = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        let standardOutput = String(decoding: ((try? Data(contentsOf: outputFile)) ?? Data()).prefix(4096), as: UTF8.self)
        let ending: FuzzOutcome.Ending
        if timedOut {
            ending = .timedOut
        } else if process.terminationReason == .uncaughtSignal {
            ending = .signal(process.terminationStatus)
        } else {
            ending = .exited(process.terminationStatus)
        }
        return FuzzOutcome(arguments: arguments, ending: ending, standardError: standardError, standardOutput: standardOutput)
    }
}
