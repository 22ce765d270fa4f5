import ShockFlowFormats

/// `plan.csv`: the plan tilts π of every cell (MODEL section 4, W(0) ∝ K ∘ exp(π)) and where they come from.
extension RunResultsWriter {
    static let planHeader = ["region", "sector", "tilt", "table_tilt", "national_tilt", "priorities_tilt", "rows"]

    /// Written for the dynamic model when some cell has a tilt (a `plan` table or `priorities` entries).
    static func writesPlan(_ result: ScenarioRunResult) -> Bool {
        result.investmentWeights != nil && result.scenario.planTilt.contains { $0 != 0 }
    }

    /// region,sector,tilt,table_tilt,national_tilt,priorities_tilt,rows: π, its parts (the table's
    /// provincial rows, its national layer, the hand-written entries) and the table rows used for the
    /// cell as `file:line`, space-separated.
    static func planTable(_ result: ScenarioRunResult) -> ResultsTable {
        let economy = result.economy
        let scenario = result.scenario
        let (n, sectors) = (economy.cellCount, economy.sectorCount)
        var written = [Double](repeating: 0, count: n)
        for priority in scenario.priorities {
            for cell in priority.cells { written[cell] += priority.tilt }
        }
        var sources = [[String]](repeating: [], count: n)
        for row in scenario.plan?.rows ?? [] where row.use == .used {
            let place = "\(row.row.file):\(row.row.line)"
            let regions = row.region.map { [$0] } ?? Array(0..<economy.regionCount)
            for region in regions {
                for sector in row.sectors { sources[region * sectors + sector].append(place) }
            }
        }
        var table = ResultsTable(header: planHeader)
        for cell in 0..<n {
            let (region, sector) = economy.cell(cell)
            table.append([
                .text(economy.regions[region].code), .text(economy.sectors[sector].code), .number(scenario.planTilt[cell]),
                .number(scenario.plan?.provinceTilt[cell] ?? 0), .number(scenario.plan?.nationalTilt[cell] ?? 0),
                .number(written[cell]), .text(sources[cell].joined(separator: " ")),
            ])
        }
        return table
    }
}
