import Foundation

/// One fuzz case: inputs written into a fresh folder, then commands run there, and what must hold.
struct FuzzCase: Sendable {
    /// What the outcomes must satisfy, beyond no crash (no exit by a signal) and no hang (timeout).
    enum Oracle: Sendable {
        /// Every command must exit non-zero with a message: the mutation makes the input invalid.
        case refused
        /// The first command decides whether the input is valid (`validate`); the others may succeed
        /// only when it does. Failures must come with a message.
        case consistent
        /// Only no crash, no hang and a message with every failure: whether the input is still valid
        /// is not known (a random edit of a results table may give another valid table).
        case robust
        /// The command is killed with SIGKILL after `after` seconds: no output folder may be left that
        /// looks complete without being so, and the next run (the second command) cleans up and succeeds.
        case killed(after: Double)
    }

    struct Command: Sendable {
        var arguments: [String]
        /// What the command writes, relative to the case folder: it must not exist after a failure,
        /// and a folder written must hold manifest.json.
        var output: String?

        init(_ arguments: [String], output: String? = nil) {
            self.arguments = arguments
            self.output = output
        }
    }

    var name: String
    var oracle: Oracle
    var commands: [Command]
    /// Writes the case's inputs into the folder.
    var prepare: @Sendable (URL) throws -> Void
}

extension FuzzCase {
    /// The problems the outcomes show, as lines naming the case; empty when the case passes.
    func problems(_ outcomes: [FuzzOutcome], in folder: URL) -> [String] {
        var problems: [String] = []
        func report(_ outcome: FuzzOutcome, _ what: String) {
            let message = outcome.standardError.split(separator: "\n").first.map { ": \($0.prefix(300))" } ?? ""
            problems.append("\(name): shockflow \(outcome.arguments.joined(separator: " ")): \(what)\(message)")
        }
        let files = FileManager.default
        for (index, (command, outcome)) in zip(commands, outcomes).enumerated() {
            let wasKilled = index == 0 && { if case .killed = oracle { return true } else { return false } }()
            switch outcome.ending {
            case .timedOut: report(outcome, "hung (killed at the timeout)")
            case .signal(let signal) where !(wasKilled && signal == SIGKILL): report(outcome, "crashed with signal \(signal)")
            case .exited(let status) where status != 0 && outcome.standardError.isEmpty && outcome.standardOutput.isEmpty:
                report(outcome, "exit \(status) without a message")
            default: break
            }
            guard let output = command.output else { continue }
            let path = folder.appendingPathComponent(output).path
            var isDirectory: ObjCBool = false
            let exists = files.fileExists(atPath: path, isDirectory: &isDirectory)
            if !outcome.succeeded, !wasKilled, exists { report(outcome, "failed but left \(output)") }
            if exists, isDirectory.boolValue, !files.fileExists(atPath: path + "/manifest.json") {
                report(outcome, "left \(output) without manifest.json")
            }
        }
        switch oracle {
        case .refused:
            for outcome in outcomes where outcome.succeeded { report(outcome, "accepted an input it must refuse") }
        case .consistent:
            guard let validity = outcomes.first else { break }
            for outcome in outcomes.dropFirst() where outcome.succeeded && !validity.succeeded {
                report(outcome, "succeeded on an input `\(validity.arguments.prefix(2).joined(separator: " "))` refuses")
            }
        case .robust:
            break
        case .killed:
            if outcomes.count > 1, !outcomes[1].succeeded { report(outcomes[1], "the run after a killed one failed") }
            let leftovers = ((try? files.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.contains(".tmp-") }
            if outcomes.count > 1, !leftovers.isEmpty { problems.append("\(name): temporary folders left: \(leftovers)") }
        }
        return problems
    }
}
