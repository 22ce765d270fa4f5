import Foundation

/// How fast a sweep goes and how long it has left, from the runs executed since planning ended: the
/// planning and the runs a checkpoint already held do not count, so the estimate does not start
/// inflated by a long planning or a resumed share.
public struct SweepRate: Sendable, CustomStringConvertible {
    public var finishedRuns: Int
    public var totalRuns: Int
    public var resumedRuns: Int
    /// Since the runs began (the end of planning).
    public var seconds: Double

    public init(finishedRuns: Int, totalRuns: Int, resumedRuns: Int, seconds: Double) {
        self.finishedRuns = finishedRuns
        self.totalRuns = totalRuns
        self.resumedRuns = resumedRuns
        self.seconds = seconds
    }

    /// Runs executed per second; 0 until one has finished.
    public var runsPerSecond: Double {
        let executed = finishedRuns - resumedRuns
        return seconds > 0 && executed > 0 ? Double(executed) / seconds : 0
    }

    /// Seconds left at that rate; nil until it is known.
    public var secondsLeft: Double? {
        runsPerSecond > 0 ? Double(totalRuns - finishedRuns) / runsPerSecond : nil
    }

    /// "done/total runs, R runs/s, T left".
    public var description: String {
        let left = secondsLeft.map { Self.duration($0) + " left" } ?? "time left not known yet"
        return "\(finishedRuns)/\(totalRuns) runs, \(String(format: "%.1f", runsPerSecond)) runs/s, \(left)"
    }

    /// "42s", "6m05s", "2h03m".
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        if whole >= 3600 { return "\(whole / 3600)h" + twoDigits(whole % 3600 / 60) + "m" }
        return whole >= 60 ? "\(whole / 60)m" + twoDigits(whole % 60) + "s" : "\(whole)s"
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
