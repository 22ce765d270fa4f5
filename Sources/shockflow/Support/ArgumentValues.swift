import ArgumentParser
import ShockFlowEngine
import ShockFlowModel

// Library enums with a fixed set of values, parsed as option values: the parser refuses anything else
// and `--help` lists the choices. The conformances live here, with the parser, not in the libraries.

extension ResultsLevel: ExpressibleByArgument {}
extension ComparedColumn: ExpressibleByArgument {}
extension TradeTotalsRule: ExpressibleByArgument {}
extension EconomyNameListing.Format: ExpressibleByArgument {}
extension PlanListing.Format: ExpressibleByArgument {}

extension EconomyNameListing.Kind: EnumerableFlag {
    public static func help(for value: Self) -> ArgumentHelp? {
        switch value {
        case .regions: "List the regions."
        case .sectors: "List the sectors."
        case .products: "List the imported products."
        case .categories: "List the final-demand categories."
        }
    }
}
