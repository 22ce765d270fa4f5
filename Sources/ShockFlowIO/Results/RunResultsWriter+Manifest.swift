import Foundation

/// `manifest.json` of a run: the `RunManifest` fields plus `iterations`, the iteration counts of the
/// dynamic model per period (scenario and baseline), encoded into the same JSON object.
struct RunManifestWithIterations: Encodable {
    var manifest: RunManifest
    var iterations: RunIterations?

    private enum CodingKeys: String, CodingKey {
        case iterations
    }

    func encode(to encoder: Encoder) throws {
        try manifest.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(iterations, forKey: .iterations)
    }

    /// Sets the finishing time and writes the manifest as `RunManifest.write` does (sorted keys, snake case).
    func write(to path: String, finishedAt: Date = Date()) throws {
        var finished = self
        finished.manifest.finishedAt = RunManifest.timestamp(finishedAt)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let data: Data
        do {
            data = try encoder.encode(finished)
        } catch {
            throw DataFileError.writeFailed(path: path, reason: "cannot encode the manifest: \(error)")
        }
        try AtomicFile.write(Array(data) + [10], to: path)
    }
}
