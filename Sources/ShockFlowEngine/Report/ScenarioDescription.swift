import Foundation
import ShockFlowFormats
import Yams

/// The `description` of the scenario file a run names in its manifest, for the report's header. Read
/// only when the file still has the SHA-256 the manifest recorded, so the text belongs to that run.
public enum ScenarioDescription {
    /// The description, or nil when the file is missing, changed since the run, not YAML or has none.
    public static func read(scenarioAt path: String, expectedSHA256: String) -> String? {
        guard let digest = SHA256.hex(ofFileAt: path), digest == expectedSHA256,
            let text = try? String(contentsOfFile: path, encoding: .utf8),
            let document = try? Yams.load(yaml: text) as? [String: Any]
        else { return nil }
        return document["description"] as? String
    }
}
