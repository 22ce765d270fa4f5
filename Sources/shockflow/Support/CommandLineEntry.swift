import ArgumentParser
import Foundation

/// Runs the command line as `ShockFlowCommand.main()` does, except that `compare` and `sweep` report the
/// argument parser's usage errors (an unknown flag, a missing value or argument) with exit status 2, the
/// status docs/compare.md and docs/sweep-format.md promise, so a regression check in CI can tell them
/// from status 1 (values outside tolerance, a failed sweep). Other commands keep the parser's status 64.
enum CommandLineEntry {
    static func main(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        do {
            var command = try ShockFlowCommand.parseAsRoot(arguments)
            try command.run()
            ShockFlowCommand.exit()
        } catch {
            if ShockFlowCommand.exitCode(for: error) == .validationFailure, ["compare", "sweep"].contains(arguments.first) {
                FileHandle.standardError.write(Data((ShockFlowCommand.fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            ShockFlowCommand.exit(withError: error)
        }
    }
}
