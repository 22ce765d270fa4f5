import Foundation

/// The economies shipped with ShockFlow, found by name.
///
/// Built-in data lives in the `economies` folder of ShockFlowFormats' resources. It is located
/// without `Bundle.module` (which stops the program when the bundle is missing): first in
/// `$SHOCKFLOW_DATA_DIR` if set, then next to the running executable in
/// `ShockFlow_ShockFlowFormats.resources/Resources/economies`. Every sub-folder holding an
/// `economy.yaml` is a built-in economy named after the folder; the NBS national tables are
/// registered under the names below.
public enum BuiltInEconomies {
    /// Built-in names that point at a file rather than a folder of the same name.
    static let namedFiles = [
        "china-2017-national": "china-national/china_2017_42.csv",
        "china-2020-national": "china-national/china_2020_42.csv",
    ]
    static let environmentVariable = "SHOCKFLOW_DATA_DIR"
    static let bundleName = "ShockFlow_ShockFlowFormats.resources"

    /// The folders searched for built-in economies, in order.
    public static func searchDirectories(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> [String] {
        var directories: [String] = []
        if let dataDirectory = environment[environmentVariable], !dataDirectory.isEmpty {
            directories.append(dataDirectory)
        }
        if let executable = executablePath() {
            let folder = URL(fileURLWithPath: executable).deletingLastPathComponent().path
            directories.append(folder + "/" + bundleName + "/Resources/economies")
        }
        return directories
    }

    /// The path of built-in economy `name` (a folder or an NBS table file).
    public static func locate(
        _ name: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> String {
        let directories = searchDirectories(environment: environment)
        for directory in directories {
            if let file = namedFiles[name], PathKind(directory + "/" + file) == .file { return directory + "/" + file }
            let folder = directory + "/" + name
            if PathKind(folder + "/" + EconomyFolderReader.manifestFile) == .file { return folder }
        }
        let searched = directories.map { directory in
            directory + "/" + (namedFiles[name] ?? name)
        }
        throw DataFileError.economyNotFound(
            name: name, searched: searched, available: availableNames(environment: environment))
    }

    /// Names of all built-in economies that can be found, sorted.
    public static func availableNames(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> [String] {
        var names = Set<String>()
        if (try? ChinaMRIOBuilder.bundledInputsDirectory(environment: environment)) != nil {
            names.formUnion(BuiltEconomyCache.names)
        }
        for directory in searchDirectories(environment: environment) {
            for (name, file) in namedFiles where PathKind(directory + "/" + file) == .file { names.insert(name) }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for entry in entries where PathKind(directory + "/" + entry + "/" + EconomyFolderReader.manifestFile) == .file {
                names.insert(entry)
            }
        }
        return names.sorted()
    }

    /// The running executable, symbolic links resolved (`/proc/self/exe` on Linux).
    private static func executablePath() -> String? {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return resolved
        }
        return Bundle.main.executableURL?.resolvingSymlinksInPath().path
    }
}
