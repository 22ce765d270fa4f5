import Foundation
import ShockFlowModel
import ShockFlowTestSupport
import Testing
@testable import ShockFlowFormats

/// The binary copy of a cached economy (issue 4: a run must not spend half its time parsing the
/// cached Z.csv): every number comes back bit for bit, and a damaged file is never trusted.
@Suite struct EconomyBinaryFileTests {
    /// The two-region fixture (imports, value-added components, groups, aliases) with awkward
    /// doubles planted in it: −0, the smallest subnormal, the largest finite, 0.1 and 1/3; rounded to 0.1,
    /// its money unit in yuan with a scale of 10,000.
    static func awkwardReading() throws -> EconomyReading {
        var reading = try EconomyFolderReader.read(folder: Fixtures.path("economies/two-region"))
        let awkward: [Double] = [-0.0, Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude, 0.1, 1.0 / 3.0]
        for (position, value) in awkward.enumerated() {
            reading.economy.intermediateFlows.elements[position] = value
        }
        reading.economy.finalDemandImports.elements[0] = 0.1 + 0.2
        reading.economy.valueAddedComponents["wages"]?[1] = -1.0 / 7.0
        reading.economy.metadata.rounding = 0.1
        reading.economy.metadata.currency = CurrencyUnit(code: "CNY", scale: 10_000)
        return reading
    }

    @Test func roundTripIsBitExact() throws {
        let original = try Self.awkwardReading()
        try withTemporaryDirectory { directory in
            let path = directory + "/" + EconomyBinaryFile.fileName
            try EconomyBinaryFile.write(original, to: path)
            let back = try EconomyBinaryFile.read(path: path)
            expectIdentical(back, original)
        }
    }

    @Test func truncatedFileIsRefusedAndTheCacheRebuildsIt() throws {
        try expectRefusedAndRebuilt(reason: "truncated") { bytes in bytes.removeLast(8) }
        try expectRefusedAndRebuilt(reason: "truncated") { bytes in bytes.removeLast(bytes.count - 40) }
    }

    @Test func wrongMagicIsRefusedAndTheCacheRebuildsIt() throws {
        try expectRefusedAndRebuilt(reason: "wrong magic") { bytes in bytes[0] = UInt8(ascii: "X") }
    }

    @Test func otherFormatVersionIsRefusedAndTheCacheRebuildsIt() throws {
        try expectRefusedAndRebuilt(reason: "format version 2") { bytes in bytes[8] = 2 }
    }

    @Test func flippedBitInANumberIsRefusedAndTheCacheRebuildsIt() throws {
        try expectRefusedAndRebuilt(reason: "SHA-256") { bytes in bytes[bytes.count - 3] ^= 0x10 }
    }

    /// Writes the binary copy of the two-region folder (as the cache does), damages it with `damage`,
    /// checks that reading it fails naming `reason`, and that the cache reader then falls back to the
    /// CSV files and writes a valid binary copy again.
    private func expectRefusedAndRebuilt(reason: String, damage: (inout [UInt8]) -> Void) throws {
        try withTemporaryDirectory { directory in
            let folder = directory + "/economy"
            try FileManager.default.copyItem(atPath: Fixtures.path("economies/two-region"), toPath: folder)
            let fromText = try EconomyFolderReader.read(folder: folder)
            let first = try BuiltEconomyCache.reading(folder: folder)
            expectIdentical(first, fromText)
            let binaryPath = folder + "/" + EconomyBinaryFile.fileName
            var bytes = try #require(FileManager.default.contents(atPath: binaryPath)).map { $0 }
            damage(&bytes)
            try Data(bytes).write(to: URL(fileURLWithPath: binaryPath))

            #expect {
                _ = try EconomyBinaryFile.read(path: binaryPath)
            } throws: { error in
                guard case DataFileError.unreadable(let path, let why) = error else { return false }
                return path == binaryPath && why.contains(reason)
            }
            let recovered = try BuiltEconomyCache.reading(folder: folder)
            expectIdentical(recovered, fromText)
            expectIdentical(try EconomyBinaryFile.read(path: binaryPath), fromText)
        }
    }
}

/// Every field of two readings is the same, numbers compared by their bits.
func expectIdentical(_ actual: EconomyReading, _ expected: EconomyReading, sourceLocation: SourceLocation = #_sourceLocation) {
    let (a, b) = (actual.economy, expected.economy)
    func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }
    #expect(a.metadata == b.metadata, sourceLocation: sourceLocation)
    #expect(a.regions == b.regions && a.sectors == b.sectors, sourceLocation: sourceLocation)
    #expect(a.finalDemandCategories == b.finalDemandCategories && a.importProducts == b.importProducts,
            sourceLocation: sourceLocation)
    #expect(a.finalDemandColumns == b.finalDemandColumns, sourceLocation: sourceLocation)
    for (name, x, y) in [
        ("Z", a.intermediateFlows, b.intermediateFlows), ("Y", a.finalDemand, b.finalDemand),
        ("imports", a.intermediateImports, b.intermediateImports),
        ("final-demand imports", a.finalDemandImports, b.finalDemandImports),
    ] {
        #expect(x.rows == y.rows && x.columns == y.columns && bits(x.elements) == bits(y.elements),
                "\(name) differs", sourceLocation: sourceLocation)
    }
    #expect(bits(a.valueAdded) == bits(b.valueAdded) && bits(a.grossOutput) == bits(b.grossOutput),
            sourceLocation: sourceLocation)
    #expect(a.valueAddedComponents.mapValues(bits) == b.valueAddedComponents.mapValues(bits), sourceLocation: sourceLocation)
    #expect(actual.inputFiles == expected.inputFiles && actual.notes == expected.notes, sourceLocation: sourceLocation)
}
