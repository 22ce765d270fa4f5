import Foundation
import ShockFlowTestSupport
import Testing
@testable import ShockFlowFormats

/// `economy.yaml` is read as scenario files are: UTF-8 text only, no YAML aliases.
@Suite struct EconomyManifestTextTests {
    /// A copy of the two-region economy whose economy.yaml is `edit`ed, loaded.
    private func load(editing edit: (inout [UInt8]) -> Void) throws -> DataFileError? {
        try withTemporaryDirectory { directory in
            let folder = directory + "/economy"
            try FileManager.default.copyItem(atPath: Fixtures.path("economies/two-region"), toPath: folder)
            var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/economy.yaml")))
            edit(&bytes)
            try Data(bytes).write(to: URL(fileURLWithPath: folder + "/economy.yaml"))
            do {
                _ = try EconomyLoader.load(folder)
                return nil
            } catch let error as DataFileError {
                return error
            }
        }
    }

    @Test func bytesThatAreNotUTF8AreRefused() throws {
        let error = try load { bytes in bytes.insert(contentsOf: [0xFF, 0xFE], at: bytes.count / 2) }
        #expect(error?.description.hasSuffix("economy/economy.yaml: the file is not UTF-8 text") == true, "\(String(describing: error))")
    }

    @Test func aliasesAreRefusedBeforeParsing() throws {
        let bomb = "l0: &l0 [x]\n" + (1...20).map { "l\($0): &l\($0) [" + Array(repeating: "*l\($0 - 1)", count: 9).joined(separator: ", ") + "]" }
            .joined(separator: "\n") + "\nsource: *l20\n"
        let error = try load { bytes in bytes += Array(bomb.utf8) }
        #expect(error?.description.contains("economy.yaml, line 31: YAML aliases (`*l0`) are not allowed") == true, "\(String(describing: error))")
    }
}
