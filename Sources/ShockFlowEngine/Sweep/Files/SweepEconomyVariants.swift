import ShockFlowFormats
import ShockFlowModel

/// One table a sweep's runs used, as `manifest.json` lists it in `sweep.economy_variants` when the
/// parameters set `economy.options`: the built-in table and every construction option, the SHA-256 of
/// its numbers (`EconomyTableDigest`), how many runs used it and the first of them.
struct SweepEconomyVariant: Codable, Equatable, Sendable {
    var economy: String
    var options: [String: String]
    /// False for the cached table (the default options), true for a variant built in memory.
    var builtInMemory: Bool
    var tableSha256: String?
    var firstRun: Int
    var runs: Int

    init(_ record: SweepModelSchedule.VariantRecord) {
        let variant = record.key ?? EconomyVariant(recipe: record.economyName, construction: ConstructionOptions())
        economy = variant.recipe
        options = Dictionary(uniqueKeysWithValues: variant.options.map { ($0.name, $0.value) })
        builtInMemory = record.key != nil
        tableSha256 = record.tableSHA256
        firstRun = record.firstRun
        runs = record.runs
    }

    /// The tables of a shard's runs, listed when some of them are variants built in memory (nil otherwise).
    static func list(_ records: [SweepModelSchedule.VariantRecord]) -> [SweepEconomyVariant]? {
        records.contains { $0.key != nil } ? records.map(SweepEconomyVariant.init) : nil
    }

    /// The tables of several shards as one list: each table once, its runs added up, in order of first run.
    static func merged(_ lists: [[SweepEconomyVariant]]) -> [SweepEconomyVariant]? {
        var merged: [SweepEconomyVariant] = []
        for entry in lists.joined() {
            if let index = merged.firstIndex(where: { $0.economy == entry.economy && $0.options == entry.options }) {
                merged[index].runs += entry.runs
                merged[index].firstRun = min(merged[index].firstRun, entry.firstRun)
                merged[index].tableSha256 = merged[index].tableSha256 ?? entry.tableSha256
            } else {
                merged.append(entry)
            }
        }
        return merged.isEmpty ? nil : merged.sorted { $0.firstRun < $1.firstRun }
    }
}
