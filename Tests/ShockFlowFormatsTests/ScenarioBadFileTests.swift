import Foundation
import ShockFlowFormats
import ShockFlowModel
import Testing

/// One bad scenario file and the one problem it must produce: where (line, column), which field, what message.
struct BadScenarioFile: Sendable, CustomTestStringConvertible {
    var file: String
    var line: Int?
    var column: Int?
    var field: String
    var message: String
    var testDescription: String { file }
}

/// The bad-file suite of issue 4: each file gives exactly one clear problem with its line, column and
/// field (columns counted by hand in the fixture files).
@Suite struct ScenarioBadFileTests {
    typealias Support = ScenarioTestSupport

    static let singleProblemFiles: [BadScenarioFile] = [
        BadScenarioFile(
            file: "syntax-error.yaml", line: 7, column: 14, field: "",
            message: "YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence at 6:15)"),
        BadScenarioFile(
            file: "wrong-type.yaml", line: 4, column: 12, field: "horizon.periods",
            message: "expected a whole number from 1 to 1826, found the text \"twenty\""),
        BadScenarioFile(
            file: "unknown-region.yaml", line: 4, column: 22, field: "priorities[0].regions[1]",
            message: "unknown region 'Zhejang' — did you mean `CN-ZJ` (Zhejiang)?"),
        BadScenarioFile(
            file: "unknown-sector.yaml", line: 6, column: 14, field: "shocks[0].sectors",
            message:
                "unknown sector 'Manufacture of general purpose machinary' — did you mean `16` (Manufacture of general purpose machinery)?"
        ),
        BadScenarioFile(
            file: "unknown-key.yaml", line: 3, column: 1, field: "horizn",
            message: "unknown field `horizn` — did you mean `horizon`?"),
        BadScenarioFile(
            file: "unknown-nested-key.yaml", line: 4, column: 3, field: "investment.lamda",
            message: "unknown field `lamda` — did you mean `lambda`?"),
        BadScenarioFile(
            file: "negative-horizon.yaml", line: 4, column: 12, field: "horizon.periods",
            message: "expected a whole number from 1 to 1826, found the number -4"),
        BadScenarioFile(
            file: "capacity-magnitude.yaml", line: 7, column: 16, field: "shocks[0].magnitude",
            message: "expected a number in [0, 1] (for a capacity shock), found the number 1.5"),
        BadScenarioFile(
            file: "demand-magnitude.yaml", line: 4, column: 56, field: "shocks[0].magnitude",
            message: "expected a number at least -1 (for a demand shock), found the number -1.5"),
        BadScenarioFile(
            file: "empty-shocks-static.yaml", line: 4, column: 9, field: "shocks",
            message: "the leontief model computes the response to shocks: give at least one demand, export, import_price or cost shock"),
        BadScenarioFile(
            file: "duplicate-ids.yaml", line: 5, column: 10, field: "shocks[1].id",
            message: "duplicate shock id `chips` (first used on line 4); ids must be unique"),
        BadScenarioFile(
            file: "series-wrong-length.yaml", line: 9, column: 35, field: "shocks[0].profile.file",
            message: "series file bad/series-3.csv has 3 values; the horizon has 4 periods"),
        BadScenarioFile(
            file: "series-inline-wrong-length.yaml", line: 9, column: 37, field: "shocks[0].profile.values",
            message: "has 3 values; the horizon has 4 periods"),
        BadScenarioFile(
            file: "alias-bomb.yaml", line: 4, column: 8, field: "",
            message:
                "YAML aliases (`*a`) are not allowed in scenario files: an alias can make a small file expand without bound. Write the value out in full."
        ),
        BadScenarioFile(
            file: "alias-bomb-keys.yaml", line: 4, column: 8, field: "",
            message:
                "YAML aliases (`*a`) are not allowed in scenario files: an alias can make a small file expand without bound. Write the value out in full."
        ),
        BadScenarioFile(
            file: "schema-version-2.yaml", line: 1, column: 17, field: "schema_version",
            message: "this file uses scenario schema version 2; this shockflow reads version 1 only: use a newer shockflow"),
        BadScenarioFile(
            file: "lambda-without-caps.yaml", line: 5, column: 11, field: "investment.lambda",
            message:
                "lambda 0.01 is below 0.05 without `caps`: the weights can collapse onto one cell (MODEL (23)); raise lambda or write `caps`"
        ),
        BadScenarioFile(
            file: "theta-out-of-range.yaml", line: 6, column: 12, field: "substitution[0].theta",
            message: "expected a number in [0, 1], found the number 1.2"),
        BadScenarioFile(
            file: "unknown-profile-type.yaml", line: 8, column: 21, field: "shocks[0].profile.type",
            message: "unknown profile type \"rampp\" — did you mean `ramp`?"),
        BadScenarioFile(
            file: "ramp-zero-periods.yaml", line: 10, column: 16, field: "shocks[0].profile.periods",
            message: "expected a whole number at least 1 (for a ramp profile), found the number 0"),
        BadScenarioFile(
            file: "start-beyond-horizon.yaml", line: 9, column: 38, field: "shocks[0].profile.start",
            message: "start 12 is beyond the horizon (periods run from 0 to 11)"),
        BadScenarioFile(
            file: "unknown-import-product.yaml", line: 6, column: 38, field: "shocks[0].products[1]",
            message:
                "unknown imported product 'Electronic chips' (economy test-economy has 2 imported products: codes such as `01`, `20`; English names, aliases and group names work too)"
        ),
        BadScenarioFile(
            file: "misplaced-field.yaml", line: 7, column: 5, field: "shocks[0].products",
            message: "`products` does not apply to a capacity shock (it is a field of the import shock)"),
        BadScenarioFile(
            file: "missing-required.yaml", line: 4, column: 5, field: "shocks[0].magnitude",
            message: "missing required field `magnitude` (number in [0, 1])"),
        BadScenarioFile(
            file: "unquoted-wildcard.yaml", line: 4, column: 15, field: "",
            message:
                "YAML syntax error: did not find expected alphabetic or numeric character (while scanning an alias at 4:14); to select everything write \"*\" in quotes"
        ),
        BadScenarioFile(
            file: "not-a-mapping.yaml", line: 1, column: 1, field: "",
            message: "expected a mapping of scenario fields (`schema_version`, `name`, …), found a list"),
        BadScenarioFile(
            file: "empty.yaml", line: nil, column: nil, field: "",
            message: "the file is empty: a scenario needs at least `schema_version` and `name`"),
        BadScenarioFile(
            file: "duplicate-key.yaml", line: 2, column: 1, field: "",
            message: "the key `name` is written more than once in the same mapping"),
        BadScenarioFile(
            file: "extraction-with-shocks.yaml", line: 5, column: 3, field: "shocks",
            message: "the extraction model takes no shocks: it removes the cells named in `model`"),
        BadScenarioFile(
            file: "shock-kind-unused.yaml", line: 6, column: 24, field: "shocks[1].kind",
            message: "a capacity shock has no effect in the leontief model, which uses demand, export, import_price or cost shocks"),
        BadScenarioFile(
            file: "profile-on-static.yaml", line: 9, column: 14, field: "shocks[0].profile",
            message: "the iim model is static: a profile has no effect (the shock acts at full strength); remove it"),
        BadScenarioFile(
            file: "step-end-before-start.yaml", line: 8, column: 42, field: "shocks[0].profile.end",
            message: "end 3 is before start 6"),
        BadScenarioFile(
            file: "series-values-and-file.yaml", line: 9, column: 14, field: "shocks[0].profile",
            message: "give exactly one of `values` or `file`"),
        BadScenarioFile(
            file: "strategic-both.yaml", line: 4, column: 5, field: "strategic[0]",
            message: "give exactly one of `sectors` or `products`"),
        BadScenarioFile(
            file: "substitute-two-sectors.yaml", line: 4, column: 29, field: "substitution[0].sector",
            message: "name exactly one substitute sector; this selects 2"),
        BadScenarioFile(
            file: "static-sections.yaml", line: 4, column: 13, field: "investment",
            message: "`investment` applies to the dynamic model only; this scenario runs the leontief model"),
        BadScenarioFile(
            file: "plan-tilt-range.yaml", line: 5, column: 20, field: "plan.tilt.emerging",
            message: "expected a number in [-5, 5], found the number 7"),
        BadScenarioFile(
            file: "plan-evidence-key.yaml", line: 5, column: 26, field: "plan.evidence.low",
            message: "unknown field `low` — did you mean `L`?"),
    ]

    @Test(arguments: singleProblemFiles)
    func badFileGivesOneClearProblem(_ expected: BadScenarioFile) throws {
        let problems = Support.problems(ofFixture: "bad/\(expected.file)")
        try #require(problems.count == 1, "\(problems)")
        let problem = problems[0]
        #expect(problem.file == "bad/\(expected.file)")
        #expect(problem.line == expected.line)
        #expect(problem.column == expected.column)
        #expect(problem.fieldPath == expected.field)
        #expect(problem.message == expected.message)
    }

    /// All problems of a file at once, in reading order, not only the first.
    @Test func everyProblemIsReportedAtOnce() {
        let problems = Support.problems(ofFixture: "bad/many-problems.yaml")
        #expect(problems.map(\.fieldPath) == [
            "name", "horizon.periods", "investment.alpha", "shocks[0].regions", "shocks[0].magnitude", "shocks[1].products",
            "shocks[2].kind",
        ])
        #expect(problems.map { $0.line ?? 0 } == [2, 3, 5, 7, 7, 8, 9])
        #expect(problems[3].message.hasPrefix("unknown region 'Pekin'"))
        #expect(problems[5].message == "unknown imported product '99' — did you mean `01` (Agricultural products) or `20` (Electronic equipment)?")
        #expect(problems[6].message == "unknown shock kind \"tarif\" (expected `capacity`, `import`, `export`, `demand`, `investment`, `import_price`, `cost` or `capital_destruction`)")
        #expect(
            problems[0].description
                == "bad/many-problems.yaml:2:7: name: expected a name of letters, digits, '_', '-' and '.' that starts with a letter or digit, found the text \"many problems\""
        )
    }

    @Test func regionalBoundsAreChecked() {
        let problems = Support.problems(ofFixture: "bad/regional-bounds.yaml")
        #expect(problems.map(\.fieldPath) == ["investment.regional_bounds", "investment.regional_bounds[0]", "investment.regional_bounds[2].regions"])
        #expect(problems.map(\.message) == [
            "the regional minimums add up to 1.1, above 1: no weights can meet them",
            "minimum 0.6 is above maximum 0.4",
            "region CN-SH is already bounded in investment.regional_bounds[1]; a region may appear in one bound only",
        ])
    }

    /// Problems inside a series CSV name the CSV file and its line.
    @Test func seriesFileProblemsNameTheCSV() {
        let problems = Support.problems(ofFixture: "bad/series-bad-csv.yaml")
        #expect(problems.map(\.file) == ["bad/series-bad-values.csv", "bad/series-bad-values.csv"])
        #expect(problems.map(\.line) == [3, 4])
        #expect(problems.map(\.fieldPath) == ["shocks[0].profile.file", "shocks[0].profile.file"])
        #expect(problems.map(\.message) == ["expected a number in [0, 1], found \"1.5\"", "expected a number in [0, 1], found \"half\""])
    }

    /// A 50 MB file is refused from its size, before it is read or parsed.
    @Test func hugeFileIsRefusedUnread() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shockflow-scenario-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("huge.yaml")
        let line = Data("# padding padding padding padding padding padding padding padding padding padding\n".utf8)
        var block = Data()
        for _ in 0..<(1 << 14) { block.append(line) }
        try #require(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        let size: UInt64 = 50 * 1_048_576
        while try handle.offset() < size { handle.write(block) }
        try handle.truncate(atOffset: size)
        try handle.close()
        let document = ScenarioDocument(contentsOf: url, shownAs: "huge.yaml")
        #expect(document.problems.count == 1)
        #expect(document.problems.first?.message == "the file is 50.0 MB; scenario files are limited to 10.0 MB")
        #expect(document.problems.first?.location == nil)
        #expect(document.economyReference == nil)
    }

    /// Nesting deeper than libyaml's limit (1000) is a syntax error, not a stack overflow.
    @Test func deepNestingIsASyntaxError() {
        let yaml = "schema_version: 1\nname: deep\nhorizon: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "\n"
        let problems = Support.problems(yaml)
        #expect(problems.count == 1)
        #expect(problems.first?.line == 3)
        #expect(problems.first?.message.hasPrefix("YAML syntax error:") == true)
    }

    @Test func fileThatIsNotUTF8() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("shockflow-latin1-\(UUID().uuidString).yaml")
        try Data([0x6E, 0x61, 0x6D, 0x65, 0x3A, 0x20, 0xE9, 0xFF, 0x0A]).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let document = ScenarioDocument(contentsOf: url, shownAs: "latin1.yaml")
        #expect(document.problems.map(\.message) == ["is not UTF-8 text"])
    }

    @Test func missingFile() {
        let document = ScenarioDocument(contentsOf: Support.fixtures.appendingPathComponent("no-such.yaml"), shownAs: "no-such.yaml")
        #expect(document.problems.map(\.description) == ["no-such.yaml: no such file"])
    }

    /// An economy that cannot be loaded is a problem at the `economy` field, listed with the others.
    @Test func unknownEconomyIsReportedAtItsField() throws {
        struct NoSuchEconomy: Error, CustomStringConvertible {
            var description: String { "no built-in economy or folder of that name" }
        }
        let document = ScenarioDocument(
            contentsOf: Support.fixtures.appendingPathComponent("bad/unknown-economy.yaml"), shownAs: "unknown-economy.yaml")
        #expect(throws: ScenarioError.self) { _ = try document.resolve(loadingEconomyWith: { _, _ in throw NoSuchEconomy() }) }
        do {
            _ = try document.resolve(loadingEconomyWith: { reference, directory in
                #expect(reference == "chna-2017")
                #expect(directory.standardizedFileURL == Support.fixtures.appendingPathComponent("bad").standardizedFileURL)
                throw NoSuchEconomy()
            })
        } catch {
            #expect(
                error.problems.map(\.description) == [
                    "unknown-economy.yaml:3:10: economy: cannot load economy 'chna-2017': no built-in economy or folder of that name"
                ])
        }
    }

    /// Rules that depend on the economy's final-demand categories.
    @Test func exportShockAndDefaultBudgetNeedTheirCategories() {
        var economy = Support.economy
        economy.finalDemandCategories = ["households", "government", "capital", "foreign"].map { Label(code: $0) }
        let yaml = "schema_version: 1\nname: x\nshocks: [{id: e, kind: export, sectors: '20', magnitude: 0.5}]\n"
        do {
            _ = try Support.document(yaml).resolve(against: economy)
            Issue.record("expected problems")
        } catch {
            #expect(error.problems.map(\.fieldPath) == ["investment.budget", "shocks[0].kind"])
            #expect(
                error.problems.map(\.message) == [
                    "economy test-economy has no gross fixed capital formation (`gfcf`) final-demand category to take the default budget from: write `budget`",
                    "economy test-economy has no exports final-demand category for an export shock to act on",
                ])
        }
    }
}

extension ScenarioBadFileTests {
    /// A file with thousands of problems lists the first 200 and counts the rest.
    @Test func problemsAreCappedForHostileFiles() {
        let shocks = (0..<400).map { "  - {id: s\($0), kind: capacity, regions: Nowhere\($0), sectors: '20', magnitude: 0.1}" }
        let problems = Support.problems("schema_version: 1\nname: many\nshocks:\n" + shocks.joined(separator: "\n") + "\n")
        #expect(problems.count == 201)
        #expect(problems.first?.message == "unknown region 'Nowhere0' (economy test-economy has 3 regions: codes such as `CN-BJ`, `CN-ZJ`, `CN-SH`; English names, aliases and group names work too)")
        #expect(problems.last?.message == "200 more problems not listed (only the first 200 are)")
    }

    /// Lists are bounded, so that a file cannot multiply the memory every entry costs (cells, periods).
    @Test func listsHoldAtMostAThousandEntries() {
        let shocks = (0...1000).map { "  - {id: s\($0), kind: investment, magnitude: 0.1}" }
        let problems = Support.problems("schema_version: 1\nname: long\nshocks:\n" + shocks.joined(separator: "\n") + "\n")
        #expect(problems.map(\.description) == ["test.yaml:4:3: shocks: has 1001 items; at most 1000 are allowed"])
    }
}
