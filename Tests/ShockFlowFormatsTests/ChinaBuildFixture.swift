import Foundation
import ShockFlowModel
import Testing
@testable import ShockFlowFormats

/// The china-2017 economy built once from the shipped inputs and shared by every test (a debug
/// build of the whole table takes seconds), plus the numpy reference of
/// `scripts/fixtures/china_reference.py`.
enum ChinaBuildFixture {
    struct Built: Sendable {
        var economy: Economy
        var report: ChinaBuildReport
        var inputs: String
        var nationalTable: String
    }

    static let built: Result<Built, any Error> = Result {
        let inputs = try ChinaMRIOBuilder.bundledInputsDirectory()
        let national = try BuiltInEconomies.locate("china-2017-national")
        let (economy, report) = try ChinaMRIOBuilder.build(
            inputs: inputs, options: ChinaBuildOptions(nationalTablePath: national))
        return Built(economy: economy, report: report, inputs: inputs, nationalTable: national)
    }

    static func get() throws -> Built { try built.get() }

    /// `Fixtures/china-2017/reference.json`.
    static func reference() throws -> [String: Any] {
        guard let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw FixtureError.missing("the test bundle has no Fixtures folder")
        }
        let data = try Data(contentsOf: fixtures.appendingPathComponent("china-2017/reference.json"))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw FixtureError.missing("reference.json is not a JSON object")
        }
        return object
    }

    enum FixtureError: Error, CustomStringConvertible {
        case missing(String)
        var description: String {
            switch self {
            case .missing(let what): return what
            }
        }
    }
}

extension Dictionary where Key == String, Value == Any {
    func numbers(_ key: String) throws -> [Double] {
        guard let values = self[key] as? [Any] else { throw ChinaBuildFixture.FixtureError.missing("reference key \(key)") }
        return try values.map {
            guard let number = ($0 as? NSNumber)?.doubleValue else { throw ChinaBuildFixture.FixtureError.missing(key) }
            return number
        }
    }

    func number(_ key: String) throws -> Double {
        guard let number = (self[key] as? NSNumber)?.doubleValue else {
            throw ChinaBuildFixture.FixtureError.missing("reference key \(key)")
        }
        return number
    }

    func rows(_ key: String) throws -> [[Double]] {
        guard let rows = self[key] as? [[Any]] else { throw ChinaBuildFixture.FixtureError.missing("reference key \(key)") }
        return rows.map { $0.map { ($0 as? NSNumber)?.doubleValue ?? .nan } }
    }

    func object(_ key: String) throws -> [String: Any] {
        guard let object = self[key] as? [String: Any] else {
            throw ChinaBuildFixture.FixtureError.missing("reference key \(key)")
        }
        return object
    }
}
