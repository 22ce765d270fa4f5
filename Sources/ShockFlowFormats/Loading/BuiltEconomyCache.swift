import Foundation

/// Economies that ShockFlow builds from shipped raw inputs on first use (`china-2017`), kept in a
/// cache folder keyed by the SHA-256 of the inputs and the engine version, so a second run reads the
/// cached folder (through its binary copy, `EconomyBinaryFile`) and does not rebuild. The cache lives
/// in `$SHOCKFLOW_CACHE_DIR`, else `$XDG_CACHE_HOME/shockflow`, else `~/.cache/shockflow`.
public enum BuiltEconomyCache {
    static let cacheVariable = "SHOCKFLOW_CACHE_DIR"

    /// Names of the economies built on first use.
    public static var names: [String] { [ChinaMRIOBuilder.economyName] }

    public static func cacheDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let directory = environment[cacheVariable], !directory.isEmpty { return directory }
        if let directory = environment["XDG_CACHE_HOME"], !directory.isEmpty { return directory + "/shockflow" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSTemporaryDirectory()
        return home + "/.cache/shockflow"
    }

    /// The folder of a cached built economy, building and caching it first when it is missing.
    /// - Returns: the folder and whether this call built it.
    public static func folder(
        for name: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> (path: String, built: Bool) {
        guard name == ChinaMRIOBuilder.economyName else {
            throw DataFileError.economyNotFound(
                name: name, searched: [cacheDirectory(environment: environment)], available: names)
        }
        let inputs = try ChinaMRIOBuilder.bundledInputsDirectory(environment: environment)
        let folder = cacheDirectory(environment: environment) + "/\(name)-" + (try inputsKey(inputs))
        if PathKind(folder + "/" + EconomyFolderReader.manifestFile) == .file { return (folder, false) }
        let (economy, _) = try ChinaMRIOBuilder.build(inputs: inputs)
        try EconomyFolderWriter.write(economy, to: folder)
        return (folder, true)
    }

    /// Reads a cached economy folder through its binary copy (`EconomyBinaryFile`): when that file
    /// is missing, truncated, corrupt or of another format version, the folder's CSV files are read
    /// instead and the binary copy is written afresh (a failure to write it only costs speed).
    static func reading(folder: String) throws -> EconomyReading {
        let binaryPath = folder + "/" + EconomyBinaryFile.fileName
        if PathKind(binaryPath) == .file, let reading = try? EconomyBinaryFile.read(path: binaryPath) {
            return reading
        }
        let reading = try EconomyFolderReader.read(folder: folder)
        try? EconomyBinaryFile.write(reading, to: binaryPath)
        return reading
    }

    /// What the cached folder holds besides the built numbers; raised when the build writes more
    /// (2: `currency` and `scale` in economy.yaml), so a folder cached before is built afresh.
    static let folderRevision = 2

    /// First 16 hex digits of SHA-256 over the engine version, the folder revision and every input
    /// file's name and bytes.
    static func inputsKey(_ directory: String) throws -> String {
        var hasher = SHA256()
        hasher.update(Array("shockflow \(ShockFlowVersion.current)\n".utf8))
        hasher.update(Array("folder revision \(folderRevision)\n".utf8))
        for file in ChinaInputReader.inputFiles.sorted() {
            let path = directory + "/" + file
            guard let data = FileManager.default.contents(atPath: path) else {
                throw DataFileError.unreadable(path: path, reason: "cannot read it to key the economy cache")
            }
            hasher.update(Array("\(file) \(data.count)\n".utf8))
            hasher.update(data)
        }
        return String(hasher.finalizeHex().prefix(16))
    }
}
