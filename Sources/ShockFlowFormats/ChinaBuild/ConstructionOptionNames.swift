import ShockFlowModel

/// The construction options of a built table as scenario files, manifests, `economy.yaml` and
/// `shockflow economy build` name them: `ConstructionOptions`' names in snake case (flags in kebab
/// case), with the range each may take. One list, so the four places cannot drift apart.
public enum ConstructionOptionName: String, CaseIterable, Sendable {
    case distanceExponent = "distance_exponent"
    case tradeTotalsRule = "trade_totals_rule"
    case underReportingThreshold = "under_reporting_threshold"
    case localSupplyShareCap = "local_supply_share_cap"
    case balancingTolerance = "balancing_tolerance"
    case maximumBalancingIterations = "maximum_balancing_iterations"
    case localSupplyRoundOff = "local_supply_round_off"
    case outputRoundOff = "output_round_off"
    case perturbationCV = "perturbation_cv"
    case perturbationSeed = "perturbation_seed"

    /// The command-line flag: `--distance-exponent`.
    public var flag: String { "--" + rawValue.replacingOccurrences(of: "_", with: "-") }

    /// The option's value in `options`, as text: numbers in shortest round-trip form; an
    /// under-reporting threshold that is off is 0.
    public func value(in options: ConstructionOptions) -> String {
        let number = NumberFormatting.shortest
        switch self {
        case .distanceExponent: return number(options.distanceExponent)
        case .tradeTotalsRule: return options.tradeTotalsRule.rawValue
        case .underReportingThreshold: return number(options.underReportingThreshold ?? 0)
        case .localSupplyShareCap: return number(options.localSupplyShareCap)
        case .balancingTolerance: return number(options.balancingTolerance)
        case .maximumBalancingIterations: return String(options.maximumBalancingIterations)
        case .localSupplyRoundOff: return number(options.localSupplyRoundOff)
        case .outputRoundOff: return number(options.outputRoundOff)
        case .perturbationCV: return number(options.perturbationCoefficientOfVariation)
        case .perturbationSeed: return String(options.perturbationSeed)
        }
    }

    /// The range of a number-valued option (nil for the rule and the seed, any whole number ≥ 0).
    var range: NumberRange? {
        switch self {
        case .distanceExponent: return .closed(0, 10)
        case .underReportingThreshold, .localSupplyShareCap: return .unitInterval
        case .balancingTolerance: return NumberRange(minimum: 0, minimumIsExclusive: true, maximum: 1e-3)
        case .maximumBalancingIterations: return .closed(1, 1_000_000)
        case .localSupplyRoundOff: return .closed(0, 1e-3)
        case .outputRoundOff: return .unitInterval
        case .perturbationCV: return .closed(0, 2)
        case .tradeTotalsRule, .perturbationSeed: return nil
        }
    }

    /// What the option does, for the schema reference and `--help`.
    public var doc: String {
        switch self {
        case .distanceExponent: return "Gravity exponent β: trade between provinces falls with distance^(−β)."
        case .tradeTotalsRule:
            return "How national outflow and inflow totals of a product are made equal: toward their mean, or down to the smaller."
        case .underReportingThreshold:
            return "Raise the gross trade of provinces whose outflow/output is below this share of the median (0: no under-reporter fix)."
        case .localSupplyShareCap:
            return "Reconciling trade totals changes a province's trade in a product by at most this share of its local supply."
        case .balancingTolerance: return "Relative tolerance of the trade balancing (RAS) on every margin."
        case .maximumBalancingIterations: return "Most RAS sweeps per product before the build fails."
        case .localSupplyRoundOff:
            return "Local supply within this share of home use of zero is round-off and set to zero (below it, an error)."
        case .outputRoundOff: return "Outputs smaller than this (10,000 yuan) are round-off and set to zero."
        case .perturbationCV:
            return "Coefficient of variation c of the lognormal factors (mean 1) that multiply every product's gravity prior "
                + "before RAS; 0: no perturbation."
        case .perturbationSeed: return "Seed of the perturbation's factors."
        }
    }

    /// Why `value` cannot be this option, or nil when it can.
    func problem(_ value: Double) -> String? {
        guard let range, !(value.isFinite && range.contains(value)) else { return nil }
        return "\(flag) must be a number \(range.description), not \(NumberFormatting.shortest(value))"
    }
}

extension ConstructionOptions {
    /// The options' problems as `shockflow economy build` states them (the ranges scenario files allow), in
    /// the order of `ConstructionOptionName.allCases`.
    public var problems: [String] {
        let numbers: [(ConstructionOptionName, Double)] = [
            (.distanceExponent, distanceExponent), (.underReportingThreshold, underReportingThreshold ?? 0),
            (.localSupplyShareCap, localSupplyShareCap), (.balancingTolerance, balancingTolerance),
            (.maximumBalancingIterations, Double(maximumBalancingIterations)), (.localSupplyRoundOff, localSupplyRoundOff),
            (.outputRoundOff, outputRoundOff), (.perturbationCV, perturbationCoefficientOfVariation),
        ]
        return numbers.compactMap { $0.problem($1) }
    }
}
