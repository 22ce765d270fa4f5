import Foundation
import Testing
@testable import ShockFlowFormats

/// Broken inputs of the china-2017 build come back as `DataFileError`s naming file, line and field.
@Suite struct ChinaBuildReaderTests {
    /// A scratch copy of the small inputs with a long table made of `rows`.
    static func inputs(rows: [String], groups: String? = nil) throws -> String {
        let shipped = try ChinaMRIOBuilder.bundledInputsDirectory()
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("china-build-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for file in ["provinces.csv", "sectors.csv", "region-groups.csv"] {
            try FileManager.default.copyItem(atPath: shipped + "/" + file, toPath: folder + "/" + file)
        }
        if let groups { try groups.write(toFile: folder + "/region-groups.csv", atomically: true, encoding: .utf8) }
        let text = (["province,row_code,row_name,col_code,value_10k_yuan"] + rows).joined(separator: "\n") + "\n"
        try text.write(toFile: folder + "/prov_io_2017_42sec_long.csv", atomically: true, encoding: .utf8)
        return folder
    }

    static func problems(building folder: String) -> [DataFileError] {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            _ = try ChinaMRIOBuilder.build(inputs: folder)
        } catch let error as DataFileError {
            return error.problems
        } catch {
            Issue.record("expected a DataFileError, got \(error)")
        }
        return []
    }

    @Test func unknownProvinceAndBadNumberAreLocated() throws {
        let problems = Self.problems(building: try Self.inputs(rows: [
            "北京,01,农林牧渔产品和服务,01,1.5", "北平,01,农林牧渔产品和服务,02,2", "北京,01,农林牧渔产品和服务,03,abc",
        ]))
        let text = problems.map(\.description)
        #expect(text.contains { $0.contains("line 3") && $0.contains("北平") && $0.contains("did you mean \"北京\"") })
        #expect(text.contains { $0.contains("line 4, column 5 (value_10k_yuan)") && $0.contains("abc") })
    }

    @Test func missingCellsAreNamed() throws {
        let problems = Self.problems(building: try Self.inputs(rows: ["北京,01,农林牧渔产品和服务,01,1.5"]))
        #expect(problems.first?.description.contains("no value for province 北京, row 01, column 02") == true)
    }

    @Test func duplicateCellIsRefused() throws {
        let problems = Self.problems(building: try Self.inputs(rows: [
            "北京,01,农林牧渔产品和服务,01,1.5", "北京,01,农林牧渔产品和服务,01,1.5",
        ]))
        #expect(problems.contains { if case .duplicateCell = $0 { return true } else { return false } })
    }

    @Test func unknownRegionInAGroupIsNamed() throws {
        let problems = Self.problems(building: try Self.inputs(rows: [], groups: "group,region\neast,CN-BJ\neast,CN-XX\n"))
        #expect(problems.first?.description.contains("line 3") == true)
        #expect(problems.first?.description.contains("CN-XX") == true)
    }

    @Test func missingInputsFolderIsAFileError() {
        #expect(throws: DataFileError.self) { try ChinaMRIOBuilder.build(inputs: "/nonexistent/china-2017-inputs") }
    }
}
