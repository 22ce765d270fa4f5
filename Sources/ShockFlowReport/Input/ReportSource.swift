import Foundation

/// What a folder given to `shockflow report` is: a run or a sweep, told by its manifest's command.
enum ReportSource {
    case run(folder: String, manifest: ReportManifest)
    case sweep(folder: String, manifest: ReportManifest)

    init(folder: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw ReportError.notARunOrSweep(path: folder, reason: "it does not exist")
        }
        guard isDirectory.boolValue else {
            throw ReportError.notARunOrSweep(path: folder, reason: "it is a file; give the folder that holds manifest.json")
        }
        let manifestPath = folder + "/manifest.json"
        guard FileManager.default.fileExists(atPath: manifestPath) else {
            throw ReportError.notARunOrSweep(path: folder, reason: "it has no manifest.json")
        }
        let manifest = try ReportManifest(path: manifestPath)
        switch manifest.command {
        case "run": self = .run(folder: folder, manifest: manifest)
        case "sweep", "sweep merge": self = .sweep(folder: folder, manifest: manifest)
        case let command:
            let writer = command.map { "shockflow \($0)" } ?? "no command"
            throw ReportError.notARunOrSweep(path: folder, reason: "its manifest.json names \(writer), not run or sweep")
        }
    }
}
