import ArgumentParser
import ShockFlowEngine
import ShockFlowFormats

/// `shockflow economy show [ECONOMY] --regions|--sectors|--products|--categories [--format F]`: the names a
/// scenario can use, with each label's totals.
struct EconomyShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "List the regions, sectors, imported products or final-demand categories a scenario can name.",
        discussion: """
            Prints one row per label: its code, name and aliases (other names, such as the Chinese name; \
            joined by `|` in CSV) with the economy's totals in its money unit: output and value added summed over the \
            region's or sector's cells, the product's intermediate imports, or the category's final demand \
            (CSV: code,name,aliases,output,value_added; code,name,aliases,imports; code,name,total). \
            A scenario's selectors take any of these codes and names (docs/scenario-format.md, "Selectors").
            """)

    @Argument(help: "An economy folder or file, or a built-in name (\(Defaults.economy) when omitted).")
    var economy: String = Defaults.economy

    @Flag(help: "What to list (give exactly one).")
    var kind: EconomyNameListing.Kind?

    @Option(help: "How to print the listing: an aligned table, CSV, or a Markdown table (as in docs/sectors.md).")
    var format: EconomyNameListing.Format = .table

    func validate() throws {
        guard kind != nil else {
            throw ValidationError("say what to list: one of --regions, --sectors, --products or --categories")
        }
    }

    func run() throws {
        try CommandFailure.reporting {
            let loaded = try EconomyLoader.load(economy)
            let listing = EconomyNameListing(economy: loaded.economy, kind: kind ?? .regions)
            print(listing.rendered(as: format), terminator: "")
        }
    }
}
