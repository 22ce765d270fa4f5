import ShockFlowFormats
import ShockFlowLinearAlgebra
import ShockFlowModel

/// `shockflow sensitivity analyze METHOD --sweep DIR`: one output's indices of a whole sweep, from its
/// samples.csv and outputs.csv with the design, groups and bootstrap settings its manifest.json holds
/// (`SweepDescription`) — the numbers of its sensitivity.csv, printed as `sensitivity analyze` prints
/// them. No problem file is needed: the design, not the bounds, decides the analysis (the sweep drew the
/// sample itself, so its Morris grid needs no check against the bounds).
public enum SweepFolderAnalysis {
    /// What METHOD asks for.
    public enum Analysis: String, Sendable {
        case sobol, morris, regression
    }

    /// Settings given on the command line instead of the sweep's; nil: the sweep's.
    public struct Settings: Sendable {
        public var seed: UInt64?
        public var resamples: Int?
        public var confidenceLevel: Double?
        public var levels: Int?
        public var secondOrder: Bool

        public init(seed: UInt64? = nil, resamples: Int? = nil, confidenceLevel: Double? = nil, levels: Int? = nil, secondOrder: Bool = false) {
            self.seed = seed
            self.resamples = resamples
            self.confidenceLevel = confidenceLevel
            self.levels = levels
            self.secondOrder = secondOrder
        }
    }

    /// The CSV `sensitivity analyze` prints for `output` (which may be left out when the sweep has one).
    public static func analyze(folder: String, analysis requested: Analysis, output: String?, settings: Settings = Settings())
        throws -> String
    {
        let description: SweepDescription
        do {
            description = try SweepDescription.read(fromFolder: folder)
        } catch SweepError.notASweepFolder(_, let reason) {
            throw SweepAnalysisError.notASweep(folder: folder, reason: reason)
        }
        if let shard = description.shard {
            throw SweepAnalysisError.shard(folder: folder, shard: "\(shard.index)/\(shard.count)")
        }
        guard let analysis = description.analysis else {
            throw SweepAnalysisError.notASweep(folder: folder, reason: "its manifest.json names an unknown design \(description.method)")
        }
        try check(requested, settings, against: analysis.design, description: description, folder: folder)
        let pair = try tables(folder, description: description, output: output)
        let bootstrap = BootstrapSettings(
            resamples: settings.resamples ?? description.bootstrapResamples,
            confidenceLevel: settings.confidenceLevel ?? description.confidenceLevel, seed: settings.seed ?? description.seed)
        let names = analysis.factorNames
        let samplesPath = folder + "/samples.csv"
        switch analysis.design {
        case .saltelli(_, let secondOrder):
            if description.parameterGroups == nil {
                try attributing(to: samplesPath) {
                    try SobolAnalysis.validateSamples(pair.samples, parameterNames: names, secondOrder: secondOrder)
                }
            }
            let indices = try attributing(to: samplesPath) {
                try SobolAnalysis.analyze(
                    outputs: pair.outputs, parameterCount: names.count, secondOrder: secondOrder, bootstrap: bootstrap)
            }
            return SensitivityTables.sobolCSV(indices[0], names: names)
        case .morris(_, let levels):
            let indices = try attributing(to: samplesPath) {
                try MorrisAnalysis.analyze(
                    samples: pair.samples, outputs: pair.outputs, parameterNames: names, levels: levels, bootstrap: bootstrap)
            }
            return SensitivityTables.morrisCSV(indices[0], names: names)
        case .grid, .random, .latinHypercube, .sobolSequence:
            let indices = try attributing(to: samplesPath) {
                try RegressionAnalysis.analyze(samples: pair.samples, outputs: pair.outputs, parameterNames: names)
            }
            return SensitivityTables.regressionCSV(indices[0], names: names)
        }
    }

    /// Refuses a METHOD or a setting that contradicts the design the sweep ran.
    private static func check(
        _ requested: Analysis, _ settings: Settings, against design: SamplingDesign, description: SweepDescription, folder: String
    ) throws {
        let fitting: Analysis, methods: String
        switch design {
        case .saltelli: (fitting, methods) = (.sobol, "sobol")
        case .morris: (fitting, methods) = (.morris, "morris")
        case .grid, .random, .latinHypercube, .sobolSequence:
            (fitting, methods) = (.regression, "latin, random, grid or sobol-sequence")
        }
        guard requested == fitting else {
            throw SweepAnalysisError.methodDoesNotFit(folder: folder, design: description.method, methods: methods)
        }
        if case .morris(_, let levels) = design, let given = settings.levels, given != levels {
            throw SweepAnalysisError.settingDoesNotFit(folder: folder, setting: "--levels \(given)", sweep: "its Morris grid has \(levels) levels")
        }
        if settings.secondOrder, case .saltelli(_, false) = design {
            throw SweepAnalysisError.settingDoesNotFit(
                folder: folder, setting: "--second-order", sweep: "its Saltelli sample has the first-order layout")
        }
    }

    /// samples.csv and outputs.csv, checked against the manifest: its parameters and outputs as columns, every run.
    private static func tables(_ folder: String, description: SweepDescription, output: String?) throws -> RunTablePair {
        let samples = try RunTable(path: folder + "/samples.csv")
        let outputs = try RunTable(path: folder + "/outputs.csv")
        for (table, names, what) in [(samples, description.parameters, "parameters"), (outputs, description.outputs, "outputs")]
        where table.columnNames != names {
            throw DataFileError.invalidTable(
                FileLocation(path: table.path, line: 1),
                message: "the columns after run are not the \(what) of manifest.json (\(names.joined(separator: ", ")))")
        }
        let pair = try RunTablePair(samples: samples, outputs: outputs, output: output)
        guard samples.runs.count == description.runs else {
            throw DataFileError.invalidTable(
                FileLocation(path: samples.path),
                message: "\(samples.runs.count) runs, but the sweep has \(description.runs) (manifest.json)")
        }
        return pair
    }

    /// Turns a `SensitivityError` about the data into a `DataFileError` naming `path`; errors about the
    /// settings (levels, resamples, confidence) pass through.
    private static func attributing<T>(to path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SensitivityError {
            switch error {
            case .invalidConfidenceLevel, .invalidResampleCount, .bootstrapTooLarge, .invalidLevelCount: throw error
            default: throw DataFileError.invalidTable(FileLocation(path: path), message: error.description)
            }
        }
    }
}

/// Why `sensitivity analyze --sweep DIR` cannot analyse a folder as asked.
public enum SweepAnalysisError: Error, Sendable, Equatable, CustomStringConvertible {
    case notASweep(folder: String, reason: String)
    /// A shard's folder holds some runs only.
    case shard(folder: String, shard: String)
    case methodDoesNotFit(folder: String, design: String, methods: String)
    case settingDoesNotFit(folder: String, setting: String, sweep: String)

    public var description: String {
        switch self {
        case .notASweep(let folder, let reason):
            return "\(folder) is not the output folder of shockflow sweep: \(reason)"
        case .shard(let folder, let shard):
            return "\(folder) holds shard \(shard) of a sweep, not every run: merge the shards first (shockflow sweep merge) "
                + "and analyse the merged folder"
        case .methodDoesNotFit(let folder, let design, let methods):
            return "\(folder) is a sweep of the \(design) design: analyse it with \(methods)"
        case .settingDoesNotFit(let folder, let setting, let sweep):
            return "\(setting) does not fit the sweep in \(folder): \(sweep) (leave it out to use the sweep's)"
        }
    }
}
