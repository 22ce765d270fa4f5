import Foundation

/// Reads plan tables (docs/plan.md, "The table"): a shipped table by name, or a CSV in the same
/// columns. Quoted fields may hold commas, quotes (`""`) and line breaks; every problem names the
/// file, line and column (columns in characters, as in scenario files). Tables are read once per
/// process and file version: a sweep resolves thousands of variants that name the same table.
package enum PlanTableReader {
    /// One problem in a table file.
    package struct Problem: Sendable, Equatable {
        package var message: String
        package var file: String
        package var location: TextLocation?
    }

    /// The table a scenario names with `priorities`: a shipped table, or a CSV path relative to
    /// `directory`, shown in messages relative to the scenario file as the user named it.
    static func load(
        _ reference: String, directory: URL, scenarioFile: String, field: FieldPath, diagnostics: inout ScenarioDiagnostics
    ) -> PlanTable? {
        switch locate(reference, directory: directory, shownBeside: scenarioFile) {
        case .failure(let error):
            diagnostics.report(error.description, at: field)
            return nil
        case .success(let files):
            var rows: [PlanRow] = []
            var problems: [Problem] = []
            for file in files {
                let read = cachedRows(path: file.path, shown: file.shown)
                rows += read.rows
                problems += read.problems
            }
            for problem in problems {
                diagnostics.report(problem.message, inFile: problem.file, location: problem.location, at: field)
            }
            guard problems.isEmpty else { return nil }
            return PlanTable(name: reference, files: files.map(\.path), rows: rows)
        }
    }

    /// The files of a table: a shipped name's files, or the CSV at `reference` (relative to
    /// `directory`), each with the name messages show; or why there is none.
    static func locate(_ reference: String, directory: URL, shownBeside scenarioFile: String)
        -> Result<[(path: String, shown: String)], PlanTableLocationError>
    {
        if let names = PlanTable.shipped[reference] {
            guard let folder = shippedDirectory() else {
                return .failure(PlanTableLocationError(
                    "the shipped plan tables are not found (a folder `plan-priorities` beside the built-in economies, "
                        + "\(BuiltInEconomies.searchDirectories().joined(separator: ", "))): reinstall shockflow"))
            }
            return .success(names.map { (folder + "/" + $0, $0) })
        }
        let url = URL(fileURLWithPath: reference, relativeTo: directory).standardizedFileURL
        let scenarioFolder = (scenarioFile as NSString).deletingLastPathComponent
        let shown = reference.hasPrefix("/") || scenarioFolder.isEmpty ? reference : "\(scenarioFolder)/\(reference)"
        guard PathKind(url.path) == .file else {
            let shipped = PlanTable.shippedNames.map { "`\($0)`" }.joinedAsAlternatives()
            return .failure(PlanTableLocationError(
                "no plan table `\(reference)`: not a shipped table (\(shipped)) and no file \(shown)"
                    + NameSuggestions.didYouMean(reference, among: PlanTable.shippedNames)))
        }
        return .success([(url.path, shown)])
    }

    /// `Resources/plan-priorities`, found beside the built-in economies (`BuiltInEconomies`).
    static func shippedDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let first = PlanTable.shipped[PlanTable.defaultName]?.first ?? ""
        for directory in BuiltInEconomies.searchDirectories(environment: environment) {
            let candidate = URL(fileURLWithPath: directory).deletingLastPathComponent().appendingPathComponent("plan-priorities").path
            if PathKind(candidate + "/" + first) == .file { return candidate }
        }
        return nil
    }

    // MARK: Reading one file

    private static let cache = PlanTableCache()

    /// The rows of one file, read once per (path, name shown, size, modification time).
    static func cachedRows(path: String, shown: String) -> (rows: [PlanRow], problems: [Problem]) {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let key = PlanTableCache.Key(
            path: path, shown: shown, size: (attributes?[.size] as? NSNumber)?.intValue ?? -1,
            modified: (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)
        if let hit = cache.value(for: key) { return hit }
        let read = readRows(path: path, shown: shown)
        cache.store(read, for: key)
        return read
    }

    /// Every row of the CSV at `path`, checked field by field; `shown` names the file in problems.
    static func readRows(path: String, shown: String) -> (rows: [PlanRow], problems: [Problem]) {
        var problems: [Problem] = []
        func problem(_ message: String, _ location: TextLocation?) { problems.append(Problem(message: message, file: shown, location: location)) }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        guard size <= ScenarioYAML.maximumFileSize else {
            problem("the plan table is larger than \(ScenarioYAML.maximumFileSize / 1_048_576) MB", nil)
            return ([], problems)
        }
        var rows: [PlanRow] = []
        do {
            var reader = try CSVReader(path: path)
            let header = try CSVHeader(reading: &reader)
            let missing = PlanTable.requiredColumns.filter { header.position(of: $0) == nil }
            guard missing.isEmpty else {
                problem(
                    "the header lacks the column\(missing.count == 1 ? "" : "s") " + missing.map { "`\($0)`" }.joinedAsAlternatives()
                        .replacingOccurrences(of: " or ", with: " and ")
                        + " (a plan table's columns: " + PlanTable.columns.joined(separator: ", ") + ")", TextLocation(line: 1, column: 1))
                return ([], problems)
            }
            var cursor = LineCursor(bytes: reader.file.bytes)
            while try reader.nextRecord() {
                if let row = row(of: reader, header: header, shown: shown, cursor: &cursor, problem: problem) { rows.append(row) }
            }
        } catch let error as DataFileError {
            problem(message(for: error), error.location?.line.map { TextLocation(line: $0, column: 1) })
        } catch {
            problem("\(error)", nil)
        }
        if rows.isEmpty, problems.isEmpty { problem("the plan table has no rows", TextLocation(line: 1, column: 1)) }
        return (rows, problems)
    }

    /// The current record as a row, or nil after reporting what is wrong with it.
    private static func row(
        of reader: CSVReader, header: CSVHeader, shown: String, cursor: inout LineCursor,
        problem: (String, TextLocation?) -> Void
    ) -> PlanRow? {
        guard reader.fieldCount == header.names.count else {
            problem(
                "expected \(header.names.count) fields as in the header, found \(reader.fieldCount) (quote a field that holds a comma)",
                TextLocation(line: reader.line, column: 1))
            return nil
        }
        // Locations in column order: the cursor only moves forward through the file.
        let locations = reader.fields.map { cursor.location(ofField: $0) }
        func field(_ name: String) -> (text: String, location: TextLocation)? {
            guard let position = header.position(of: name) else { return nil }
            return (reader.text(position).trimmingWhitespace(), locations[position])
        }
        guard let region = field("region"), let priority = field("priority"), let sectors = field("sectors"),
            let kind = field("kind"), let source = field("source"), let grade = field("grade")
        else { return nil }
        var complete = true
        func require(_ value: (text: String, location: TextLocation), _ what: String) {
            if value.text.isEmpty {
                problem("empty `\(what)`", value.location)
                complete = false
            }
        }
        require(region, "region")
        require(priority, "priority")
        if source.text.isEmpty {
            problem("empty `source`: every row of a plan table names where its priority is stated", source.location)
            complete = false
        }
        let parsedKind = PlanKind(rawValue: kind.text)
        if parsedKind == nil {
            let names = PlanKind.allCases.map(\.rawValue)
            problem(
                "unknown kind `\(kind.text)`" + NameSuggestions.didYouMean(kind.text, among: names)
                    + " (kinds: " + names.map { "`\($0)`" }.joined(separator: ", ") + ")", kind.location)
        }
        let parsedGrade = EvidenceGrade(rawValue: grade.text)
        if parsedGrade == nil {
            problem("unknown grade `\(grade.text)`: expected `P` (primary), `S` (secondary) or `L` (low-quality source)", grade.location)
        }
        let codes = sectors.text.split(separator: ";", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
        if codes.contains(where: \.isEmpty), !sectors.text.isEmpty {
            problem("an empty sector code in `\(sectors.text)`: codes are separated by `;`", sectors.location)
            complete = false
        }
        guard complete, let parsedKind, let parsedGrade else { return nil }
        return PlanRow(
            file: shown, line: reader.line, region: region.text, regionName: field("region_name")?.text ?? "",
            priority: priority.text, sectors: codes.filter { !$0.isEmpty }, kind: parsedKind,
            quantity: field("quantity")?.text ?? "", date: field("date")?.text ?? "", source: source.text, grade: parsedGrade,
            regionLocation: region.location, sectorsLocation: sectors.location)
    }

    private static func message(for error: DataFileError) -> String {
        switch error {
        case .unterminatedQuote: return "a quoted field is not closed: its opening quote `\"` is on this line"
        case .invalidTable(_, let message): return message
        case .emptyFile: return "the plan table is empty: it needs a header (" + PlanTable.columns.joined(separator: ",") + ") and rows"
        default: return "\(error)"
        }
    }
}

/// Why a table named in a scenario cannot be found.
struct PlanTableLocationError: Error, Sendable, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Turns byte offsets of fields, met in file order, into lines and columns (columns in characters).
private struct LineCursor {
    let bytes: UnsafeMutablePointer<UInt8>
    private var offset = 0
    private var line = 1
    private var lineStart = 0

    init(bytes: UnsafeMutablePointer<UInt8>) { self.bytes = bytes }

    /// Where a field starts: its opening quote when it is quoted.
    mutating func location(ofField span: CSVReader.FieldSpan) -> TextLocation {
        let start = span.start > 0 && bytes[span.start - 1] == UInt8(ascii: "\"") ? span.start - 1 : span.start
        while offset < start {
            if bytes[offset] == 10 {
                line += 1
                lineStart = offset + 1
            }
            offset += 1
        }
        var column = 1
        for index in min(lineStart, start)..<start where bytes[index] & 0xC0 != 0x80 { column += 1 }
        return TextLocation(line: line, column: column)
    }
}

/// Rows read per file version, shared by the threads of a sweep.
private final class PlanTableCache: @unchecked Sendable {  // `entries` is read and written under `lock` only
    struct Key: Hashable {
        var path: String
        var shown: String
        var size: Int
        var modified: Double
    }

    private let lock = NSLock()
    private var entries: [Key: (rows: [PlanRow], problems: [PlanTableReader.Problem])] = [:]

    func value(for key: Key) -> (rows: [PlanRow], problems: [PlanTableReader.Problem])? { lock.withLock { entries[key] } }

    func store(_ value: (rows: [PlanRow], problems: [PlanTableReader.Problem]), for key: Key) {
        lock.withLock { entries[key] = value }
    }
}
