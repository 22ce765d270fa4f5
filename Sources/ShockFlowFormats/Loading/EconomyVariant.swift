import Foundation
import ShockFlowModel

/// A built-in table built with construction options of its own (`economy: {build: china-2017,
/// options: {…}}` in a scenario, `shockflow economy build … --distance-exponent 1.2`). Variants are
/// built in memory and never cached; options equal to the defaults name the cached table itself.
public struct EconomyVariant: Hashable, Sendable, CustomStringConvertible {
    /// The built-in economy built (`china-2017`).
    public let recipe: String
    public let construction: ConstructionOptions

    /// Options that build the same table compare equal: the seed is dropped when nothing is perturbed.
    public init(recipe: String, construction: ConstructionOptions) {
        var construction = construction
        if construction.tradePriorPerturbation == nil { construction.perturbationSeed = 0 }
        self.recipe = recipe
        self.construction = construction
    }

    /// Whether these are the default options, i.e. the cached table `recipe` names.
    public var isDefault: Bool { construction == ConstructionOptions() }

    /// Every option and its value, in the order of `ConstructionOptionName.allCases`.
    public var options: [(name: String, value: String)] {
        ConstructionOptionName.allCases.map { ($0.rawValue, $0.value(in: construction)) }
    }

    /// The recipe and the options that differ from the defaults: `china-2017 (distance_exponent 1.2, perturbation_cv 0.15,
    /// perturbation_seed 7)`.
    public var description: String {
        let defaults = ConstructionOptions()
        let changed = ConstructionOptionName.allCases.filter { $0.value(in: construction) != $0.value(in: defaults) }
        return changed.isEmpty
            ? recipe : recipe + " (" + changed.map { "\($0.rawValue) \($0.value(in: construction))" }.joined(separator: ", ") + ")"
    }

    /// Builds the table in memory from the shipped inputs (read once per process; a sweep builds many
    /// variants from them). The table is not checked here.
    public func build(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Economy {
        guard recipe == ChinaMRIOBuilder.economyName else {
            throw DataFileError.economyNotFound(
                name: recipe, searched: [], available: BuiltEconomyCache.names)
        }
        let directory = try ChinaMRIOBuilder.bundledInputsDirectory(environment: environment)
        return try ChinaMRIOBuilder.buildEconomy(SharedBuildInputs.inputs(directory: directory), construction: construction)
    }
}

/// The inputs of in-memory builds, read once per folder and shared by every thread.
enum SharedBuildInputs {
    nonisolated(unsafe) private static var read: [String: ChinaBuildInputs] = [:]  // under `lock` only
    private static let lock = NSLock()

    static func inputs(directory: String) throws -> ChinaBuildInputs {
        try lock.withLock {
            if let known = read[directory] { return known }
            let inputs = try ChinaBuildInputs.read(directory: directory)
            read[directory] = inputs
            return inputs
        }
    }
}

extension EconomySource {
    /// A variant of a built-in table, built in memory when loaded. Its provenance is the shipped raw inputs
    /// (`provenanceFiles`), as for the cached table.
    public init(variant: EconomyVariant, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let inputs = try ChinaMRIOBuilder.bundledInputsDirectory(environment: environment)
        self.init(path: inputs, format: .inMemoryBuild, builtInName: variant.recipe)
        self.variant = variant
    }
}

/// SHA-256 of an economy's numbers, to tell tables apart in manifests: its shape, then Z, Y, v, x, the
/// imports and the value-added components (sorted by name) as little-endian Float64, the order of the
/// binary cache file (`EconomyBinaryFile`), with −0 hashed as 0 (a built table has negative zeros where
/// a zero share meets a negative use; its economy folder omits zeros, so the cached copy reads them as 0).
/// Labels and metadata are not hashed.
public enum EconomyTableDigest {
    public static func sha256(_ economy: Economy) -> String {
        var hasher = SHA256()
        let components = economy.valueAddedComponents.keys.sorted()
        let shape = [
            economy.cellCount, economy.finalDemand.columns, economy.intermediateImports.rows, components.count,
        ]
        hasher.update(Array(("shockflow table 1 " + shape.map(String.init).joined(separator: " ") + "\n").utf8))
        for array in EconomyBinaryFile.numberArrays(of: economy, componentNames: components) {
            let values = array.map { value in Double(bitPattern: (value == 0 ? 0 : value).bitPattern.littleEndian) }
            values.withUnsafeBytes { hasher.update($0) }
        }
        return hasher.finalizeHex()
    }
}
