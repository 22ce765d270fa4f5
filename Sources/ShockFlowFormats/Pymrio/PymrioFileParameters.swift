import Foundation
import ShockFlowModel

/// pymrio's `file_parameters.json`: which file holds each table and how many index columns and
/// header rows it has (pymrio writes the counts as strings).
struct PymrioFileParameters: Decodable {
    struct Entry: Decodable {
        var name: String
        var indexColumns: Int
        var headerRows: Int

        enum CodingKeys: String, CodingKey {
            case name
            case indexColumns = "nr_index_col"
            case headerRows = "nr_header"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            indexColumns = try Self.count(container, .indexColumns)
            headerRows = try Self.count(container, .headerRows)
        }

        /// A count written either as a number or as a string holding one.
        private static func count(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> Int {
            if let value = try? container.decode(Int.self, forKey: key) { return value }
            let text = try container.decode(String.self, forKey: key)
            guard let value = Int(text) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "not a count: \(text)")
            }
            return value
        }
    }

    var files: [String: Entry]
    var systemtype: String?

    static func read(path: String) throws -> PymrioFileParameters {
        let file = try FileContents(path: path)
        guard file.count > 0 else { throw DataFileError.emptyFile(path: path) }
        let parameters: PymrioFileParameters
        do {
            parameters = try JSONDecoder().decode(
                PymrioFileParameters.self, from: Data(bytes: file.bytes, count: file.count))
        } catch {
            throw DataFileError.invalidTable(
                FileLocation(path: path),
                message: "not a pymrio file_parameters.json (expected {\"files\": {\"Z\": {\"name\", \"nr_index_col\", \"nr_header\"}, …}})")
        }
        if let type = parameters.systemtype, type != "IOSystem" {
            throw DataFileError.invalidTable(
                FileLocation(path: path),
                message: "this pymrio folder holds a \(type), not an IOSystem (point to the folder save_all wrote)")
        }
        return parameters
    }

    /// The path of table `key`, checked: listed, a text file that exists, region/sector rows and
    /// the expected number of header rows.
    func entry(_ key: String, folder: String, headerRows: Int) throws -> String {
        guard let path = try optionalEntry(key, folder: folder, headerRows: headerRows) else {
            throw DataFileError.invalidTable(
                FileLocation(path: folder + "/" + PymrioFolderReader.parametersFile),
                message: "no \(key) table is listed under \"files\"")
        }
        return path
    }

    /// Like `entry`, but nil when the table is not listed.
    func optionalEntry(_ key: String, folder: String, headerRows: Int) throws -> String? {
        guard let entry = files[key] else { return nil }
        let path = folder + "/" + entry.name
        let parametersPath = FileLocation(path: folder + "/" + PymrioFolderReader.parametersFile)
        guard entry.name.hasSuffix(".txt") || entry.name.hasSuffix(".tsv") || entry.name.hasSuffix(".csv") else {
            throw DataFileError.invalidTable(
                parametersPath,
                message: "\(key) is stored as \(entry.name); only pymrio's text format is read "
                    + "(save with table_format=\"txt\")")
        }
        guard entry.indexColumns == 2, entry.headerRows == headerRows else {
            throw DataFileError.invalidTable(
                parametersPath,
                message: "\(key) has \(entry.indexColumns) index columns and \(entry.headerRows) header rows; "
                    + "expected 2 (region, sector) and \(headerRows)")
        }
        switch PathKind(path) {
        case .file: return path
        case .missing: throw DataFileError.fileNotFound(path: path, expected: "the \(key) table listed in file_parameters.json")
        case .directory: throw DataFileError.notAFile(path: path, expected: "the \(key) table listed in file_parameters.json")
        }
    }

    /// Sub-folders holding pymrio extensions (their own file_parameters.json), by name.
    static func extensionFolders(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().filter { PathKind(folder + "/" + $0 + "/" + PymrioFolderReader.parametersFile) == .file }
    }
}

/// Name and unit of a pymrio system, from `metadata.json` and `unit.txt` when present.
enum PymrioMetadata {
    private struct Contents: Decodable {
        var name: String?
        var description: String?
        var version: String?
    }

    static func read(folder: String) -> EconomyMetadata {
        let folderName = URL(fileURLWithPath: folder).lastPathComponent
        let contents = (try? FileContents(path: folder + "/metadata.json")).flatMap { file in
            try? JSONDecoder().decode(Contents.self, from: Data(bytes: file.bytes, count: file.count))
        }
        let name = contents?.name ?? folderName
        var source = "pymrio folder \(folderName)"
        if let description = contents?.description { source += ": \(description)" }
        if let version = contents?.version { source += " (version \(version))" }
        return EconomyMetadata(name: name, moneyUnit: unit(folder: folder) ?? "unknown", source: source)
    }

    /// The unit in `unit.txt` when every cell has the same one.
    private static func unit(folder: String) -> String? {
        guard var reader = try? CSVReader(path: folder + "/unit.txt", separator: UInt8(ascii: "\t")) else { return nil }
        var units = Set<String>()
        var isHeader = true
        while (try? reader.nextRecord()) == true {
            if !isHeader, reader.fieldCount == 3 { units.insert(reader.text(2)) }
            isHeader = false
        }
        return units.count == 1 ? units.first : nil
    }
}
