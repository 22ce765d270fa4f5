import Foundation
import ShockFlowFormats

/// A `manifest.json` with one member more than `RunManifest`: `iterations` for a run (the dynamic
/// model's iteration counts per period), `sweep` for a sweep folder (`SweepDescription`), encoded
/// into the same JSON object; left out when nil.
struct ExtendedManifest<Extra: Encodable>: Encodable {
    var manifest: RunManifest
    var key: String
    var extra: Extra?

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: Encoder) throws {
        try manifest.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encodeIfPresent(extra, forKey: Key(stringValue: key))
    }

    /// Sets the finishing time and writes the manifest as `RunManifest.write` does (sorted keys, snake case).
    func write(to path: String, finishedAt: Date = Date()) throws {
        var finished = self
        finished.manifest.finishedAt = RunManifest.timestamp(finishedAt)
        try RunManifest.write(finished, to: path)
    }
}
