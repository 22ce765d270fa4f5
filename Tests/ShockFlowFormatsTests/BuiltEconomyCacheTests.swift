import Foundation
import ShockFlowModel
import Testing
@testable import ShockFlowFormats

/// china-2017 is built on first use into a cache keyed by its inputs' hash (issue 3, item 3).
@Suite struct BuiltEconomyCacheTests {
    @Test func firstUseBuildsSecondUseReadsTheCacheAndARebuildMatchesItByteForByte() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("shockflow-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        var environment = ProcessInfo.processInfo.environment
        environment["SHOCKFLOW_CACHE_DIR"] = cache.path

        let first = try BuiltEconomyCache.folder(for: "china-2017", environment: environment)
        #expect(first.built)
        #expect(first.path.hasPrefix(cache.path + "/china-2017-"))
        let yaml = first.path + "/economy.yaml"
        let modified = try FileManager.default.attributesOfItem(atPath: yaml)[.modificationDate] as? Date

        let second = try BuiltEconomyCache.folder(for: "china-2017", environment: environment)
        #expect(!second.built, "a second use must not rebuild")
        #expect(second.path == first.path)
        #expect(try FileManager.default.attributesOfItem(atPath: yaml)[.modificationDate] as? Date == modified)

        // Resolving the name goes through the cache and loads as an ordinary economy folder.
        let source = try EconomySource.resolve("china-2017", environment: environment)
        #expect(source == EconomySource(path: first.path, format: .shockFlowFolder, builtInName: "china-2017"))
        let loaded = try EconomyLoader.load(source).economy
        #expect(loaded.regionCount == 31 && loaded.sectorCount == 42)
        #expect(try loaded.check().passed, "the cached table passes the default checks")

        // The first load wrote the binary copy; later loads read it and get the CSV numbers bit for bit.
        #expect(FileManager.default.fileExists(atPath: first.path + "/" + EconomyBinaryFile.fileName))
        expectIdentical(try BuiltEconomyCache.reading(folder: first.path), try EconomyFolderReader.read(folder: first.path))

        // A fresh build written by the same writer gives the cached bytes exactly, and the same table hash.
        let rebuilt = try ChinaBuildFixture.get().economy
        #expect(EconomyTableDigest.sha256(loaded) == EconomyTableDigest.sha256(rebuilt))
        for (name, bytes) in try EconomyFolderWriter.contents(of: rebuilt) {
            let cached = FileManager.default.contents(atPath: first.path + "/" + name).map(Array.init)
            #expect(cached == bytes, "\(name) differs between the cache and a rebuild")
        }
    }

    @Test func unknownRecipeIsRefused() {
        #expect(throws: DataFileError.self) { try BuiltEconomyCache.folder(for: "china-2099") }
    }
}
