import Foundation
import ShockFlowFormats
import ShockFlowModel
import ShockFlowTestSupport
import Testing
@testable import ShockFlowEngine

/// Planning refuses outputs no run can give from `SweepOutputCatalog`, before anything runs; these
/// tests keep the catalog equal to what runs of every model write.
@Suite("Sweep output catalog")
struct SweepOutputCatalogTests {
    static let models: [(name: String, yaml: String)] = [
        ("dynamic", "shocks:\n  - {id: cut, kind: import, products: chips, magnitude: 0.5}"),
        ("leontief", "model: leontief\nshocks:\n  - {id: fall, kind: demand, sectors: manu, magnitude: -0.2}"),
        ("ghosh", "model: ghosh\nshocks:\n  - {id: cut, kind: capacity, sectors: manu, magnitude: 0.3}"),
        ("iim", "model: iim\nshocks:\n  - {id: fall, kind: demand, sectors: manu, magnitude: -0.2}"),
        ("diim", "model: diim\nhorizon: {periods: 4}\nshocks:\n  - {id: fall, kind: demand, sectors: manu, magnitude: -0.2}"),
        ("extraction", "model: {type: extraction, regions: north, sectors: manu}"),
        ("ario", "model: ario\nhorizon: {periods: 10, period: day}\nshocks:\n  - {id: cut, kind: import, products: chips, magnitude: 0.5}"),
    ]

    @Test("the catalog's metrics are a run's cell metrics and its rows hold every summary row with a value", arguments: models)
    func catalogMatchesRuns(model: (name: String, yaml: String)) throws {
        let economy = try EconomyLoader.load(Fixtures.path("economies/two-region")).economy
        let text = "schema_version: 1\nname: catalog-\(model.name)\neconomy: two-region\n" + model.yaml
        let scenario = try ScenarioDocument(yaml: text, file: "catalog.yaml", directory: URL(fileURLWithPath: "/")).resolve(
            against: economy)
        // A sweep's runs solve their prices when an output reads a price row: the catalog lists those rows too.
        let result = try ScenarioRun.run(scenario, economy: economy)
        let catalog = SweepOutputCatalog(model: scenario.model, economy: economy)
        #expect(catalog.modelName == model.name)
        #expect(catalog.cellMetrics == result.cellMetrics.map(\.name))
        let rows = RunResultsWriter.summaryRows(result).filter { $0.value != nil }.map(\.metric)
        #expect(!rows.isEmpty)
        for row in rows { #expect(catalog.summaryRows.contains(row), "\(model.name): summary row \(row) is not in the catalog") }
        // The rows every run has are in the catalog under the names a run writes.
        #expect(rows.starts(with: catalog.summaryRows.prefix(4)))
    }
}
