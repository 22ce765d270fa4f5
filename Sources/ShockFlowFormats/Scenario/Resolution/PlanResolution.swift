import Foundation
import ShockFlowModel

extension ScenarioResolver {
    /// The plan table applied to this economy: every row's province and sectors found by code (a row
    /// naming a code the economy lacks is an error at its place in the table), then π per cell.
    mutating func resolvePlan(_ spec: PlanSpec) -> ResolvedPlan? {
        let selected = regions.resolve(spec.regions, diagnostics: &diagnostics)
        guard let table = spec.table, let selected else { return nil }
        return resolvePlan(table: table, settings: spec.settings, regions: selected, field: spec.path.appending("priorities"))
    }

    /// `table` with `settings`, its own rows used for the provinces `selected`; problems are reported at `field`.
    mutating func resolvePlan(table: PlanTable, settings: PlanSettings, regions selected: [Int], field: FieldPath) -> ResolvedPlan? {
        let rows: PlanRowIndexCache.Rows
        if let known = planRows.rows(of: table) {
            rows = known
        } else {
            guard let resolved = resolveRows(of: table, field: field) else { return nil }
            planRows.store(resolved, for: table)
            rows = resolved
        }
        return ResolvedPlan(
            table: table, settings: settings, regions: selected, rows: rows, regionCount: economy.regionCount,
            sectorCount: economy.sectorCount)
    }

    /// Every row of `table` with its province (nil: national layer) and sectors as indices of this
    /// economy, or nil when one names a code the economy lacks (reported at `field` and at its place in the table).
    private mutating func resolveRows(of table: PlanTable, field: FieldPath) -> PlanRowIndexCache.Rows? {
        var regionCodes: [String: Int] = [:]
        for (index, label) in economy.regions.enumerated() { regionCodes[label.code.lowercased()] = regionCodes[label.code.lowercased()] ?? index }
        var sectorCodes: [String: Int] = [:]
        for (index, label) in economy.sectors.enumerated() { sectorCodes[label.code.lowercased()] = sectorCodes[label.code.lowercased()] ?? index }
        let provincial = table.rows.filter { !$0.isNational }
        if !provincial.isEmpty, !provincial.contains(where: { regionCodes[$0.region.lowercased()] != nil }) {
            let named = Array(Set(provincial.map(\.region))).sorted()
            diagnostics.report(
                "plan table \(table.name) names regions \(named.prefix(4).joined(separator: ", "))\(named.count > 4 ? ", …" : ""); "
                    + "economy \(economy.metadata.name) has none of them: a plan table needs an economy with its regions and "
                    + "sector codes (such as china-2017)", at: field)
            return nil
        }
        var complete = true
        var reportedRegions = Set<String>()
        var resolved: [(row: PlanRow, region: Int?, sectors: [Int])] = []
        for row in table.rows {
            var region: Int?
            if !row.isNational {
                region = regionCodes[row.region.lowercased()]
                if region == nil {
                    complete = false
                    if reportedRegions.insert(row.region).inserted {
                        diagnostics.report(
                            "region `\(row.region)` is not a region of economy \(economy.metadata.name)"
                                + NameSuggestions.didYouMean(row.region, among: economy.regions.map(\.code))
                                + " (`\(PlanTable.nationalRegion)` is the national layer)",
                            inFile: row.file, location: row.regionLocation, at: field)
                    }
                    continue
                }
            }
            var sectors: [Int] = []
            for code in row.sectors {
                guard let sector = sectorCodes[code.lowercased()] ?? numericSector(code) else {
                    complete = false
                    diagnostics.report(
                        "sector `\(code)` is not a sector code of economy \(economy.metadata.name)"
                            + NameSuggestions.didYouMean(code, among: economy.sectors.map(\.code)),
                        inFile: row.file, location: row.sectorsLocation, at: field)
                    continue
                }
                if !sectors.contains(sector) { sectors.append(sector) }
            }
            resolved.append((row, region, sectors))
        }
        return complete ? resolved : nil
    }

    /// A code written as a number matches the sector code of the same number (`6` → `06`).
    private func numericSector(_ code: String) -> Int? {
        guard let number = Int(code) else { return nil }
        let matches = economy.sectors.indices.filter { Int(economy.sectors[$0].code) == number }
        return matches.count == 1 ? matches[0] : nil
    }
}

extension PlanTable {
    /// Reads a table by name (`15th-fyp-2026`) or as a CSV path relative to the current folder, as
    /// `shockflow plan show` does; every problem is thrown at once.
    public static func read(_ reference: String) throws(ScenarioError) -> PlanTable {
        var diagnostics = ScenarioDiagnostics(file: reference)
        let directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let table = PlanTableReader.load(reference, directory: directory, scenarioFile: "", field: .root, diagnostics: &diagnostics)
        guard let table, diagnostics.problems.isEmpty else { throw ScenarioError(problems: diagnostics.sortedProblems) }
        return table
    }
}

extension ResolvedPlan {
    /// `table` applied to `economy` with `settings`, every province's own rows used (`plan show`).
    public static func resolve(_ table: PlanTable, settings: PlanSettings = .defaults, economy: Economy) throws(ScenarioError)
        -> ResolvedPlan
    {
        var resolver = ScenarioResolver(
            economy: economy, diagnostics: ScenarioDiagnostics(file: table.name), labels: ScenarioLabels(economy))
        let plan = resolver.resolvePlan(table: table, settings: settings, regions: Array(economy.regions.indices), field: .root)
        guard let plan, resolver.diagnostics.problems.isEmpty else { throw ScenarioError(problems: resolver.diagnostics.sortedProblems) }
        return plan
    }
}
