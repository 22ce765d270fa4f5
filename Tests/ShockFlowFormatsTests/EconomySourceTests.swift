import Foundation
import ShockFlowTestSupport
import Testing
@testable import ShockFlowFormats

@Suite("economy sources and built-in economies")
struct EconomySourceTests {
    @Test("formats are detected from folder and file contents")
    func detection() throws {
        #expect(try EconomySource.resolve(Fixtures.path("economies/two-region/")).format == .shockFlowFolder)
        #expect(try EconomySource.resolve(Fixtures.path("pymrio/random-3x4")).format == .pymrioFolder)
        let table = Fixtures.builtInEconomies + "/china-national/china_2020_42.csv"
        #expect(try EconomySource.resolve(table) == EconomySource(path: table, format: .nationalTable))
        #expect(throws: DataFileError.self) { try EconomySource.resolve(Fixtures.path("pymrio")) }
        #expect(throws: DataFileError.self) { try EconomySource.resolve(Fixtures.path("economies/two-region/Z.csv")) }
        #expect(throws: DataFileError.fileNotFound(path: "no/such/folder", expected: "an economy folder or file")) {
            try EconomySource.resolve("no/such/folder")
        }
    }

    @Test("built-in names resolve through SHOCKFLOW_DATA_DIR")
    func dataDirectory() throws {
        let environment = ["SHOCKFLOW_DATA_DIR": Fixtures.builtInEconomies]
        let world = try EconomySource.resolve("world-2011", environment: environment)
        #expect(world == EconomySource(
            path: Fixtures.builtInEconomies + "/world-2011", format: .shockFlowFolder, builtInName: "world-2011"))
        let national = try EconomySource.resolve("china-2017-national", environment: environment)
        #expect(national.format == .nationalTable && national.path.hasSuffix("china-national/china_2017_42.csv"))
        let names = BuiltInEconomies.availableNames(environment: environment)
        #expect(names.contains("world-2011") && names.contains("china-2017-national") && names.contains("china-2020-national"))
    }

    @Test("built-in economies are found next to the running executable")
    func nextToExecutable() throws {
        let source = try EconomySource.resolve("world-2011", environment: [:])
        #expect(source.path.hasSuffix("ShockFlow_ShockFlowFormats.resources/Resources/economies/world-2011"))
    }

    @Test("an unknown name lists the places searched and the names available")
    func unknownName() {
        let environment = ["SHOCKFLOW_DATA_DIR": "/nowhere"]
        do {
            _ = try EconomySource.resolve("world-2012", environment: environment)
            Issue.record("expected economyNotFound")
        } catch let error as DataFileError {
            guard case .economyNotFound("world-2012", let searched, let available) = error else {
                Issue.record("expected economyNotFound, got \(error)")
                return
            }
            #expect(searched.first == "/nowhere/world-2012")
            #expect(searched.count == 2 && available.contains("world-2011"))
            #expect(error.description.contains("looked in: /nowhere/world-2012, "))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
