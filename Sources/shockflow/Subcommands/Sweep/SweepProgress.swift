import Foundation
import ShockFlowEngine

/// Progress of a sweep on stderr: a bar redrawn in place on a terminal (runs done, runs/s, time
/// left), a plain line per batch otherwise, nothing with `--quiet`.
final class SweepProgress: @unchecked Sendable {
    private let quiet: Bool
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private let started = Date()
    private var resumed = 0
    private var drewBar = false

    init(quiet: Bool) {
        self.quiet = quiet
    }

    func show(_ event: SweepRunner.Event) {
        guard !quiet else { return }
        lock.withLock {
            switch event {
            case .planned(let runs, let resumedRuns, let batches, let workers):
                resumed = resumedRuns
                let from = resumedRuns > 0 ? ", \(resumedRuns) done before (resuming)" : ""
                write("\(runs) runs in \(batches) batches on \(workers) thread\(workers == 1 ? "" : "s")\(from)\n")
            case .batch(let done, let total):
                let seconds = Date().timeIntervalSince(started)
                let rate = seconds > 0 ? Double(done - resumed) / seconds : 0
                let left = rate > 0 ? Double(total - done) / rate : 0
                let figures = "\(done)/\(total) runs, \(String(format: "%.1f", rate)) runs/s, \(Self.duration(left)) left"
                if isTerminal {
                    let width = 30
                    let filled = total == 0 ? width : width * done / total
                    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
                    write("\r[\(bar)] \(figures)\u{1B}[K")
                    drewBar = true
                } else {
                    write(figures + "\n")
                }
            }
        }
    }

    /// Ends the bar's line so that what follows starts on a new one.
    func finish() {
        lock.withLock {
            if drewBar { write("\n") }
            drewBar = false
        }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    private static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 60 ? "\(whole / 60)m\(String(format: "%02d", whole % 60))s" : "\(whole)s"
    }
}
