import Foundation
import ShockFlowLinearAlgebra
import ShockFlowModel
import Testing

/// The ARIO model against BoARIO 0.7.2 itself (`scripts/fixtures/boario_reference.py`, case (a)):
/// pymrio's test system aggregated to 3 regions × 5 sectors as in BoARIO's tests, a capacity
/// loss, capital destroyed and recovered (every recovery function, several events adding up),
/// capital destroyed and rebuilt, non-default parameters (noalt orders, an infinite inventory,
/// ψ, capital ratios, a monetary factor) and capacity losses combined by their maximum with
/// capital losses. Production and capacity are compared day by day, industry by industry:
/// 1e-9 relative in the first 30 days, 1e-6 after.
@Suite struct ARIOReferenceTests {
    static let folder = "pymrio-test"
    static let caseNames = ["capacity-loss", "capital-recovery", "capital-rebuilding", "recovery-functions", "parameters", "combined"]

    @Test("every case of the fixture is tested") func everyCase() throws {
        let cases = try ARIOFixtureFolder(Self.folder).cases()
        #expect(cases.map(\.name) == Self.caseNames)
    }

    @Test("production and capacity follow BoARIO day by day", arguments: caseNames)
    func followsBoARIO(_ name: String) throws {
        let folder = try ARIOFixtureFolder(Self.folder)
        let economy = try folder.economy()
        let model = try ARIOModel(economy: economy)
        let reference = try #require(try folder.cases().first { $0.name == name })
        let scenario = try reference.scenario(regions: economy.regions.map(\.code), sectors: economy.sectors.map(\.code))
        let expectedProduction = try folder.matrix("\(name).production.csv")
        let expectedCapacity = try folder.matrix("\(name).capacity.csv")
        #expect(expectedProduction.rows == reference.days)
        var production: [[Double]] = [], capacity: [[Double]] = []
        try model.run([scenario], days: reference.days) { record in
            production.append(record.production.column(0))
            capacity.append(record.capacity.column(0))
        }
        let early = 0..<min(30, reference.days), late = min(30, reference.days)..<reference.days
        for (what, actual, expected) in [("production", production, expectedProduction), ("capacity", capacity, expectedCapacity)] {
            let first = ARIODeviation(actual, expected, days: early)
            let after = ARIODeviation(actual, expected, days: late)
            #expect(first.relative <= 1e-9, "\(name) \(what), days 0–29: \(first)")
            #expect(after.relative <= 1e-6, "\(name) \(what), days 30–\(reference.days - 1): \(after)")
        }
    }
}
