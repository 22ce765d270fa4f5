import ArgumentParser
import Foundation
import ShockFlowFormats

/// Runs the command line as `ShockFlowCommand.main()` does, with ShockFlow's conventions on top:
/// - a usage error (an unknown flag, a missing value or argument, a value that is not one of the
///   choices) exits with status 2 in every subcommand, as `scripts/slurm-sweep.sh` and a team's CI
///   expect; 1 stays "the input or the check failed" (the argument parser's own status is 64);
/// - `shockflow sweep --help` (and `shockflow help sweep`) show the help of `sweep run`, the default
///   subcommand whose flags a user is looking for, instead of the list of subcommands alone.
enum CommandLineEntry {
    static let usageErrorStatus: Int32 = 2

    static func main(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        do {
            var command = try ShockFlowCommand.parseAsRoot(routingHelp(arguments))
            if let reason = SHA256.unavailableReason {
                FileHandle.standardError.write(Data("shockflow: error: \(reason)\n".utf8))
                Foundation.exit(1)
            }
            try command.run()
            ShockFlowCommand.exit()
        } catch {
            if ShockFlowCommand.exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((ShockFlowCommand.fullMessage(for: error) + "\n").utf8))
                Foundation.exit(usageErrorStatus)
            }
            ShockFlowCommand.exit(withError: error)
        }
    }

    /// Help asked of `sweep` itself goes to `sweep run`.
    static func routingHelp(_ arguments: [String]) -> [String] {
        let helpFlags: Set<String> = ["--help", "-h"]
        if arguments.count == 2, arguments[0] == "help", arguments[1] == "sweep" { return ["sweep", "run", "--help"] }
        if arguments.count >= 2, arguments[0] == "sweep", helpFlags.contains(arguments[1]) {
            return ["sweep", "run"] + arguments.dropFirst()
        }
        return arguments
    }
}
