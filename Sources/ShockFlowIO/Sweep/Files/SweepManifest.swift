import Foundation

/// `manifest.json` of a sweep folder: the `RunManifest` fields (engine, economy, inputs with their
/// SHA-256, parameters after defaults, seed, times) plus `sweep` (`SweepDescription`).
struct SweepManifest: Encodable {
    var manifest: RunManifest
    var sweep: SweepDescription

    private enum CodingKeys: String, CodingKey {
        case sweep
    }

    func encode(to encoder: Encoder) throws {
        try manifest.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sweep, forKey: .sweep)
    }

    func write(to path: String, finishedAt: Date = Date()) throws {
        var finished = self
        finished.manifest.finishedAt = RunManifest.timestamp(finishedAt)
        try AtomicFile.write(Array(try Self.encoded(finished)) + [10], to: path)
    }

    static func encoded<Value: Encodable>(_ value: Value) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        do {
            return try encoder.encode(value)
        } catch {
            throw DataFileError.writeFailed(path: "manifest.json", reason: "cannot encode the manifest: \(error)")
        }
    }

    /// The `sweep` member of a sweep folder's manifest.
    static func description(inFolder folder: String) throws -> SweepDescription {
        let path = folder + "/manifest.json"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SweepError.notASweepFolder(folder: folder, reason: "it has no manifest.json")
        }
        struct Envelope: Decodable {
            var command: String
            var sweep: SweepDescription?
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        guard let envelope = try? decoder.decode(Envelope.self, from: data) else {
            throw SweepError.notASweepFolder(folder: folder, reason: "its manifest.json cannot be read as a shockflow manifest")
        }
        guard let sweep = envelope.sweep else {
            throw SweepError.notASweepFolder(
                folder: folder, reason: "its manifest.json was written by `shockflow \(envelope.command)`, not by `shockflow sweep`")
        }
        return sweep
    }
}
