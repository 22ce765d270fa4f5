import Foundation
import ShockFlowLinearAlgebra
import ShockFlowModel

/// An economy as one binary file, so a cached economy (`china-2017`) loads without parsing text.
///
/// Layout (docs/economy-format.md, "Binary cache"): a 64-byte header — magic `SFECONOM`, format
/// version (UInt32), reserved UInt32, description length and value count (UInt64), SHA-256 of
/// everything after the header — then the description (labels, metadata, final-demand columns,
/// component names and notes as JSON, zero-padded to 8 bytes), then the numbers as little-endian
/// Float64 arrays: Z, Y, v, x, intermediate imports, final-demand imports, components (sorted by
/// name). A file with another magic or version, the wrong size or checksum is refused with
/// `DataFileError.unreadable`; the caller then rebuilds it from the economy folder.
enum EconomyBinaryFile {
    static let fileName = "economy.f64"
    static let magic = Array("SFECONOM".utf8)
    static let formatVersion: UInt32 = 1
    static let headerSize = 64

    static func write(_ reading: EconomyReading, to path: String) throws {
        let description = EconomyDescription(reading)
        let descriptionBytes = Array(try JSONEncoder.sorted.encode(description))
        let arrays = numberArrays(of: reading.economy, componentNames: description.componentNames)
        var body = descriptionBytes
        body.append(contentsOf: repeatElement(0, count: padding(body.count)))
        let valueCount = arrays.reduce(0) { $0 + $1.count }
        body.reserveCapacity(body.count + 8 * valueCount)
        for array in arrays {
            for value in array { withUnsafeBytes(of: value.bitPattern.littleEndian) { body.append(contentsOf: $0) } }
        }
        var file = magic
        appendLittleEndian(formatVersion, to: &file)
        appendLittleEndian(UInt32(0), to: &file)
        appendLittleEndian(UInt64(descriptionBytes.count), to: &file)
        appendLittleEndian(UInt64(valueCount), to: &file)
        var hasher = SHA256()
        hasher.update(body)
        file.append(contentsOf: hasher.finalize())
        file.append(contentsOf: body)
        try AtomicFile.write(file, to: path)
    }

    /// Reads and verifies the file; throws `DataFileError.unreadable` naming what is wrong.
    static func read(path: String) throws -> EconomyReading {
        let file = try FileContents(path: path)
        func refuse(_ reason: String) -> DataFileError { .unreadable(path: path, reason: reason) }
        guard file.count >= headerSize else { throw refuse("truncated: \(file.count) bytes, shorter than the header") }
        guard (0..<magic.count).allSatisfy({ file.bytes[$0] == magic[$0] }) else {
            throw refuse("not a ShockFlow binary economy (wrong magic)")
        }
        let version: UInt32 = loadLittleEndian(file, at: 8)
        guard version == formatVersion else {
            throw refuse("binary economy format version \(version); this engine reads version \(formatVersion)")
        }
        let descriptionCount: UInt64 = loadLittleEndian(file, at: 16)
        let valueCount: UInt64 = loadLittleEndian(file, at: 24)
        guard descriptionCount <= UInt64(file.count), valueCount <= UInt64(file.count) / 8 else {
            throw refuse("truncated or corrupt: the header announces more data than the file holds")
        }
        let paddedDescription = Int(descriptionCount) + padding(Int(descriptionCount))
        let expectedSize = headerSize + paddedDescription + 8 * Int(valueCount)
        guard file.count == expectedSize else {
            throw refuse("truncated or corrupt: \(file.count) bytes, the header announces \(expectedSize)")
        }
        var hasher = SHA256()
        hasher.update(UnsafeRawBufferPointer(start: file.bytes + headerSize, count: file.count - headerSize))
        guard hasher.finalize().elementsEqual(UnsafeBufferPointer(start: file.bytes + 32, count: 32)) else {
            throw refuse("corrupt: the SHA-256 of its contents does not match its header")
        }
        let descriptionBytes = UnsafeBufferPointer(start: file.bytes + headerSize, count: Int(descriptionCount))
        let description: EconomyDescription
        do {
            description = try JSONDecoder().decode(EconomyDescription.self, from: Data(buffer: descriptionBytes))
        } catch {
            throw refuse("corrupt description: \(error)")
        }
        var values = FloatCursor(file: file, offset: headerSize + paddedDescription)
        return try description.reading(values: &values, valueCount: Int(valueCount), refuse: refuse)
    }

    /// The Float64 arrays in file order.
    static func numberArrays(of economy: Economy, componentNames: [String]) -> [[Double]] {
        [
            economy.intermediateFlows.elements, economy.finalDemand.elements, economy.valueAdded,
            economy.grossOutput, economy.intermediateImports.elements, economy.finalDemandImports.elements,
        ] + componentNames.map { economy.valueAddedComponents[$0] ?? [] }
    }

    static func padding(_ count: Int) -> Int { (8 - count % 8) % 8 }

    private static func appendLittleEndian<Word: FixedWidthInteger>(_ word: Word, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: word.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private static func loadLittleEndian<Word: FixedWidthInteger>(_ file: FileContents, at offset: Int) -> Word {
        Word(littleEndian: UnsafeRawPointer(file.bytes + offset).loadUnaligned(as: Word.self))
    }
}

/// Hands out consecutive Float64 arrays from the value section of a binary economy file.
struct FloatCursor {
    let file: FileContents
    var offset: Int

    /// The next `count` values, copied into a new array (bytes are little-endian in the file).
    mutating func take(_ count: Int) -> [Double] {
        let start = file.bytes + offset
        offset += 8 * count
        return [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress { UnsafeMutableRawPointer(base).copyMemory(from: start, byteCount: 8 * count) }
            #if _endian(big)
            for index in 0..<count { buffer[index] = Double(bitPattern: UInt64(littleEndian: buffer[index].bitPattern)) }
            #endif
            initialized = count
        }
    }
}

/// Everything of an economy reading except its numbers, as JSON.
private struct EconomyDescription: Codable {
    struct LabelEntry: Codable {
        var code: String
        var name: String
        var aliases: [String]
    }

    var name: String
    var year: Int?
    var moneyUnit: String
    /// `EconomyMetadata.rounding`; absent from the JSON when nil, so files of unrounded economies are unchanged.
    var rounding: Double?
    /// `EconomyMetadata.currency`'s code and scale; absent when the economy declares no currency.
    var currency: String?
    var scale: Double?
    var source: String
    var regionGroups: [String: [String]]
    var sectorGroups: [String: [String]]
    var regions: [LabelEntry]
    var sectors: [LabelEntry]
    var finalDemandCategories: [LabelEntry]
    var importProducts: [LabelEntry]
    /// (destination region, category) of each column of Y, flattened.
    var finalDemandColumns: [Int]
    var componentNames: [String]
    var inputFiles: [String]
    var notes: [String]

    init(_ reading: EconomyReading) {
        let economy = reading.economy
        let entries = { (labels: [Label]) in labels.map { LabelEntry(code: $0.code, name: $0.name, aliases: $0.aliases) } }
        let metadata = economy.metadata
        name = metadata.name
        year = metadata.year
        moneyUnit = metadata.moneyUnit
        rounding = metadata.rounding
        currency = metadata.currency?.code
        scale = metadata.currency?.scale
        source = metadata.source
        regionGroups = metadata.regionGroups
        sectorGroups = metadata.sectorGroups
        regions = entries(economy.regions)
        sectors = entries(economy.sectors)
        finalDemandCategories = entries(economy.finalDemandCategories)
        importProducts = entries(economy.importProducts)
        finalDemandColumns = economy.finalDemandColumns.flatMap { [$0.region, $0.category] }
        componentNames = economy.valueAddedComponents.keys.sorted()
        inputFiles = reading.inputFiles
        notes = reading.notes
    }

    /// The reading, with its numbers taken from `values`; every size is checked against `valueCount`.
    func reading(
        values: inout FloatCursor, valueCount: Int, refuse: (String) -> DataFileError
    ) throws -> EconomyReading {
        let n = regions.count * sectors.count
        let columnCount = finalDemandColumns.count / 2
        let productCount = importProducts.count
        let counts = [n * n, n * columnCount, n, n, productCount * n, productCount * columnCount]
            + componentNames.map { _ in n }
        guard finalDemandColumns.count % 2 == 0, counts.reduce(0, +) == valueCount else {
            throw refuse("corrupt: the description does not match the number of values")
        }
        var columns: [FinalDemandColumn] = []
        for position in stride(from: 0, to: finalDemandColumns.count, by: 2) {
            let column = FinalDemandColumn(region: finalDemandColumns[position], category: finalDemandColumns[position + 1])
            guard regions.indices.contains(column.region), finalDemandCategories.indices.contains(column.category) else {
                throw refuse("corrupt: a final-demand column names a region or category that does not exist")
            }
            columns.append(column)
        }
        let labels = { (entries: [LabelEntry]) in entries.map { Label(code: $0.code, name: $0.name, aliases: $0.aliases) } }
        let flows = try Matrix(rows: n, columns: n, columnMajor: values.take(counts[0]))
        let finalDemand = try Matrix(rows: n, columns: columnCount, columnMajor: values.take(counts[1]))
        let valueAdded = values.take(n)
        let grossOutput = values.take(n)
        let intermediateImports = try Matrix(rows: productCount, columns: n, columnMajor: values.take(counts[4]))
        let finalDemandImports = try Matrix(rows: productCount, columns: columnCount, columnMajor: values.take(counts[5]))
        var components: [String: [Double]] = [:]
        for name in componentNames { components[name] = values.take(n) }
        let economy = Economy(
            metadata: EconomyMetadata(
                name: name, year: year, moneyUnit: moneyUnit, currency: currency.map { CurrencyUnit(code: $0, scale: scale ?? 1) },
                source: source, regionGroups: regionGroups,
                sectorGroups: sectorGroups, rounding: rounding),
            regions: labels(regions), sectors: labels(sectors), finalDemandCategories: labels(finalDemandCategories),
            intermediateFlows: flows, finalDemand: finalDemand, finalDemandColumns: columns, valueAdded: valueAdded,
            valueAddedComponents: components, importProducts: labels(importProducts),
            intermediateImports: intermediateImports, finalDemandImports: finalDemandImports, grossOutput: grossOutput)
        return EconomyReading(economy: economy, inputFiles: inputFiles, notes: notes)
    }
}

extension JSONEncoder {
    /// An encoder whose output does not depend on dictionary order.
    fileprivate static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
