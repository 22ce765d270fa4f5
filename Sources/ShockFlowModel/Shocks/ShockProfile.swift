import Foundation

/// How a shock's strength moves over the periods (MODEL section 4): a value in [0, 1] per period
/// that multiplies the shock's magnitude. Periods are zero-based; `end` is inclusive, nil meaning
/// to the end of the horizon. The one profile type from the scenario file to the kernels.
public enum ShockProfile: Sendable, Equatable {
    /// 1 from `start` to `end`, 0 otherwise.
    case step(start: Int, end: Int? = nil)
    /// 1/n, 2/n, … 1 over the n = `periods` periods from `start`, then 1 until `end`.
    case ramp(start: Int, periods: Int, end: Int? = nil)
    /// 1 at `start`, then halving every `halfLife` periods.
    case recovery(start: Int, halfLife: Double)
    /// One value per period of the horizon.
    case series([Double])
    /// An ARIO-style event (docs/ario.md, "The event profile"): 1 from `occurrence` to
    /// `occurrence + duration`, then the recovery function of (A17) from 1, k periods later at k − 1.
    case event(occurrence: Int, duration: Int, recovery: ARIORecovery)

    /// The profile's value in `period`.
    public func value(at period: Int) -> Double {
        switch self {
        case .step(let start, let end):
            return period >= start && period <= (end ?? .max) ? 1 : 0
        case .ramp(let start, let periods, let end):
            guard period >= start, period <= (end ?? .max) else { return 0 }
            return min(1, Double(period - start + 1) / Double(periods))
        case .recovery(let start, let halfLife):
            return period >= start ? pow(0.5, Double(period - start) / halfLife) : 0
        case .series(let values):
            return values.indices.contains(period) ? values[period] : 0
        case .event(let occurrence, let duration, let recovery):
            return Self.eventValue(at: period, occurrence: occurrence, duration: duration, recovery: recovery)
        }
    }

    /// (A32) The event profile: 0 before the occurrence o, 1 through o + d, then f(1, t − (o + d) − 1)
    /// of (A17), kept in [0, 1]: the share of a capital event's damage left on day t (A16).
    private static func eventValue(at period: Int, occurrence: Int, duration: Int, recovery: ARIORecovery) -> Double {
        guard period >= occurrence else { return 0 }
        let recovering = period - (occurrence + duration)
        guard recovering > 0 else { return 1 }
        return min(1, max(0, recovery.remaining(1, elapsed: recovering - 1)))
    }

    /// profile(t) for t = 0..<periods.
    public func values(periods: Int) -> [Double] { (0..<max(periods, 0)).map(value(at:)) }

    /// Why the profile cannot be used over `periods` periods, or nil when it can.
    func problem(periods: Int) -> (field: String, value: String, expected: String)? {
        switch self {
        case .step(let start, let end):
            return Self.windowProblem(start: start, end: end)
        case .ramp(let start, let length, let end):
            if length < 1 { return ("profile.periods", "\(length)", "at least 1 period") }
            return Self.windowProblem(start: start, end: end)
        case .recovery(let start, let halfLife):
            if !(halfLife.isFinite && halfLife > 0) { return ("profile.half_life", "\(halfLife)", "a positive number of periods") }
            return Self.windowProblem(start: start, end: nil)
        case .series(let values):
            if values.count != periods { return ("profile.series", "\(values.count) values", "\(periods) values, one per period") }
            if let bad = values.first(where: { !(0...1).contains($0) }) { return ("profile.series", "\(bad)", "values in [0, 1]") }
            return nil
        case .event(let occurrence, let duration, let recovery):
            if occurrence < 1 { return ("profile.occurrence", "\(occurrence)", "a period ≥ 1") }
            if duration < 1 { return ("profile.duration", "\(duration)", "at least 1 period") }
            if recovery.tau < 1 { return ("profile.recovery_tau", "\(recovery.tau)", "at least 1 period") }
            return nil
        }
    }

    private static func windowProblem(start: Int, end: Int?) -> (field: String, value: String, expected: String)? {
        if start < 0 { return ("profile.start", "\(start)", "a period ≥ 0") }
        if let end, end < start { return ("profile.end", "\(end)", "a period ≥ start (\(start))") }
        return nil
    }
}
