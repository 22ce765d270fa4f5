import ArgumentParser
import ShockFlowFormats
import ShockFlowModel

/// `shockflow economy build china-2017 --out DIR`: builds the China 2017 MRIO from the shipped
/// provincial tables (docs/china-2017.md) and writes it as a ShockFlow economy folder.
struct EconomyBuild: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build an economy from shipped raw inputs (china-2017) and write it as an economy folder.",
        discussion: """
            The built-in economy china-2017 is built the same way, with the defaults, on first use and \
            cached (docs/china-2017.md). This command builds it with the choices you set and prints every \
            adjustment the construction made.
            """)

    /// A name `BuiltEconomyCache` knows how to build; the parser refuses others and `--help` lists them.
    struct Recipe: ExpressibleByArgument {
        let name: String

        init?(argument: String) {
            guard BuiltEconomyCache.names.contains(argument) else { return nil }
            name = argument
        }

        static var allValueStrings: [String] { BuiltEconomyCache.names }
        static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
    }

    @Argument(help: "What to build.")
    var recipe: Recipe

    @Option(help: "The output folder (replaced if it exists).")
    var out: String

    @Option(help: "Gravity exponent β: trade between provinces falls with distance^(−β).")
    var distanceExponent: Double = ConstructionOptions().distanceExponent

    @Option(help: "How national outflow and inflow totals of a product are made equal: toward their mean, or down to the smaller.")
    var tradeTotals: TradeTotalsRule = ConstructionOptions().tradeTotalsRule

    @Option(help: "Raise the gross trade of provinces whose outflow/output is below this share of the median.")
    var underReportingThreshold: Double = ConstructionOptions().underReportingThreshold ?? 0.5

    @Flag(help: "Keep the provinces' reported outflows and inflows (no under-reporter fix).")
    var noUnderReportingFix = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        guard distanceExponent.isFinite, distanceExponent >= 0 else {
            throw ValidationError("--distance-exponent must be a number ≥ 0")
        }
        guard underReportingThreshold.isFinite, underReportingThreshold > 0, underReportingThreshold <= 1 else {
            throw ValidationError("--under-reporting-threshold must be in (0, 1]")
        }
    }

    func run() throws {
        try CommandFailure.reporting {
            var construction = ConstructionOptions()
            construction.distanceExponent = distanceExponent
            construction.tradeTotalsRule = tradeTotals
            construction.underReportingThreshold = noUnderReportingFix ? nil : underReportingThreshold
            let national = try? BuiltInEconomies.locate("china-2017-national")
            let options = ChinaBuildOptions(construction: construction, nationalTablePath: national)
            let (economy, report) = try ChinaMRIOBuilder.build(
                inputs: try ChinaMRIOBuilder.bundledInputsDirectory(), options: options)
            try EconomyFolderWriter.write(economy, to: out)
            if !quiet {
                for line in report.summaryLines { print(line) }
                print("written: \(out)")
            }
        }
    }
}
