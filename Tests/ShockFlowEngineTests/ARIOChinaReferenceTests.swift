import Foundation
import ShockFlowFormats
import ShockFlowLinearAlgebra
import ShockFlowModel
import ShockFlowTestSupport
import Testing

/// The ARIO model on china-2017 against BoARIO 0.7.2 (`scripts/fixtures/boario_reference.py`,
/// case (b)): half of Guangdong's electronics capacity lost from day 5 for 30 days, then a linear
/// recovery over 30 days, 120 days in all. The fixture holds every day's total production and the
/// production of 72 industries (Guangdong's 42 sectors, electronics in the 30 other provinces),
/// and all 1302 industries every 15 days. 1e-9 relative in the first 30 days, 1e-6 after.
/// (This test is here, not with the model's tests, because it loads the built-in china-2017.)
@Suite struct ARIOChinaReferenceTests {
    static let folder = Fixtures.repository.appendingPathComponent("Tests/ShockFlowModelTests/Fixtures/ario/china-2017")

    /// The case of cases.json: a capacity loss or a destruction of capital, equal distributions.
    struct ReferenceCase: Decodable {
        struct Event: Decodable {
            var kind: String
            var amount: Double
            var regions, sectors: [String]
            var regional_distribution, sectoral_distribution: String
            var occurrence, duration: Int
            var recovery: String
            var recovery_tau: Int
        }
        var name: String
        var days: Int
        var events: [Event]
    }

    static func matrix(_ file: String) throws -> Matrix {
        let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        let rows = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: ",").map { Double($0)! } }
        return try Matrix(rowMajor: rows)
    }

    @Test func guangdongElectronicsFollowsBoARIO() throws {
        let economy = try EconomyLoader.load("china-2017").economy
        // The table the fixture was computed on: sums of x, Z and Y, regions and sectors.
        let check = try Self.matrix("economy_check.csv").elements
        #expect(isClose(economy.grossOutput.reduce(0, +), check[0], relative: 1e-12))
        #expect(isClose(economy.intermediateFlows.elements.reduce(0, +), check[1], relative: 1e-12))
        #expect(isClose(economy.finalDemand.elements.reduce(0, +), check[2], relative: 1e-12))
        #expect(Double(economy.regionCount) == check[3] && Double(economy.sectorCount) == check[4])

        let cases = try JSONDecoder().decode([ReferenceCase].self, from: Data(contentsOf: Self.folder.appendingPathComponent("cases.json")))
        let reference = try #require(cases.first)
        #expect(cases.count == 1 && reference.name == "guangdong-electronics")
        let regions = economy.regions.map(\.code), sectors = economy.sectors.map(\.code)
        let events = try reference.events.enumerated().map { number, event in
            #expect(event.regional_distribution == "equal" && event.sectoral_distribution == "equal")
            let recovery = ARIORecovery(try #require(ARIORecovery.Function(rawValue: event.recovery)), tau: event.recovery_tau)
            let kind: ARIOEvent.Kind = event.kind == "capacity_loss" ? .capacityLoss(recovery: recovery) : .capitalDestruction(recovery: recovery)
            #expect(["capacity_loss", "capital_destruction"].contains(event.kind))
            return ARIOEvent(
                id: "event \(number + 1)", kind: kind, amount: event.amount,
                regions: try event.regions.map { try #require(regions.firstIndex(of: $0)) },
                sectors: try event.sectors.map { try #require(sectors.firstIndex(of: $0)) },
                occurrence: event.occurrence, duration: event.duration)
        }
        let model = try ARIOModel(economy: economy)
        let tracked = try Self.matrix("\(reference.name).tracked.csv").elements.map { Int($0) }
        let daily = try Self.matrix("\(reference.name).daily.csv")
        let snapshots = try Self.matrix("\(reference.name).snapshots.csv")
        #expect(daily.rows == reference.days && tracked.count == 72)
        var worst = [(relative: 0.0, where: ""), (relative: 0.0, where: "")]
        func compare(_ actual: Double, _ expected: Double, day: Int, _ what: @autoclosure () -> String) {
            let deviation = abs(actual - expected) / max(abs(expected), .leastNormalMagnitude)
            let period = day < 30 ? 0 : 1
            if deviation > worst[period].relative || deviation.isNaN { worst[period] = (deviation, "day \(day), \(what())") }
        }
        var snapshot = 0
        try model.run([ARIOScenario(name: reference.name, events: events)], days: reference.days) { record in
            let t = record.day
            let production = record.production.column(0)
            compare(production.reduce(0, +), daily[t, 1], day: t, "total production")
            for (k, i) in tracked.enumerated() { compare(production[i], daily[t, 2 + k], day: t, "industry \(i)") }
            if snapshot < snapshots.rows, Int(snapshots[snapshot, 0]) == t {
                for i in 0..<production.count { compare(production[i], snapshots[snapshot, 1 + i], day: t, "industry \(i)") }
                snapshot += 1
            }
        }
        #expect(snapshot == snapshots.rows, "every snapshot day was compared")
        #expect(worst[0].relative <= 1e-9, "days 0–29: \(worst[0].relative) at \(worst[0].where)")
        #expect(worst[1].relative <= 1e-6, "days 30–\(reference.days - 1): \(worst[1].relative) at \(worst[1].where)")
    }
}
