import Foundation

/// The file formats an economy can be read from.
public enum EconomyFormat: String, Sendable, Equatable, CaseIterable {
    /// A ShockFlow economy folder: `economy.yaml` plus long CSV files (docs/economy-format.md).
    case shockFlowFolder = "shockflow-folder"
    /// A folder written by pymrio's `save_all` in text format.
    case pymrioFolder = "pymrio-folder"
    /// An NBS national input–output table (CSV with Domestic and Imports rows).
    case nationalTable = "nbs-national-table"
    /// A built-in table built in memory with construction options of its own (`EconomyVariant`).
    case inMemoryBuild = "in-memory-build"
}

/// Where an economy comes from: a resolved path, its format and, for shipped data, the built-in name.
public struct EconomySource: Sendable, Equatable {
    public var path: String
    public var format: EconomyFormat
    public var builtInName: String?
    /// The construction options of an in-memory build (`format` is then `inMemoryBuild`).
    public var variant: EconomyVariant?

    public init(path: String, format: EconomyFormat, builtInName: String? = nil) {
        self.path = path
        self.format = format
        self.builtInName = builtInName
    }

    /// Resolves a command-line argument: an existing file or folder (format detected from its
    /// contents), else the name of a built-in economy.
    public static func resolve(
        _ argument: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> EconomySource {
        let path = argument.count > 1 && argument.hasSuffix("/") ? String(argument.dropLast()) : argument
        if PathKind(path) != .missing { return try detect(path: path) }
        guard !argument.contains("/") else {
            throw DataFileError.fileNotFound(path: argument, expected: "an economy folder or file")
        }
        if BuiltEconomyCache.names.contains(argument) {
            let cached = try BuiltEconomyCache.folder(for: argument, environment: environment)
            return EconomySource(path: cached.path, format: .shockFlowFolder, builtInName: argument)
        }
        let located = try BuiltInEconomies.locate(argument, environment: environment)
        var source = try detect(path: located)
        source.builtInName = argument
        return source
    }

    /// Detects the format of the economy at `path`.
    public static func detect(path: String) throws -> EconomySource {
        switch PathKind(path) {
        case .missing:
            throw DataFileError.fileNotFound(path: path, expected: "an economy folder or file")
        case .directory:
            if PathKind(path + "/" + EconomyFolderReader.manifestFile) == .file {
                return EconomySource(path: path, format: .shockFlowFolder)
            }
            if PathKind(path + "/" + PymrioFolderReader.parametersFile) == .file {
                return EconomySource(path: path, format: .pymrioFolder)
            }
            throw DataFileError.unrecognizedEconomy(
                path: path,
                reason: "the folder has neither economy.yaml (ShockFlow economy folder) nor file_parameters.json "
                    + "(pymrio folder)")
        case .file:
            guard NationalTableReader.recognizes(path: path) else {
                throw DataFileError.unrecognizedEconomy(
                    path: path,
                    reason: "a file must be an NBS national table (CSV with columns Code,Description,"
                        + "DescriptionInChinese,Origin,…); other economies are folders")
            }
            return EconomySource(path: path, format: .nationalTable)
        }
    }
}

extension EconomySource {
    /// The files a manifest records for this economy: for an economy ShockFlow builds and caches
    /// (`china-2017`), the shipped raw inputs it is built from (the cache folder is derived from them
    /// and the engine version); otherwise every regular file directly inside the folder, or the file.
    public var provenanceFiles: [String] {
        if let name = builtInName, BuiltEconomyCache.names.contains(name),
            let inputs = try? ChinaMRIOBuilder.bundledInputsDirectory()
        {
            return ChinaInputReader.inputFiles.map { inputs + "/" + $0 }
        }
        guard PathKind(path) == .directory else { return [path] }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return entries.sorted().map { path + "/" + $0 }.filter { PathKind($0) == .file }
    }
}

