import Foundation
import ShockFlowEngine
import ShockFlowFormats

/// A value of `manifest.json` as read for the report: enough JSON to show any field as text.
indirect enum ManifestValue: Decodable, Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([ManifestValue])
    case object([String: ManifestValue])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let items = try? container.decode([ManifestValue].self) {
            self = .array(items)
        } else {
            self = .object(try container.decode([String: ManifestValue].self))
        }
    }

    subscript(key: String) -> ManifestValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var number: Double? {
        if case .number(let number) = self { return number }
        return nil
    }

    var array: [ManifestValue] {
        if case .array(let items) = self { return items }
        return []
    }

    /// The value as one line of text: objects as `key=value` pairs in key order, arrays comma-separated.
    var text: String {
        switch self {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return NumberFormatting.shortest(number)
        case .string(let text): return text
        case .array(let items): return items.map(\.text).joined(separator: ", ")
        case .object(let fields): return fields.keys.sorted().map { "\($0)=\(fields[$0]?.text ?? "")" }.joined(separator: " ")
        }
    }
}

/// `manifest.json` of a run or sweep folder: the fields the report shows and checks.
struct ReportManifest: Sendable {
    let path: String
    let root: ManifestValue

    init(path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ReportError.missingFile(path: path, needed: "manifest.json says what wrote the folder")
        }
        do {
            root = try JSONDecoder().decode(ManifestValue.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw ReportError.invalidManifest(path: path, reason: "not readable as JSON")
        }
        guard case .object = root else { throw ReportError.invalidManifest(path: path, reason: "not a JSON object") }
        self.path = path
    }

    var command: String? { root["command"]?.string }

    /// The run's parameters, as text by field (`shocks.<id>.magnitude`, …).
    var parameters: [String: String] {
        guard case .object(let fields)? = root["parameters"] else { return [:] }
        return fields.compactMapValues(\.string)
    }

    /// The economy's money unit as a currency (`economy_metadata.currency` and `scale`), when recorded.
    var moneyFormat: MoneyFormat? {
        guard let metadata = root["economy_metadata"], let code = metadata["currency"]?.string else { return nil }
        let scale = metadata["scale"]?.number ?? 1
        return scale.isFinite && scale > 0 ? MoneyFormat(code: code, scale: scale) : nil
    }

    /// The names of the economy's regions, sectors and products by code (`economy_metadata`); empty for
    /// folders written before the manifest recorded them.
    var labels: (regions: [String: String], sectors: [String: String], products: [String: String]) {
        func names(_ key: String) -> [String: String] {
            var names: [String: String] = [:]
            for entry in root["economy_metadata"]?[key]?.array ?? [] {
                guard let code = entry["code"]?.string, let name = entry["name"]?.string, !name.isEmpty else { continue }
                names[code] = name
            }
            return names
        }
        return (names("regions"), names("sectors"), names("products"))
    }

    /// Every input file with its SHA-256, in the manifest's order.
    var inputs: [(path: String, sha256: String)] {
        (root["inputs"]?.array ?? []).compactMap { input in
            guard let path = input["path"]?.string, let digest = input["sha256"]?.string else { return nil }
            return (path, digest)
        }
    }
}
