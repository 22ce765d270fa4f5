import ArgumentParser
import ShockFlowEngine
import ShockFlowModel

// Library enums with a fixed set of values, parsed as option values: the parser refuses anything else
// and `--help` lists the choices. The conformances live here, with the parser, not in the libraries.

extension ResultsLevel: ExpressibleByArgument {}
extension ComparedColumn: ExpressibleByArgument {}
extension TradeTotalsRule: ExpressibleByArgument {}
