import Testing
@testable import ShockFlowEngine

/// The rate and time left of a sweep count only the runs executed since planning ended.
@Suite struct SweepRateTests {
    /// The case the estimate got wrong: 40,960 runs planned in 38 s, then run at 1,600 runs/s. Counting
    /// from the process start, the first batch (64 runs, 0.04 s after planning) gave 1.7 runs/s and
    /// about 6.7 hours left; counted from the end of planning, 1,600 runs/s and 25 s left.
    @Test func aSlowPlanningDoesNotInflateTheTimeLeft() {
        let rate = SweepRate(finishedRuns: 64, totalRuns: 40_960, resumedRuns: 0, seconds: 0.04)
        #expect(rate.runsPerSecond == 1_600)
        #expect(rate.secondsLeft == (40_960.0 - 64) / 1_600)
        #expect(rate.description == "64/40960 runs, 1600.0 runs/s, 26s left")
    }

    /// Runs read back from a checkpoint took no time now: 500 resumed, 100 executed in 10 s.
    @Test func resumedRunsDoNotCount() {
        let rate = SweepRate(finishedRuns: 600, totalRuns: 1_000, resumedRuns: 500, seconds: 10)
        #expect(rate.runsPerSecond == 10)
        #expect(rate.secondsLeft == 40)
        #expect(rate.description == "600/1000 runs, 10.0 runs/s, 40s left")
    }

    @Test func unknownUntilARunFinishes() {
        #expect(SweepRate(finishedRuns: 0, totalRuns: 10, resumedRuns: 0, seconds: 3).secondsLeft == nil)
        #expect(SweepRate(finishedRuns: 5, totalRuns: 10, resumedRuns: 5, seconds: 3).description
            == "5/10 runs, 0.0 runs/s, time left not known yet")
    }

    @Test func durations() {
        #expect(SweepRate.duration(42.4) == "42s")
        #expect(SweepRate.duration(365) == "6m05s")
        #expect(SweepRate.duration(7_380) == "2h03m")
    }
}
