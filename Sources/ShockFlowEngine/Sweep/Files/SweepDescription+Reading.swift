import Foundation

extension SweepDescription {
    /// The `sweep` member of a sweep folder's manifest.
    static func read(fromFolder folder: String) throws -> SweepDescription {
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
