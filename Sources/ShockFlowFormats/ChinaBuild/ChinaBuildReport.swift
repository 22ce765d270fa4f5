import Foundation
import ShockFlowModel

/// The built table against an NBS national table: totals and output by sector.
public struct NationalComparison: Sendable, Equatable {
    public var path: String
    /// The national table's final-demand categories (`totals.finalUseByCategory` follows them).
    public var categories: [Label]
    /// National totals; final use of a category counts domestic and imported purchases.
    public var totals: TableTotals
    public var outputBySector: [Double]
    /// The built table's output by sector, summed over regions.
    public var builtOutputBySector: [Double]

    init(path: String, built: Economy) throws {
        let national = try NationalTableReader.read(path: path).economy
        guard national.sectors.map(\.code) == built.sectors.map(\.code) else {
            throw DataFileError.invalidTable(
                FileLocation(path: path), message: "its sectors are not the 42 sectors of the provincial tables")
        }
        self.path = path
        categories = national.finalDemandCategories
        totals = try TableTotals(economy: national)
        outputBySector = national.grossOutput
        builtOutputBySector = built.sectors.indices.map { s in
            built.regions.indices.reduce(0) { $0 + built.grossOutput[built.cellIndex(region: $1, sector: s)] }
        }
    }
}

/// Everything the china-2017 build did and measured, for printing and for docs/china-2017.md.
public struct ChinaBuildReport: Sendable {
    public var options: ChinaBuildOptions
    /// Every file read: the four inputs, then the national table if any (for a manifest of inputs).
    public var inputFiles: [String]
    public var regions: [Label]
    public var sectors: [Label]
    public var finalDemandCategories: [Label]
    public var construction: ConstructionReport
    /// The economy checks of MODEL section 1 on the built table.
    public var check: EconomyCheckReport
    public var national: NationalComparison?

    /// A plain-text summary, figures in trillion yuan (10⁸ × 10,000 yuan).
    public var summaryLines: [String] {
        let c = construction
        var lines = ["\(ChinaMRIOBuilder.economyName): \(regions.count) regions × \(sectors.count) sectors "
            + "(n = \(regions.count * sectors.count)); figures in trillion yuan"]
        let balances = c.tableBalances
        if let row = balances.indices.max(by: { balances[$0].worstRowResidual < balances[$1].worstRowResidual }),
            let column = balances.indices.max(by: { balances[$0].worstColumnResidual < balances[$1].worstColumnResidual })
        {
            let (r, k) = (balances[row], balances[column])
            lines.append("provincial tables (10,000 yuan): worst row residual \(format(r.worstRowResidual)) "
                + "(\(regions[row].name), product \(sectors[r.worstRowProduct].code), \(format(r.worstRowRelativeResidual)) relative); "
                + "worst column residual \(format(k.worstColumnResidual)) (\(regions[column].name), sector "
                + "\(sectors[k.worstColumnSector].code), \(format(k.worstColumnRelativeResidual)) relative)")
        }
        lines.append("round-off set to zero: \(c.roundOff.negativeTradeCount) negative trade entries "
            + "(\(format(c.roundOff.negativeTradeTotal)) in all), \(c.roundOff.zeroedOutputCount) outputs "
            + "(\(format(c.roundOff.zeroedOutputTotal)) in all; 10,000 yuan)")
        let pairs = TransitPair.allCases.map { "\($0.description) \(trillion(c.reExports.removedByPair[$0.rawValue]))" }
        lines.append("re-exports: excess \(trillion(c.reExports.excessBefore)) in \(c.reExports.cellCount) cells removed "
            + "in pairs: \(pairs.joined(separator: ", ")); left \(trillion(c.reExports.remainingExcess))")
        if let under = c.underReporting {
            let raised = under.regions.map {
                "\(regions[$0].name) (\(format(under.outflowRatios[$0], digits: 3))) +\(trillion(under.addedByRegion[$0]))"
            }
            lines.append("under-reported trade: median outflow/output \(format(under.medianOutflowRatio, digits: 3)); "
                + "raised \(raised.joined(separator: ", ")); total +\(trillion(under.added))")
        }
        let trade = c.tradeTotals
        let short = trade.indices.filter { trade[$0].reconciledTotal < trade[$0].target * (1 - 1e-12) }
        lines.append("trade totals (\(options.construction.tradeTotalsRule.rawValue)): outflows "
            + "\(trillion(trade.reduce(0) { $0 + $1.outflowTotal })), inflows \(trillion(trade.reduce(0) { $0 + $1.inflowTotal })) "
            + "→ \(trillion(trade.reduce(0) { $0 + $1.reconciledTotal })); short of target: "
            + (short.isEmpty ? "none" : short.map { "\(sectors[$0].code) (\(format(trade[$0].reconciledTotal / trade[$0].target, digits: 3)))" }.joined(separator: ", ")))
        let booked = trade.indices.filter { trade[$0].inflowsBookedAsImports > 0 }
        lines.append("inflows no province could ship, booked as imports: "
            + (booked.isEmpty ? "none" : booked.map { "\(sectors[$0].code) \(trillion(trade[$0].inflowsBookedAsImports))" }.joined(separator: ", ")))
        let iterations = c.balancing.map(\.iterations)
        lines.append("RAS: \(iterations.min() ?? 0)–\(iterations.max() ?? 0) iterations, worst relative residual "
            + "\(format(c.balancing.map(\.relativeResidual).max() ?? 0)); β = \(format(options.construction.distanceExponent))")
        lines.append("inter-provincial trade \(trillion(c.interRegionalTrade)); mean distance "
            + "\(format(c.meanTradeDistance, digits: 4)) km; within 1,000 km \(format(c.tradeShareWithin1000Kilometres, digits: 3))")
        lines.append("discrepancy column: net \(trillion(c.discrepancyByProduct.reduce(0, +))), Σ|by product| "
            + "\(trillion(c.discrepancyByProduct.reduce(0) { $0 + abs($1) })), of which tables' ERR "
            + "\(trillion(c.statisticalDiscrepancyByProduct.reduce(0, +)))")
        lines.append("local supply clamped from round-off: \(c.clampedLocalSupply.cellCount) cells (\(format(c.clampedLocalSupply.total)))")
        lines.append(contentsOf: totalsLines())
        lines.append("check: row balance worst \(format(check.rowBalance?.worstRelativeError ?? .nan)), column balance worst "
            + "\(format(check.columnBalance?.worstRelativeError ?? .nan)) relative; condition estimate "
            + "\(format(check.conditionNumber ?? .nan)); \(check.passed ? "passed" : "FAILED")")
        return lines
    }

    private func totalsLines() -> [String] {
        let built = construction.builtTotals, source = construction.sourceTotals
        var lines = ["totals (built / sum of provinces\(national == nil ? "" : " / national")):"]
        func line(_ name: String, _ builtValue: Double, _ sourceValue: Double, _ nationalValue: Double?) {
            lines.append("  \(name): \(trillion(builtValue)) / \(trillion(sourceValue))"
                + (nationalValue.map { " / \(trillion($0))" } ?? ""))
        }
        func nationalCategory(_ code: String) -> Double? {
            guard let national, let c = national.categories.firstIndex(where: { $0.code == code }) else { return nil }
            return national.totals.finalUseByCategory[c]
        }
        line("output", built.output, source.output, national?.totals.output)
        line("value added", built.valueAdded, source.valueAdded, national?.totals.valueAdded)
        line("imports", built.imports, source.imports, national?.totals.imports)
        for (c, category) in finalDemandCategories.enumerated() {
            let nationalValue = category.code == "households" || category.code == "government"
                ? nil : nationalCategory(category.code)
            line(category.code, built.finalUseByCategory[c], source.finalUseByCategory[c], nationalValue)
        }
        if let consumption = nationalCategory("consumption") {
            let codes = ["households", "government"]
            let indices = finalDemandCategories.indices.filter { codes.contains(finalDemandCategories[$0].code) }
            line("consumption (households + government)", indices.reduce(0) { $0 + built.finalUseByCategory[$1] },
                indices.reduce(0) { $0 + source.finalUseByCategory[$1] }, consumption)
        }
        return lines
    }
}

private func trillion(_ value: Double) -> String { format(value / 1e8, digits: 4) }

private func format(_ value: Double, digits: Int = 3) -> String {
    guard value.isFinite else { return "n/a" }
    if value != 0 && (abs(value) < 1e-3 || abs(value) >= 1e6) { return String(format: "%.\(max(1, digits - 1))e", value) }
    return String(format: "%.\(digits)g", value)
}
