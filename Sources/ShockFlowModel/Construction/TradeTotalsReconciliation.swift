/// How the national totals of outflows and inflows of a product are made equal.
public enum TradeTotalsRule: String, Sendable, CaseIterable {
    /// Both sides move toward their mean: the smaller side is raised, the larger lowered.
    case mean
    /// The larger side is lowered to the smaller.
    case smaller
}

/// One side of a region's trade with the rest of the country.
public enum TradeSide: String, Sendable {
    case outflows, inflows
}

/// The reconciliation of one product's trade totals.
public struct ProductTradeReconciliation: Sendable, Equatable {
    /// Σ over regions of outflows and of inflows before reconciliation.
    public var outflowTotal: Double
    public var inflowTotal: Double
    /// The common total aimed at (the mean or the smaller, raised where inflows could not come down that far).
    public var target: Double
    /// The common total reached.
    public var reconciledTotal: Double
    /// The side raised (nil when nothing was raised).
    public var raisedSide: TradeSide?
    /// Regions whose raise stopped at the cap.
    public var cappedRegionCount: Int
    /// Inflows that neither other regions could ship nor the receiving region's own output could
    /// replace, booked as imports from abroad.
    public var inflowsBookedAsImports: Double
}

/// Makes total outflows equal total inflows for every product, changing each region's trade by
/// at most `shareCap` × its local supply (own output used at home):
/// - a raised outflow may not ship out more of the home supply, a raised inflow may not displace more of it;
/// - a lowered inflow must be replaced by the region's own output, so it falls by at most that much
///   (a region that makes none of the product keeps its inflow);
/// - lowered outflows leave output unsold and need no cap.
/// If the inflows cannot come down to what the outflows can reach, the rest of them is booked as
/// imports from abroad. Tables are updated in place (outflows, inflows, imports).
public func reconcileTradeTotals(
    in tables: inout [SingleRegionTable], rule: TradeTotalsRule, shareCap: Double
) -> [ProductTradeReconciliation] {
    let regions = tables.count
    let products = tables.first?.productCount ?? 0
    let supplies = tables.map { $0.localSupply(homeUse: $0.homeUse()) }
    var reports: [ProductTradeReconciliation] = []
    for p in 0..<products {
        let outflows = (0..<regions).map { tables[$0].outflows[p] }
        let inflows = (0..<regions).map { tables[$0].inflows[p] }
        let caps = (0..<regions).map { shareCap * max(0, supplies[$0][p]) }
        var result = reconcileProduct(outflows: outflows, inflows: inflows, caps: caps, rule: rule)
        for r in 0..<regions {
            tables[r].outflows[p] = result.outflows[r]
            tables[r].inflows[p] = result.inflows[r]
            tables[r].imports[p] += result.bookedAsImports[r]
        }
        result.report.inflowsBookedAsImports = result.bookedAsImports.reduce(0, +)
        reports.append(result.report)
    }
    return reports
}

private func reconcileProduct(outflows: [Double], inflows: [Double], caps: [Double], rule: TradeTotalsRule)
    -> (outflows: [Double], inflows: [Double], bookedAsImports: [Double], report: ProductTradeReconciliation)
{
    let outflowTotal = outflows.reduce(0, +), inflowTotal = inflows.reduce(0, +)
    var report = ProductTradeReconciliation(
        outflowTotal: outflowTotal, inflowTotal: inflowTotal, target: 0, reconciledTotal: 0, raisedSide: nil,
        cappedRegionCount: 0, inflowsBookedAsImports: 0)
    var booked = [Double](repeating: 0, count: inflows.count)
    guard outflowTotal <= inflowTotal else {
        // More shipped than received: raise inflows (mean rule), lower outflows to what they reach.
        report.target = rule == .mean ? (outflowTotal + inflowTotal) / 2 : inflowTotal
        var newInflows = inflows
        if rule == .mean {
            let raised = scaledUpWithCaps(inflows, addedAtMost: caps, to: report.target)
            newInflows = raised.values
            report.raisedSide = .inflows
            report.cappedRegionCount = raised.cappedCount
        }
        report.reconciledTotal = newInflows.reduce(0, +)
        return (scaled(outflows, to: report.reconciledTotal), newInflows, booked, report)
    }
    // More received than shipped: inflows come down, at most by the cap, outflows go up (mean rule).
    let floors = inflows.indices.map { max(0, inflows[$0] - caps[$0]) }
    let floorTotal = floors.reduce(0, +)
    report.target = rule == .mean ? max((outflowTotal + inflowTotal) / 2, floorTotal) : outflowTotal
    var newOutflows = outflows
    if rule == .mean && report.target > outflowTotal {
        let raised = scaledUpWithCaps(outflows, addedAtMost: caps, to: report.target)
        newOutflows = raised.values
        report.raisedSide = .outflows
        report.cappedRegionCount = raised.cappedCount
    }
    let reached = newOutflows.reduce(0, +)
    var newInflows: [Double]
    if floorTotal <= reached {
        newInflows = scaledDownWithFloors(inflows, floors: floors, to: reached)
    } else {
        newInflows = floorTotal > 0 ? floors.map { $0 * (reached / floorTotal) } : floors
        for r in inflows.indices { booked[r] = floors[r] - newInflows[r] }
    }
    report.reconciledTotal = reached
    return (newOutflows, newInflows, booked, report)
}

/// Values scaled proportionally to sum to `total` (unchanged when they sum to 0).
private func scaled(_ values: [Double], to total: Double) -> [Double] {
    let sum = values.reduce(0, +)
    guard sum > 0 else { return values }
    let factor = total / sum
    return values.map { $0 * factor }
}

/// Scales values up by one common factor toward `total`, except that value r gains at most
/// `caps[r]`: capped entries stop at value + cap and the rest share a larger factor. Zeros stay zero.
/// Returns the values (summing to `total`, or to the capacity when that is smaller).
private func scaledUpWithCaps(_ values: [Double], addedAtMost caps: [Double], to total: Double)
    -> (values: [Double], cappedCount: Int)
{
    let limits = values.indices.map { values[$0] > 0 ? values[$0] + caps[$0] : 0 }
    if limits.reduce(0, +) <= total {
        return (limits, values.indices.filter { values[$0] > 0 }.count)
    }
    var capped = [Bool](repeating: false, count: values.count)
    var factor = 1.0
    while true {
        var cappedSum = 0.0, freeSum = 0.0
        for r in values.indices {
            if capped[r] { cappedSum += limits[r] } else { freeSum += values[r] }
        }
        guard freeSum > 0 else { break }
        factor = max(1, (total - cappedSum) / freeSum)
        let newlyCapped = values.indices.filter { !capped[$0] && values[$0] * factor > limits[$0] }
        if newlyCapped.isEmpty { break }
        for r in newlyCapped { capped[r] = true }
    }
    let result = values.indices.map { capped[$0] ? limits[$0] : values[$0] * factor }
    return (result, capped.filter { $0 }.count)
}

/// Scales values down by one common factor toward `total` (at least the sum of the floors), except
/// that no value goes below its floor: floored entries stop there and the rest share a smaller factor.
private func scaledDownWithFloors(_ values: [Double], floors: [Double], to total: Double) -> [Double] {
    var floored = [Bool](repeating: false, count: values.count)
    var factor = 1.0
    while true {
        var flooredSum = 0.0, freeSum = 0.0
        for r in values.indices {
            if floored[r] { flooredSum += floors[r] } else { freeSum += values[r] }
        }
        guard freeSum > 0 else { break }
        factor = min(1, max(0, (total - flooredSum) / freeSum))
        let newlyFloored = values.indices.filter { !floored[$0] && values[$0] * factor < floors[$0] }
        if newlyFloored.isEmpty { break }
        for r in newlyFloored { floored[r] = true }
    }
    return values.indices.map { floored[$0] ? floors[$0] : values[$0] * factor }
}
