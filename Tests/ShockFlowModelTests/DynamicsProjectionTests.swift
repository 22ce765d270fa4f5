import Foundation
import ShockFlowTestSupport
import Testing
@testable import ShockFlowModel

/// The water-filling projection of MODEL (23) against a brute-force search over every active
/// set: each cell at zero, free or at its cap, each bounded region free, at its lower or at its
/// upper bound. The projection is the nearest feasible point among all those candidates.
@Suite struct DynamicsProjectionTests {
    static let (regions, sectors) = (2, 3)

    /// One group per bounded region; the other regions' cells are free.
    static func projection(_ bounds: [ClosedRange<Double>?]) -> CappedSimplexProjection {
        let cells = { (region: Int) in Array((region * sectors)..<((region + 1) * sectors)) }
        return CappedSimplexProjection(
            groups: bounds.indices.compactMap { region in bounds[region].map { .init(cells: cells(region), bounds: $0) } },
            freeCells: bounds.indices.filter { bounds[$0] == nil }.flatMap(cells))
    }

    static func project(_ values: [Double], caps: [Double], bounds: [ClosedRange<Double>?]) -> [Double] {
        var weights = [Double](repeating: 0, count: values.count)
        values.withUnsafeBufferPointer { v in
            caps.withUnsafeBufferPointer { c in
                weights.withUnsafeMutableBufferPointer {
                    projection(bounds).project(v, caps: c, into: $0)
                }
            }
        }
        return weights
    }

    /// The nearest feasible point among the candidates of every active set.
    static func bruteForce(_ v: [Double], caps: [Double], bounds: [ClosedRange<Double>?]) -> [Double]? {
        let n = v.count
        var best: (distance: Double, weights: [Double])?
        let cellPatterns = Int(pow(3.0, Double(n)))
        for cellCode in 0..<cellPatterns {
            let status = (0..<n).map { (cellCode / Int(pow(3.0, Double($0)))) % 3 }  // 0 zero, 1 free, 2 cap
            for regionCode in 0..<9 {
                let regionStatus = (0..<regions).map { (regionCode / Int(pow(3.0, Double($0)))) % 3 }  // 0 free, 1 lower, 2 upper
                if zip(regionStatus, bounds).contains(where: { $0.0 != 0 && $0.1 == nil }) { continue }
                var levels = [Double?](repeating: nil, count: regions)
                var freeTotal = 0.0, freeCount = 0.0, fixed = 0.0
                var consistent = true
                for region in 0..<regions {
                    let cells = (region * sectors)..<((region + 1) * sectors)
                    let free = cells.filter { status[$0] == 1 }
                    let capped = cells.filter { status[$0] == 2 }.reduce(0.0) { $0 + caps[$1] }
                    if regionStatus[region] == 0 {
                        freeTotal += free.reduce(0.0) { $0 + v[$1] } + capped
                        freeCount += Double(free.count)
                    } else {
                        let target = regionStatus[region] == 1 ? bounds[region]!.lowerBound : bounds[region]!.upperBound
                        fixed += target
                        if free.isEmpty {
                            consistent = consistent && abs(capped - target) < 1e-12
                            levels[region] = 0
                        } else {
                            levels[region] = (free.reduce(0.0) { $0 + v[$1] } + capped - target) / Double(free.count)
                        }
                    }
                }
                if !consistent { continue }
                // Σ over free regions of their cells = 1 − Σ bound targets.
                let tau: Double
                if freeCount > 0 {
                    tau = (freeTotal - (1 - fixed)) / freeCount
                } else {
                    if abs(freeTotal + fixed - 1) > 1e-12 { continue }
                    tau = 0
                }
                let weights = (0..<n).map { i -> Double in
                    switch status[i] {
                    case 0: return 0
                    case 2: return caps[i]
                    default: return v[i] - (levels[i / sectors] ?? tau)
                    }
                }
                // Feasible?
                guard weights.indices.allSatisfy({ weights[$0] >= -1e-12 && weights[$0] <= caps[$0] + 1e-12 }),
                    abs(weights.reduce(0, +) - 1) < 1e-12
                else { continue }
                let regionOK = (0..<regions).allSatisfy { region in
                    guard let range = bounds[region] else { return true }
                    let total = weights[(region * sectors)..<((region + 1) * sectors)].reduce(0, +)
                    return total >= range.lowerBound - 1e-12 && total <= range.upperBound + 1e-12
                }
                if !regionOK { continue }
                let distance = zip(weights, v).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
                if best == nil || distance < best!.distance - 1e-15 { best = (distance, weights) }
            }
        }
        return best?.weights
    }

    @Test(arguments: Array(0..<40) as [UInt64]) func matchesBruteForce(seed: UInt64) throws {
        var random = PCG64(seed: 1000 + seed)
        let n = Self.regions * Self.sectors
        // v as (23) produces it: non-negative, summing to 1 (occasionally perturbed off the simplex).
        var v = (0..<n).map { _ in Double.random(in: 0..<1, using: &random) }
        let total = v.reduce(0, +)
        v = v.map { $0 / total + (seed % 4 == 3 ? Double.random(in: -0.05..<0.05, using: &random) : 0) }
        let caps = (0..<n).map { _ in Double.random(in: 0.25..<0.45, using: &random) }
        var bounds: [ClosedRange<Double>?] = [nil, nil]
        if seed % 2 == 1 {
            let lower = Double.random(in: 0.3..<0.45, using: &random)
            bounds[0] = lower...(lower + Double.random(in: 0.05..<0.1, using: &random))
        }
        if seed % 3 == 2 { bounds[1] = 0.3...0.65 }
        // Caps of 0.25–0.45 and these bounds always leave a feasible point.
        guard let expected = Self.bruteForce(v, caps: caps, bounds: bounds) else {
            Issue.record("no feasible candidate for seed \(seed)")
            return
        }
        let weights = Self.project(v, caps: caps, bounds: bounds)
        expectClose(weights, expected, relative: 1e-10, "projection, seed \(seed)")
        #expect(abs(weights.reduce(0, +) - 1) < 1e-13)
        #expect(zip(weights, caps).allSatisfy { $0 >= 0 && $0 <= $1 })
    }

    /// A point already inside the capped simplex is its own projection.
    @Test func interiorPointIsFixed() {
        let v = [0.1, 0.2, 0.15, 0.25, 0.2, 0.1]
        let weights = Self.project(v, caps: v.map { 5 * $0 }, bounds: [nil, nil])
        expectClose(weights, v, relative: 1e-15, "W")
    }

    /// One cell over its cap: the excess is spread evenly over the others (water-filling by hand).
    /// v = (0.5, 0.1, 0.1, 0.1, 0.1, 0.1), cap₀ = 0.25: W₀ = 0.25 and the others rise by 0.25/5 = 0.05.
    @Test func excessOverCapIsSpreadEvenly() {
        let weights = Self.project([0.5, 0.1, 0.1, 0.1, 0.1, 0.1], caps: [0.25, 1, 1, 1, 1, 1], bounds: [nil, nil])
        expectClose(weights, [0.25, 0.15, 0.15, 0.15, 0.15, 0.15], relative: 1e-14, "W")
    }
}
