import ShockFlowModel

/// An economy as loaded, with its provenance.
public struct LoadedEconomy: Sendable {
    public var economy: Economy
    public var source: EconomySource
    /// Every file that was read, in reading order (for hashing or a manifest of inputs).
    public var inputFiles: [String]
    /// What was derived rather than read (e.g. value added as a residual), in plain words.
    public var notes: [String]
}

/// Loads economies from any supported source.
public enum EconomyLoader {
    /// Loads from a folder or file path, or a built-in economy name (see `EconomySource.resolve`).
    /// Throws `DataFileError`, naming the file and line or cell of every problem found.
    public static func load(_ source: String) throws -> LoadedEconomy {
        try load(EconomySource.resolve(source))
    }

    public static func load(_ source: EconomySource) throws -> LoadedEconomy {
        if let variant = source.variant { return try load(variant, source: source) }
        let isBuiltCache = source.builtInName.map(BuiltEconomyCache.names.contains) ?? false
        let reading: EconomyReading
        switch source.format {
        case .shockFlowFolder where isBuiltCache: reading = try BuiltEconomyCache.reading(folder: source.path)
        case .shockFlowFolder: reading = try EconomyFolderReader.read(folder: source.path)
        case .pymrioFolder: reading = try PymrioFolderReader.read(folder: source.path)
        case .nationalTable: reading = try NationalTableReader.read(path: source.path)
        case .inMemoryBuild:
            throw DataFileError.unreadable(path: source.path, reason: "an in-memory build needs its construction options")
        }
        guard let name = source.builtInName, BuiltEconomyCache.names.contains(name) else {
            return LoadedEconomy(
                economy: reading.economy, source: source, inputFiles: reading.inputFiles, notes: reading.notes)
        }
        let note = "\(name) was built by shockflow \(ShockFlowVersion.current) from the input files listed, "
            + "and read from its cache \(source.path)"
        return LoadedEconomy(
            economy: reading.economy, source: source, inputFiles: source.provenanceFiles, notes: reading.notes + [note])
    }

    /// A variant of a built-in table, built in memory now (not cached).
    private static func load(_ variant: EconomyVariant, source: EconomySource) throws -> LoadedEconomy {
        let economy = try variant.build()
        let note = "\(variant) was built in memory by shockflow \(ShockFlowVersion.current) from the input files listed "
            + "(table SHA-256 \(EconomyTableDigest.sha256(economy)))"
        return LoadedEconomy(economy: economy, source: source, inputFiles: source.provenanceFiles, notes: [note])
    }
}
