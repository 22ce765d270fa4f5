/// Where in an input file a problem sits: the file, a 1-based line and a 1-based field (column).
public struct FileLocation: Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    /// 1-based index of the field within its row.
    public var field: Int?
    /// The header name of that field, when the file has a header.
    public var fieldName: String?

    public init(path: String, line: Int? = nil, field: Int? = nil, fieldName: String? = nil) {
        self.path = path
        self.line = line
        self.field = field
        self.fieldName = fieldName
    }

    public var description: String {
        var text = path
        if let line { text += ", line \(line)" }
        if let field {
            text += ", column \(field)"
            if let fieldName, !fieldName.isEmpty { text += " (\(fieldName))" }
        }
        return text
    }
}

/// Everything that can go wrong reading or writing data files (CSV, YAML, economy folders).
///
/// Each description names the file and, where there is one, the line and column or cell, in words a
/// policy modeler can act on. Several problems found in one pass come back as `.several`.
public enum DataFileError: Error, Sendable, Equatable, CustomStringConvertible {
    case fileNotFound(path: String, expected: String)
    /// A folder (or other non-file) where a file belongs.
    case notAFile(path: String, expected: String)
    case unreadable(path: String, reason: String)
    case emptyFile(path: String)
    case raggedRow(FileLocation, expectedFields: Int, foundFields: Int)
    case unterminatedQuote(FileLocation)
    case notANumber(FileLocation, text: String)
    case nonFiniteNumber(FileLocation, text: String)
    /// A finite number too large for an economy table (`EconomyValues.largestMagnitude`).
    case valueOutOfRange(FileLocation, text: String, largestMagnitude: Double)
    /// An empty field where a number is required.
    case missingValue(FileLocation)
    case missingColumn(path: String, column: String, header: [String])
    case unexpectedColumn(FileLocation, column: String, expected: [String])
    /// A region, sector, category or product name that the economy does not define.
    case unknownLabel(FileLocation, kind: String, value: String, suggestion: String?)
    case duplicateCell(FileLocation, cell: String, firstLine: Int)
    case negativeOutput(FileLocation, cell: String, value: Double)
    case invalidManifest(FileLocation, message: String)
    case unknownManifestKey(FileLocation, key: String, allowed: [String])
    /// A structural problem in a table (missing rows, bad multi-index header, …).
    case invalidTable(FileLocation, message: String)
    case unrecognizedEconomy(path: String, reason: String)
    case economyNotFound(name: String, searched: [String], available: [String])
    case writeFailed(path: String, reason: String)
    /// A NaN or ±Inf among the figures of a file about to be written (`rowStart`: its row up to it).
    case nonFiniteResult(FileLocation, value: Double, rowStart: String)
    /// Several problems found in one pass; `omitted` more were found but not kept.
    case several([DataFileError], omitted: Int)

    /// The individual problems (one, or all of those kept in `.several`).
    public var problems: [DataFileError] {
        if case .several(let list, _) = self { return list.flatMap(\.problems) }
        return [self]
    }

    /// Where the problem sits, when it is at one place of a file.
    public var location: FileLocation? {
        switch self {
        case .raggedRow(let location, _, _), .unterminatedQuote(let location), .notANumber(let location, _),
            .nonFiniteNumber(let location, _), .missingValue(let location), .unexpectedColumn(let location, _, _),
            .unknownLabel(let location, _, _, _), .duplicateCell(let location, _, _), .negativeOutput(let location, _, _),
            .invalidManifest(let location, _), .unknownManifestKey(let location, _, _), .invalidTable(let location, _):
            return location
        default:
            return nil
        }
    }

    /// What is wrong without the place it is at (`description` is the place, ": " and this), for
    /// listings that show the place their own way (`file:line:column: message`).
    public var message: String {
        let text = description
        var places: [String] = []
        if let location { places.append(location.description) }
        switch self {
        case .fileNotFound(let path, _), .unreadable(let path, _), .emptyFile(let path), .unrecognizedEconomy(let path, _),
            .writeFailed(let path, _):
            places.append(path)
        default: break
        }
        for place in places where text.hasPrefix(place + ": ") { return String(text.dropFirst(place.count + 2)) }
        return text
    }

    public var description: String {
        switch self {
        case .fileNotFound(let path, let expected):
            return "\(path): file not found (expected \(expected))"
        case .notAFile(let path, let expected):
            return "\(path): a folder where a file belongs (expected \(expected))"
        case .unreadable(let path, let reason):
            return "\(path): cannot read the file: \(reason)"
        case .emptyFile(let path):
            return "\(path): the file is empty"
        case .raggedRow(let location, let expected, let found):
            return "\(location): expected \(expected) fields, found \(found)"
        case .unterminatedQuote(let location):
            return "\(location): a quoted field is never closed (missing \")"
        case .notANumber(let location, let text):
            return "\(location): expected a number, found \"\(text)\""
        case .nonFiniteNumber(let location, let text):
            return "\(location): \"\(text)\" is not a finite number (NaN and infinity are refused)"
        case .valueOutOfRange(let location, let text, let largest):
            return "\(location): \"\(text)\" is too large: economy values must lie within ±\(NumberFormatting.shortest(largest)) "
                + "(larger values overflow the model's sums and products)"
        case .missingValue(let location):
            return "\(location): expected a number, found an empty field"
        case .missingColumn(let path, let column, let header):
            return "\(path), line 1: missing column \"\(column)\" in the header (found: \(header.joined(separator: ",")))"
        case .unexpectedColumn(let location, let column, let expected):
            return "\(location): unexpected column \"\(column)\" (expected: \(expected.joined(separator: ",")))"
        case .unknownLabel(let location, let kind, let value, _) where value.isEmpty:
            return "\(location): missing \(kind) (the field is empty)"
        case .unknownLabel(let location, let kind, let value, let suggestion):
            let hint = suggestion.map { "; did you mean \"\($0)\"?" } ?? ""
            return "\(location): unknown \(kind) \"\(value)\"\(hint)"
        case .duplicateCell(let location, let cell, let firstLine):
            return "\(location): duplicate cell \(cell), already given on line \(firstLine)"
        case .negativeOutput(let location, let cell, let value):
            return "\(location): gross output of \(cell) is negative (\(NumberFormatting.shortest(value)))"
        case .invalidManifest(let location, let message):
            return "\(location): \(message)"
        case .unknownManifestKey(let location, let key, let allowed):
            return "\(location): unknown key \"\(key)\" (allowed here: \(allowed.joined(separator: ", ")))"
        case .invalidTable(let location, let message):
            return "\(location): \(message)"
        case .unrecognizedEconomy(let path, let reason):
            return "\(path): not an economy: \(reason)"
        case .economyNotFound(let name, let searched, let available):
            let places = searched.isEmpty ? "" : "; looked in: \(searched.joined(separator: ", "))"
            let names = available.isEmpty ? "" : "; built-in economies: \(available.joined(separator: ", "))"
            return "\"\(name)\" is neither a file or folder nor a built-in economy\(places)\(names)"
        case .writeFailed(let path, let reason):
            return "\(path): cannot write: \(reason)"
        case .nonFiniteResult(let location, let value, let rowStart):
            let row = rowStart.isEmpty ? "" : " (the row begins \"\(rowStart)\")"
            return "\(location): a result came out \(NumberFormatting.shortest(value)), not a finite number\(row): "
                + "a figure overflowed or the system solved is singular, so nothing was written"
        case .several(let list, let omitted):
            let all = list.flatMap(\.problems)
            let more = omitted > 0 ? "\n  … and \(omitted) more"
                : all.count >= ProblemCollector.defaultLimit ? "\n  … reading stopped here; there may be more" : ""
            return "\(all.count + omitted) problems:\n" + all.map { "  - \($0.description)" }.joined(separator: "\n") + more
        }
    }
}
