import Foundation

/// Plan tables' rows resolved to one economy's region and sector indices, kept per table: the
/// thousands of variants of a sweep share the economy's `ScenarioLabels` and name the same table, so
/// its rows are looked up once (only tables whose every row resolves are kept; a table with problems
/// is resolved, and its problems reported, each time).
package final class PlanRowIndexCache: @unchecked Sendable {  // `entries` is read and written under `lock` only
    typealias Rows = [(row: PlanRow, region: Int?, sectors: [Int])]

    private let lock = NSLock()
    private var entries: [(table: PlanTable, rows: Rows)] = []

    package init() {}

    func rows(of table: PlanTable) -> Rows? { lock.withLock { entries.first(where: { $0.table == table })?.rows } }

    func store(_ rows: Rows, for table: PlanTable) {
        lock.withLock { if !entries.contains(where: { $0.table == table }) { entries.append((table, rows)) } }
    }
}
