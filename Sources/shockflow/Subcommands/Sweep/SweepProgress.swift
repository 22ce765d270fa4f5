import Foundation
import ShockFlowEngine

/// Progress of a sweep on stderr. On a terminal: a bar redrawn in place, first for the planning (every
/// run's scenario checked), then for the runs (runs done, runs/s, time left). Not on a terminal: the
/// plan's line only, or with `--progress` a line every few seconds (log files on a cluster). Nothing
/// with `--quiet`. Runs per second and the time left count only the runs executed since planning
/// ended (not the planning, not the runs a checkpoint already held).
final class SweepProgress: @unchecked Sendable {  // state read and written under `lock` only
    enum Display {
        case none, bar, lines
    }

    /// Seconds between lines when not on a terminal, and between redraws of the bar.
    static let lineInterval = 5.0
    static let barInterval = 0.1

    private let display: Display
    private let quiet: Bool
    private let lock = NSLock()
    private var runsStarted = Date()
    private var lastDrawn: Date?
    private var resumed = 0
    private var drewBar = false

    init(quiet: Bool, forced: Bool, isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        display = quiet ? .none : isTerminal ? .bar : forced ? .lines : .none
        self.quiet = quiet
    }

    func show(_ event: SweepRunner.Event, at now: Date = Date()) {
        guard !quiet else { return }
        lock.withLock {
            switch event {
            case .planning(let checked, let total):
                guard due(now, last: checked == total) else { return }
                draw("planning: \(checked)/\(total) runs checked", done: checked, total: total)
            case .planned(let runs, let resumedRuns, let batches, let workers):
                resumed = resumedRuns
                runsStarted = now
                lastDrawn = nil
                endBar()
                let from = resumedRuns > 0 ? ", \(resumedRuns) done before (resuming)" : ""
                write("\(runs) runs in \(batches) batches on \(workers) thread\(workers == 1 ? "" : "s")\(from)\n")
            case .batch(let done, let total):
                guard due(now, last: done == total) else { return }
                let figures = SweepRate(finishedRuns: done, totalRuns: total, resumedRuns: resumed, seconds: now.timeIntervalSince(runsStarted))
                draw(figures.description, done: done, total: total)
            }
        }
    }

    /// Ends the bar's line so that what follows starts on a new one.
    func finish() {
        lock.withLock { endBar() }
    }

    /// Whether to draw now: always the last event of a phase, else at most one line or redraw per interval.
    private func due(_ now: Date, last: Bool) -> Bool {
        guard display != .none else { return false }
        let interval = display == .bar ? Self.barInterval : Self.lineInterval
        if !last, let lastDrawn, now.timeIntervalSince(lastDrawn) < interval { return false }
        lastDrawn = now
        return true
    }

    private func draw(_ figures: String, done: Int, total: Int) {
        switch display {
        case .bar:
            let width = 30
            let filled = total == 0 ? width : width * done / total
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            write("\r[\(bar)] \(figures)\u{1B}[K")
            drewBar = true
        case .lines:
            write(figures + "\n")
        case .none:
            break
        }
    }

    private func endBar() {
        if drewBar { write("\n") }
        drewBar = false
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
