import ShockFlowFormats
import ShockFlowModel

/// One column of a day's record as every metric (`ARIOResultMetric.allCases` order) and their national
/// figures: the sum over cells or products; overproduction's mean weighted by X⁰.
struct ARIOColumnDay {
    let values: [[Double]]
    let totals: [Double]

    init(_ record: ARIODayRecord, column c: Int, valueAddedShares: [Double], baseOutput: [Double]) {
        values = ARIOResultMetric.allCases.map { Self.values($0, record, column: c, valueAddedShares) }
        let weight = baseOutput.reduce(0, +)
        totals = zip(ARIOResultMetric.allCases, values).map { metric, values in
            guard metric == .overproduction else { return values.reduce(0, +) }
            return weight == 0 ? 0 : zip(values, baseOutput).reduce(0.0) { $0 + $1.0 * $1.1 } / weight
        }
    }

    /// One column of a day's record as a metric: n values per cell, or P per imported product.
    static func values(_ metric: ARIOResultMetric, _ record: ARIODayRecord, column c: Int, _ valueAddedShares: [Double]) -> [Double] {
        switch metric {
        case .output: return record.production.column(c)
        case .capacity: return record.capacity.column(c)
        case .valueAdded: return zip(record.production.column(c), valueAddedShares).map { $0 * $1 }
        case .deliveredFinal, .unmetFinal:
            let (final, demand, production) = (record.finalDemand.column(c), record.totalDemand.column(c), record.production.column(c))
            // (A13) every demand addressed to i receives x_i / D_i of it.
            let delivered = final.indices.map { i in demand[i] != 0 ? final[i] * (production[i] / demand[i]) : 0 }
            return metric == .deliveredFinal ? delivered : zip(final, delivered).map { $0 - $1 }
        case .demand: return record.totalDemand.column(c)
        case .rebuildDemand: return record.rebuildingDemand.column(c)
        case .inventory: return record.inventory.column(c)
        case .overproduction: return record.overproduction.column(c)
        case .importUse: return record.importUse.column(c)
        case .importShortfall: return record.importShortfall.column(c)
        case .importInventory: return record.importInventory.column(c)
        }
    }
}
