import ShockFlowModel
import Testing

/// The pure parts of `shockflow compare`: tolerances as numpy.isclose, rankings against a full sort,
/// alignment of keyed rows, the tally's counts and verdicts, and totals over periods.
@Suite struct ComparisonTests {
    /// The examples of numpy.isclose's documentation (defaults rtol 1e-5, atol 1e-8), isclose(a, b) with b
    /// the reference: [1e10, 1e-7] vs [1.00001e10, 1e-8] → [True, False]; [1e10, 1e-8] vs [1.0001e10, 1e-9]
    /// → [False, True]; [1e-8, 1e-7] vs 0 → [True, False]; with atol 0, [1e-100, 1e-7] vs 0 → [False, False]
    /// and [1e-10, 1e-10] vs [1e-20, 0.999999e-10] → [False, True].
    @Test func toleranceIsNumpyIsclose() {
        let numpyDefaults = ComparisonTolerance(relative: 1e-5, absolute: 1e-8)
        let noAbsolute = ComparisonTolerance(relative: 1e-5, absolute: 0)
        #expect(numpyDefaults.agrees(1e10, reference: 1.00001e10))
        #expect(!numpyDefaults.agrees(1e-7, reference: 1e-8))
        #expect(!numpyDefaults.agrees(1e10, reference: 1.0001e10))
        #expect(numpyDefaults.agrees(1e-8, reference: 1e-9))
        #expect(numpyDefaults.agrees(1e-8, reference: 0))
        #expect(!numpyDefaults.agrees(1e-7, reference: 0))
        #expect(!noAbsolute.agrees(1e-100, reference: 0))
        #expect(!noAbsolute.agrees(1e-7, reference: 0))
        #expect(!noAbsolute.agrees(1e-10, reference: 1e-20))
        #expect(noAbsolute.agrees(1e-10, reference: 0.999999e-10))
        // The boundary belongs to the tolerance (≤): 1.5 is 0.5 = 0.25 + 0.25·1 from 1.
        #expect(ComparisonTolerance(relative: 0.25, absolute: 0.25).agrees(1.5, reference: 1))
        #expect(!ComparisonTolerance(relative: 0.25, absolute: 0.25).agrees(1.5000001, reference: 1))
        // Relative to the reference, not to the compared value: not symmetric.
        #expect(ComparisonTolerance(relative: 0.5).agrees(3, reference: 2))
        #expect(!ComparisonTolerance(relative: 0.5).agrees(2, reference: 4.5))
    }

    /// A ranked list of capacity k keeps exactly the first k of a full sort (score descending, earlier
    /// rows first on ties), on random streams with many ties.
    @Test func rankedListKeepsTheTopOfAFullSort() {
        var generator = PCG64(seed: 42)
        for capacity in [1, 3, 10] {
            let scores = (0..<500).map { _ in Double(Int.random(in: 0..<40, using: &generator)) }
            var list = RankedList<Int>(capacity: capacity)
            for (order, score) in scores.enumerated() { list.offer(score: score, order: order) { order } }
            let expected = scores.indices.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
            #expect(list.ranked.map(\.entry) == Array(expected.prefix(capacity)))
            #expect(list.ranked.map(\.score) == expected.prefix(capacity).map { scores[$0] })
        }
    }

    /// Entries that do not rank are never built.
    @Test func rankedListBuildsOnlyKeptEntries() {
        var list = RankedList<String>(capacity: 2)
        var built = 0
        for (order, score) in [5.0, 4, 3, 2, 1].enumerated() {
            list.offer(score: score, order: order) {
                built += 1
                return "row \(order)"
            }
        }
        #expect(built == 2)
        #expect(list.ranked.map(\.entry) == ["row 0", "row 1"])
    }

    /// Keys in the first run's order, then the others' new keys in their order; nil where a run lacks a key.
    @Test func alignmentFollowsTheFirstRunThenTheOthers() throws {
        let alignment = try RowAlignment([["a", "b", "c"], ["c", "x", "a"], ["y", "b"]])
        let rows = (0..<alignment.count).map { aligned in (0..<3).map { alignment.row(aligned, in: $0) } }
        #expect(rows == [[0, 2, nil], [1, nil, 1], [2, 0, nil], [nil, 1, nil], [nil, nil, 0]])
    }

    @Test func alignmentRefusesAKeyGivenTwice() {
        let error = #expect(throws: RowAlignment.DuplicateKey.self) { try RowAlignment([["a", "b"], ["a", "b", "a"]]) }
        #expect(error?.run == 1 && error?.row == 2 && error?.firstRow == 0)
    }

    private func row(_ label: String) -> () -> [String] { { [label] } }

    /// Identical values: nothing differs, nothing is ranked, and every tolerance agrees.
    @Test func identicalRunsHaveNoDifferences() {
        var tally = ComparisonTally(runCount: 2, top: 5, tolerance: ComparisonTolerance())
        let metric = tally.index(ofMetric: "output")
        for value in [1.0, -2, 0, 3e9] { tally.record(metric: metric, values: [value, value], key: row("r")) }
        #expect(tally.isIdentical && tally.agreesWithinTolerance)
        #expect(tally.rowCount == 4 && tally.differingRowCount == 0)
        #expect(tally.metrics[0].largestDifferences.count == 0 && tally.metrics[0].largestRelativeDifferences.count == 0)
    }

    /// One changed value among many is ranked first by both measures, with (b − a)/a as its relative.
    @Test func aSingleChangeRanksFirst() throws {
        var tally = ComparisonTally(runCount: 2, top: 3)
        let metric = tally.index(ofMetric: "value_added")
        for index in 0..<100 {
            let value = Double(index + 1)
            tally.record(metric: metric, values: [value, index == 37 ? value * 0.75 : value], key: row("cell \(index)"))
        }
        let largest = try #require(tally.metrics[0].largestDifferences.ranked.first)
        #expect(largest.entry.key == ["cell 37"])
        #expect(largest.score == 9.5)
        #expect(largest.entry.difference(1) == -9.5)
        #expect(largest.entry.relative(1) == -0.25)
        #expect(tally.metrics[0].largestRelativeDifferences.ranked.map(\.entry.key) == [["cell 37"]])
        #expect(tally.differingRowCount == 1 && !tally.isIdentical)
    }

    /// Rows a run lacks are counted per run and listed (up to the limit), and fail a regression check.
    @Test func missingRowsAreCountedAndListed() {
        var tally = ComparisonTally(runCount: 3, top: 2, tolerance: ComparisonTolerance(relative: 1), partialRowLimit: 2)
        let metric = tally.index(ofMetric: "output")
        tally.record(metric: metric, values: [1, nil, 1], key: row("a"))
        tally.record(metric: metric, values: [nil, 2, 2], key: row("b"))
        tally.record(metric: metric, values: [3, nil, nil], key: row("c"))
        tally.record(metric: metric, values: [4, 4, 4], key: row("d"))
        #expect(tally.metrics[0].missingRows == [1, 2, 1])
        #expect(tally.partialRowCount == 3 && tally.metrics[0].completeRows == 1)
        #expect(tally.partialRows.map(\.key) == [["a"], ["b"]])
        #expect(tally.partialRows[0].values == [1, nil, 1])
        #expect(!tally.agreesWithinTolerance && !tally.isIdentical && tally.differingRowCount == 0)
    }

    /// With a tolerance, rows outside it are counted and ranked; rows inside it still differ.
    @Test func toleranceVerdict() {
        var tally = ComparisonTally(runCount: 2, top: 5, tolerance: ComparisonTolerance(relative: 1e-3, absolute: 1e-6))
        let metric = tally.index(ofMetric: "output")
        tally.record(metric: metric, values: [1000, 1000.5], key: row("inside"))
        tally.record(metric: metric, values: [0, 5e-7], key: row("inside, absolute"))
        tally.record(metric: metric, values: [10, 10.02], key: row("outside"))
        tally.record(metric: metric, values: [1000, 1002], key: row("outside, larger"))
        #expect(tally.differingRowCount == 4 && tally.rowsOutsideTolerance == 2)
        #expect(!tally.agreesWithinTolerance)
        #expect(tally.metrics[0].worstOutsideTolerance.ranked.map(\.entry.key) == [["outside, larger"], ["outside"]])
        var loose = ComparisonTally(runCount: 2, top: 5, tolerance: ComparisonTolerance(relative: 0.01))
        let looseMetric = loose.index(ofMetric: "output")
        loose.record(metric: looseMetric, values: [1000, 1002], key: row("inside"))
        #expect(loose.agreesWithinTolerance && !loose.isIdentical)
    }

    /// With three runs a row ranks by its largest difference from the first; each run's difference is its own.
    @Test func threeRunsRankByTheLargestDifference() throws {
        var tally = ComparisonTally(runCount: 3, top: 2)
        let metric = tally.index(ofMetric: "output")
        tally.record(metric: metric, values: [10, 11, 10], key: row("b moved"))
        tally.record(metric: metric, values: [10, 10, 4], key: row("c moved"))
        tally.record(metric: metric, values: [0, 1, 2], key: row("from zero"))
        let ranked = tally.metrics[0].largestDifferences.ranked
        #expect(ranked.map(\.entry.key) == [["c moved"], ["from zero"]])
        #expect(ranked.map(\.score) == [6, 2])
        #expect(ranked[0].entry.difference(1) == 0 && ranked[0].entry.difference(2) == -6)
        // A first value of 0 has no relative difference.
        #expect(ranked[1].entry.relative(1) == nil)
        #expect(tally.metrics[0].largestRelativeDifferences.ranked.map(\.entry.key) == [["c moved"], ["b moved"]])
    }

    /// Flows are summed over the periods a run has the key; shares are averaged.
    @Test func periodTotalsSumFlowsAndAverageShares() {
        var totals = PeriodTotals(runCount: 2)
        totals.add(labels: ["north", "output"], metric: 0, values: [1, 2])
        totals.add(labels: ["north", "rationing"], metric: 1, values: [1, 0.5])
        totals.add(labels: ["north", "output"], metric: 0, values: [3, nil])
        totals.add(labels: ["north", "rationing"], metric: 1, values: [0.5, 0.25])
        #expect(totals.totals.map(\.labels) == [["north", "output"], ["north", "rationing"]])
        #expect(totals.totals[0].values(averaged: false) == [4, 2])
        #expect(totals.totals[1].values(averaged: true) == [0.75, 0.375])
        var lacking = PeriodTotals(runCount: 2)
        lacking.add(labels: ["x"], metric: 0, values: [1, nil])
        #expect(lacking.totals[0].values(averaged: false) == [1, nil])
    }
}
