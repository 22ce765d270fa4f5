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
            adjustment the construction made; economy.yaml records the options (`build`). The flags are the \
            options of a scenario's `economy: {build: china-2017, options: {…}}`, in kebab case; \
            --perturbation-cv and --perturbation-seed give one of the perturbed tables a sweep runs on.
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

    @Option(help: ArgumentHelp(ConstructionOptionName.distanceExponent.doc))
    var distanceExponent: Double = ConstructionOptions().distanceExponent

    @Option(help: ArgumentHelp(ConstructionOptionName.tradeTotalsRule.doc))
    var tradeTotalsRule: TradeTotalsRule = ConstructionOptions().tradeTotalsRule

    /// `--trade-totals`, the flag's name before it matched the option's (`trade_totals_rule`): still read, not shown.
    @Option(name: .customLong("trade-totals"), help: .hidden)
    var tradeTotals: TradeTotalsRule?

    @Option(help: ArgumentHelp(ConstructionOptionName.underReportingThreshold.doc))
    var underReportingThreshold: Double = ConstructionOptions().underReportingThreshold ?? 0.5

    @Flag(help: "Keep the provinces' reported outflows and inflows (no under-reporter fix; as --under-reporting-threshold 0).")
    var noUnderReportingFix = false

    @Option(help: ArgumentHelp(ConstructionOptionName.localSupplyShareCap.doc))
    var localSupplyShareCap: Double = ConstructionOptions().localSupplyShareCap

    @Option(help: ArgumentHelp(ConstructionOptionName.balancingTolerance.doc))
    var balancingTolerance: Double = ConstructionOptions().balancingTolerance

    @Option(help: ArgumentHelp(ConstructionOptionName.maximumBalancingIterations.doc))
    var maximumBalancingIterations: Int = ConstructionOptions().maximumBalancingIterations

    @Option(help: ArgumentHelp(ConstructionOptionName.localSupplyRoundOff.doc))
    var localSupplyRoundOff: Double = ConstructionOptions().localSupplyRoundOff

    @Option(help: ArgumentHelp(ConstructionOptionName.outputRoundOff.doc))
    var outputRoundOff: Double = ConstructionOptions().outputRoundOff

    @Option(help: ArgumentHelp(ConstructionOptionName.perturbationCV.doc))
    var perturbationCv: Double = ConstructionOptions().perturbationCoefficientOfVariation

    @Option(help: ArgumentHelp(ConstructionOptionName.perturbationSeed.doc))
    var perturbationSeed: UInt64 = ConstructionOptions().perturbationSeed

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    /// The options as set, with the names and ranges of a scenario's `economy.options` (docs/china-2017.md).
    var construction: ConstructionOptions {
        ConstructionOptions(
            distanceExponent: distanceExponent, tradeTotalsRule: tradeTotals ?? tradeTotalsRule,
            underReportingThreshold: noUnderReportingFix || underReportingThreshold == 0 ? nil : underReportingThreshold,
            localSupplyShareCap: localSupplyShareCap, balancingTolerance: balancingTolerance,
            maximumBalancingIterations: maximumBalancingIterations, localSupplyRoundOff: localSupplyRoundOff,
            outputRoundOff: outputRoundOff, perturbationCoefficientOfVariation: perturbationCv, perturbationSeed: perturbationSeed)
    }

    func validate() throws {
        if let problem = construction.problems.first { throw ValidationError(problem) }
    }

    func run() throws {
        try CommandFailure.reporting {
            let national = try? BuiltInEconomies.locate("china-2017-national")
            let options = ChinaBuildOptions(construction: construction, nationalTablePath: national)
            let (economy, report) = try ChinaMRIOBuilder.build(
                inputs: try ChinaMRIOBuilder.bundledInputsDirectory(), options: options)
            try EconomyFolderWriter.write(economy, to: out, build: EconomyVariant(recipe: recipe.name, construction: construction))
            if !quiet {
                for line in report.summaryLines { print(line) }
                print("written: \(out)")
            }
        }
    }
}
