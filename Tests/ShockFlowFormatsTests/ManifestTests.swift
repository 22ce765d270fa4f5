import Foundation
import ShockFlowModel
import ShockFlowTestSupport
import Testing
@testable import ShockFlowFormats

@Suite("economy.yaml")
struct ManifestTests {
    /// The problems `economy.yaml` with `text` gives (empty when it reads).
    private func problems(_ text: String) throws -> [DataFileError] {
        try withTemporaryDirectory { directory in
            let path = try writeFile(text, named: "economy.yaml", in: directory)
            do {
                _ = try ManifestReader.read(path: path)
                return []
            } catch let error as DataFileError {
                return error.problems
            }
        }
    }

    private func lines(_ problems: [DataFileError]) -> [Int?] {
        problems.map { problem -> Int? in
            switch problem {
            case .invalidManifest(let location, _), .unknownManifestKey(let location, _, _), .unknownLabel(let location, _, _, _):
                return location.line
            default:
                return nil
            }
        }
    }

    @Test("regions and sectors may be plain codes or code/name/aliases mappings")
    func labelForms() throws {
        try withTemporaryDirectory { directory in
            let path = try writeFile(
                "name: t\nmoney_unit: yuan\nregions: [NO, SE]\nsectors:\n  - {code: '01', name: Farming, aliases: [农业]}\n",
                named: "economy.yaml", in: directory)
            let manifest = try ManifestReader.read(path: path)
            #expect(manifest.regions.map(\.code) == ["NO", "SE"])
            #expect(manifest.sectors.map(\.label) == [.init(code: "01", name: "Farming", aliases: ["农业"])])
        }
    }

    @Test("unknown keys anywhere are named with their lines, all at once")
    func unknownKeys() throws {
        let found = try problems("name: t\nmoney_unit: yuan\nunit: x\nregions:\n  - code: A\n    nmae: Alpha\nsectors: [s]\n")
        #expect(found.contains {
            if case .unknownManifestKey(let location, "unit", let allowed) = $0 { return location.line == 3 && allowed.contains("money_unit") }
            return false
        })
        #expect(found.contains {
            if case .unknownManifestKey(let location, "nmae", _) = $0 { return location.line == 6 }
            return false
        })
    }

    @Test("wrong types and missing keys give the line of the value")
    func typeErrors() throws {
        let wrongYear = try problems("name: t\nyear: soon\nmoney_unit: yuan\nregions: [A]\nsectors: [s]\n")
        #expect(lines(wrongYear) == [2])
        #expect(wrongYear.first?.description.contains("line 2: \"year\" should be a whole number") == true)
        let missing = try problems("name: t\nregions: [A]\nsectors: [s]\n")
        #expect(missing.first?.description.contains("missing required key \"money_unit\"") == true)
    }

    @Test("duplicate codes, empty lists and unknown group members are reported with lines")
    func contentChecks() throws {
        let found = try problems("""
            name: t
            money_unit: yuan
            regions:
              - code: east
              - code: west
              - code: east
            sectors: []
            region_groups:
              coast: [east, wset]
            """)
        #expect(lines(found).sorted { ($0 ?? 0) < ($1 ?? 0) } == [6, 7, 9])
        #expect(found.contains {
            if case .invalidManifest(_, let message) = $0 { return message == "region code \"east\" is listed twice (first on line 4)" }
            return false
        })
        #expect(found.contains {
            if case .unknownLabel(_, "region", "wset", "west") = $0 { return true }
            return false
        })
    }

    @Test("rounding: the step values are rounded to, read, written back and refused unless positive")
    func rounding() throws {
        try withTemporaryDirectory { directory in
            let path = try writeFile(
                "name: t\nmoney_unit: yuan\nrounding: 0.5\nregions: [A]\nsectors: [s]\n", named: "economy.yaml", in: directory)
            let metadata = try ManifestReader.read(path: path).metadata
            #expect(metadata.rounding == 0.5)
        }
        for value in ["0", "-1", ".nan"] {
            let found = try problems("name: t\nmoney_unit: yuan\nrounding: \(value)\nregions: [A]\nsectors: [s]\n")
            #expect(lines(found) == [3], "\(value): \(found)")
            #expect(found.first?.description.contains("\"rounding\" must be a positive number") == true)
        }
        #expect(lines(try problems("name: t\nmoney_unit: yuan\nrounding: whole\nregions: [A]\nsectors: [s]\n")) == [3])
    }

    @Test("currency and scale: the money unit as a currency, read and refused unless an ISO code and a positive scale")
    func currency() throws {
        try withTemporaryDirectory { directory in
            let path = try writeFile(
                "name: t\nmoney_unit: 10,000 yuan\ncurrency: CNY\nscale: 10000\nregions: [A]\nsectors: [s]\n",
                named: "economy.yaml", in: directory)
            #expect(try ManifestReader.read(path: path).metadata.currency == CurrencyUnit(code: "CNY", scale: 10_000))
            let unscaled = try writeFile(
                "name: t\nmoney_unit: euros\ncurrency: EUR\nregions: [A]\nsectors: [s]\n", named: "unscaled.yaml", in: directory)
            #expect(try ManifestReader.read(path: unscaled).metadata.currency == CurrencyUnit(code: "EUR", scale: 1))
            let free = try writeFile("name: t\nmoney_unit: yuan\nregions: [A]\nsectors: [s]\n", named: "free.yaml", in: directory)
            #expect(try ManifestReader.read(path: free).metadata.currency == nil, "money_unit alone stays free text")
        }
        for code in ["yuan", "cny", "US", "€"] {
            let found = try problems("name: t\nmoney_unit: yuan\ncurrency: \(code)\nregions: [A]\nsectors: [s]\n")
            #expect(lines(found) == [3], "\(code): \(found)")
            #expect(found.first?.description.contains("\"currency\" must be an ISO 4217 code") == true)
        }
        for value in ["0", "-10000", ".inf"] {
            let found = try problems("name: t\nmoney_unit: yuan\ncurrency: CNY\nscale: \(value)\nregions: [A]\nsectors: [s]\n")
            #expect(lines(found) == [4], "\(value): \(found)")
            #expect(found.first?.description.contains("\"scale\" must be a positive number") == true)
        }
        let alone = try problems("name: t\nmoney_unit: yuan\nscale: 10000\nregions: [A]\nsectors: [s]\n")
        #expect(alone.map(\.description).contains { $0.contains("\"scale\" needs \"currency\"") } && lines(alone) == [3])
        let text = try problems("name: t\nmoney_unit: yuan\ncurrency: CNY\nscale: many\nregions: [A]\nsectors: [s]\n")
        #expect(lines(text) == [4] && text.first?.description.contains("should be a number") == true, "\(text)")
    }

    @Test("YAML syntax errors give their line")
    func syntax() throws {
        let found = try problems("name: t\nregions: [A\nsectors: [s]\n")
        #expect(found.count == 1)
        guard case .invalidManifest(let location, let message)? = found.first else {
            Issue.record("expected invalidManifest, got \(found)")
            return
        }
        #expect(location.line != nil && message.hasPrefix("not valid YAML"))
    }
}
