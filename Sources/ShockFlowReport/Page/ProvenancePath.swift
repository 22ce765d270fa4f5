import Foundation

/// How the provenance footer shows a path from the manifest: relative to the project (the current
/// folder, or the scenario's folder), under the cache (`~/.cache/shockflow/…`, `$SHOCKFLOW_CACHE_DIR/…`)
/// or as a built-in economy (`built-in: world-2011/Z.csv`) rather than the absolute folder of a build;
/// the full path stays in the hover text.
struct ProvenancePath {
    var currentDirectory: String
    var environment: [String: String]
    /// The folder of the run's scenario file, when the manifest names it by an absolute path.
    var scenarioFolder: String?

    init(
        scenarioFile: String?, currentDirectory: String = FileManager.default.currentDirectoryPath,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.currentDirectory = currentDirectory
        self.environment = environment
        scenarioFolder = scenarioFile.flatMap { $0.hasPrefix("/") ? URL(fileURLWithPath: $0).deletingLastPathComponent().path : nil }
    }

    /// The folder where `swift build` puts ShockFlowFormats' resources, which hold the built-in economies
    /// and the inputs china-2017 is built from.
    static let resourceMarker = "/ShockFlow_ShockFlowFormats.resources/Resources/"

    func display(_ path: String) -> String {
        guard path.hasPrefix("/") else { return path }
        if let range = path.range(of: Self.resourceMarker) {
            return "built-in: " + Self.builtIn(String(path[range.upperBound...]))
        }
        if let data = environment["SHOCKFLOW_DATA_DIR"], !data.isEmpty, let rest = Self.relative(path, to: data) {
            return "built-in: " + rest
        }
        var caches: [(folder: String, shown: String)] = []
        if let cache = environment["SHOCKFLOW_CACHE_DIR"], !cache.isEmpty { caches.append((cache, "$SHOCKFLOW_CACHE_DIR")) }
        if let cache = environment["XDG_CACHE_HOME"], !cache.isEmpty {
            caches.append((cache + "/shockflow", "$XDG_CACHE_HOME/shockflow"))
        }
        if let home = environment["HOME"], !home.isEmpty { caches.append((home + "/.cache/shockflow", "~/.cache/shockflow")) }
        for cache in caches {
            if let rest = Self.relative(path, to: cache.folder) { return cache.shown + "/" + rest }
        }
        if let rest = Self.relative(path, to: currentDirectory) { return rest }
        if let scenarioFolder, let rest = Self.relative(path, to: scenarioFolder) {
            return URL(fileURLWithPath: scenarioFolder).lastPathComponent + "/" + rest
        }
        if let home = environment["HOME"], !home.isEmpty, let rest = Self.relative(path, to: home) { return "~/" + rest }
        return path
    }

    /// A resource path as the built-in economy it belongs to: `economies/world-2011/Z.csv` is
    /// `world-2011/Z.csv`, `china-2017-inputs/provinces.csv` is `china-2017/provinces.csv`.
    static func builtIn(_ resource: String) -> String {
        if resource.hasPrefix("economies/") { return String(resource.dropFirst("economies/".count)) }
        if resource.hasPrefix("china-2017-inputs/") { return "china-2017/" + resource.dropFirst("china-2017-inputs/".count) }
        return resource
    }

    /// `path` relative to `folder` when it lies inside it.
    static func relative(_ path: String, to folder: String) -> String? {
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        return path.hasPrefix(base) && path.count > base.count ? String(path.dropFirst(base.count)) : nil
    }
}
