import Foundation
import ShockFlowEngine

/// `plan.csv` of a run (docs/results-format.md): the plan tilt π of every cell, the part of it that is
/// the province's own (its rows of the plan table and the hand-written entries) and the table rows
/// behind it. With the base weights W(0) ∝ K ∘ exp(π) (MODEL section 4) it says how much the plan
/// raises each province's and each sector's base weight.
struct PlanTilts: Sendable {
    struct Cell: Sendable {
        var region: String
        var sector: String
        /// π, and the province's own part of it (π without the national layer).
        var tilt: Double
        var own: Double
        /// The table rows behind the tilt, as `file:line`.
        var rows: [String]
    }

    var cells: [Cell] = []

    init(path: String) throws {
        let columns = ["region", "sector", "tilt", "table_tilt", "national_tilt", "priorities_tilt", "rows"]
        var reader = try ReportTableReader(path: path, requiredColumns: columns, numberColumns: Array(columns[2...5]))
        let fields = columns.map { reader.position(of: $0) ?? 0 }
        var cells: [Cell] = []
        try reader.forEachRow { row in
            cells.append(Cell(
                region: row.text(fields[0]), sector: row.text(fields[1]), tilt: try row.number(fields[2]),
                own: try row.number(fields[3]) + (try row.number(fields[5])),
                rows: row.text(fields[6]).split(separator: " ").map(String.init)))
        }
        guard !cells.isEmpty else { throw ReportError.emptyTable(path: path, expected: "one row per cell") }
        self.cells = cells
    }

    /// How much the plan raises each group's base weight before normalisation: with W(0) ∝ K ∘ exp(π),
    /// Σ W(0) / Σ W(0)·exp(−π′) − 1 over the group's cells, where π′ is the part of π counted (`part`).
    /// Groups by `key` (a province, a sector); cells without a base weight are left out.
    func raise(by key: (Cell) -> String, part: (Cell) -> Double, baseWeights: [String: Double]) -> [String: Double] {
        var tilted: [String: Double] = [:], untilted: [String: Double] = [:]
        for cell in cells {
            guard let weight = baseWeights[cell.region + "/" + cell.sector] else { continue }
            tilted[key(cell), default: 0] += weight
            untilted[key(cell), default: 0] += weight * exp(-part(cell))
        }
        return tilted.reduce(into: [:]) { raised, entry in
            let rest = untilted[entry.key] ?? 0
            raised[entry.key] = rest > 0 ? entry.value / rest - 1 : 0
        }
    }

    /// A province's sectors its own rows tilt, grouped by that tilt, the largest first; sectors in table order.
    func favoured(region: String) -> [(own: Double, sectors: [String])] {
        var groups: [(own: Double, sectors: [String])] = []
        for cell in cells where cell.region == region && cell.own != 0 {
            if let index = groups.firstIndex(where: { $0.own == cell.own }) {
                groups[index].sectors.append(cell.sector)
            } else {
                groups.append((cell.own, [cell.sector]))
            }
        }
        return groups.sorted { $0.own > $1.own }
    }
}
