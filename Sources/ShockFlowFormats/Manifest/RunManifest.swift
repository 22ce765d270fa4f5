import Foundation
import ShockFlowLinearAlgebra
import ShockFlowModel

/// `manifest.json`: what produced a results folder — engine version, inputs with their SHA-256,
/// every parameter after defaults were applied, the seed, times and the BLAS kernel.
public struct RunManifest: Encodable, Sendable {
    public struct Engine: Encodable, Sendable {
        public var name = "shockflow"
        public var version = ShockFlowVersion.current
        public var blasKernel = BLASRuntime.coreName
        public var blasThreads = BLASRuntime.threadCount
        public var blasLibrary = BLASRuntime.configuration
    }

    public struct InputFile: Encodable, Sendable {
        public var path: String
        public var sha256: String
    }

    /// What a reader of the folder needs of the economy without loading it: the money unit (in words,
    /// and as a currency and scale when the economy declares them) and every region's, sector's and
    /// imported product's code and name, in the economy's order. `economy_metadata` in the JSON.
    public struct EconomyRecord: Encodable, Sendable {
        public struct Entry: Encodable, Sendable {
            public var code: String
            public var name: String
        }

        public var moneyUnit: String
        /// ISO 4217 code (`economy.yaml`'s `currency`); absent when the economy declares none.
        public var currency: String?
        /// Units of the currency in one money unit (`economy.yaml`'s `scale`); absent with the currency.
        public var scale: Double?
        public var regions: [Entry]
        public var sectors: [Entry]
        public var products: [Entry]

        public init(_ economy: Economy) {
            let entries = { (labels: [Label]) in labels.map { Entry(code: $0.code, name: $0.name) } }
            moneyUnit = economy.metadata.moneyUnit
            currency = economy.metadata.currency?.code
            scale = economy.metadata.currency?.scale
            regions = entries(economy.regions)
            sectors = entries(economy.sectors)
            products = entries(economy.importProducts)
        }
    }

    public var engine = Engine()
    public var command: String
    public var economy: String
    public var economyFormat: String
    public var economyMetadata: EconomyRecord
    /// `passed`, or `skipped` when the command was told not to check the economy (`--skip-checks`).
    public var checks: EconomyChecksStatus?
    public var inputs: [InputFile]
    /// Parameters after defaults were applied, as text (exact for numbers: shortest round-trip form).
    public var parameters: [String: String]
    public var seed: UInt64?
    public var startedAt: String
    public var finishedAt: String?
    public var notes: [String]

    /// - Parameters:
    ///   - checks: whether the economy passed its checks or they were skipped (`requirePassingChecks`).
    ///   - digests: hashes started earlier in the background (`InputDigests`); files it does not
    ///     cover are hashed here.
    public init(
        command: String, loaded: LoadedEconomy, checks: EconomyChecksStatus? = nil, parameters: [String: String],
        seed: UInt64? = nil, startedAt: Date, extraInputs: [String] = [], digests: InputDigests? = nil
    ) throws {
        self.command = command
        self.economy = loaded.source.builtInName ?? loaded.economy.metadata.name
        self.economyFormat = loaded.source.format.rawValue
        self.economyMetadata = EconomyRecord(loaded.economy)
        self.checks = checks
        self.inputs = try (loaded.inputFiles + extraInputs).map { path in
            InputFile(path: path, sha256: try digests?.digest(of: path) ?? Self.hashFile(path))
        }
        self.parameters = parameters
        self.seed = seed
        self.startedAt = Self.timestamp(startedAt)
        self.notes = loaded.notes
    }

    /// Writes the manifest as pretty-printed JSON with sorted keys, atomically.
    public mutating func write(to path: String, finishedAt: Date = Date()) throws {
        self.finishedAt = Self.timestamp(finishedAt)
        try Self.write(self, to: path)
    }

    /// Writes a manifest (this one, or one with more members) as pretty-printed JSON with sorted,
    /// snake-case keys and a final newline, atomically.
    package static func write<Manifest: Encodable>(_ manifest: Manifest, to path: String) throws {
        try AtomicFile.write(Array(try encoded(manifest, path: path)) + [10], to: path)
    }

    package static func encoded<Value: Encodable>(_ value: Value, path: String) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        do {
            return try encoder.encode(value)
        } catch {
            throw DataFileError.writeFailed(path: path, reason: "cannot encode the manifest: \(error)")
        }
    }

    static func hashFile(_ path: String) throws -> String {
        guard let digest = SHA256.hex(ofFileAt: path) else {
            throw DataFileError.unreadable(path: path, reason: "cannot read it to compute its SHA-256")
        }
        return digest
    }

    package static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
