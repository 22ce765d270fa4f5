/// Why a valid scenario cannot be run on its economy (problems in the file itself are `ScenarioError`s).
public enum ScenarioRunError: Error, Equatable, Sendable {
    /// The dynamic model buys capital goods in the proportions of each region's GFCF column (MODEL (24)).
    case noCapitalFormation(economy: String)
    /// An ario batch runs scenarios of the ario model with one horizon.
    case mixedARIOBatch(scenario: String)
}

extension ScenarioRunError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .noCapitalFormation(let economy):
            return "economy \(economy) has no gross fixed capital formation (`gfcf`) final-demand category: "
                + "the dynamic model needs it for each region's basket of capital goods (MODEL (24)); "
                + "run a static model or add the category to the economy"
        case .mixedARIOBatch(let scenario):
            return "scenario \(scenario) cannot join this ario batch: a batch runs ario scenarios of one horizon"
        }
    }
}
