import Foundation
import ShockFlowLinearAlgebra
import ShockFlowModel

/// A case of `cases.json` as `scripts/fixtures/boario_reference.py` writes it: parameters and
/// events in ShockFlow's vocabulary, regions and sectors by code.
struct ARIOReferenceCase: Decodable {
    /// "equal", "value_added" or {code: weight}.
    enum Distribution: Decodable {
        case named(String)
        case weights([String: Double])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let name = try? container.decode(String.self) { self = .named(name) } else { self = .weights(try container.decode([String: Double].self)) }
        }
    }

    /// A number of days or "infinite".
    enum Days: Decodable {
        case days(Double)
        case infinite

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let days = try? container.decode(Double.self) { self = .days(days) } else { self = .infinite }
        }
    }

    struct Parameters: Decodable {
        var order_type: String
        var alpha_base, alpha_max, psi, inventory_days: Double
        var alpha_tau, rebuild_tau, inventory_restoration_tau, monetary_factor: Int
        var inventories: [String: Days]
        var capital_to_value_added: [String: Double]
    }

    struct Event: Decodable {
        var kind: String
        var amount: Double
        var regions, sectors: [String]
        var regional_distribution, sectoral_distribution: Distribution
        var occurrence, duration: Int
        var recovery: String?
        var recovery_tau: Int?
        var rebuild_tau: Int?
        var rebuilding_sectors: [String: Double]?
        var rebuilding_factor: Double?
    }

    var name: String
    var days: Int
    var parameters: Parameters
    var events: [Event]

    enum ReadError: Error, CustomStringConvertible {
        case unknown(String)
        var description: String {
            switch self { case .unknown(let what): return "cases.json: unknown \(what)" }
        }
    }

    static func read(_ url: URL) throws -> [ARIOReferenceCase] {
        try JSONDecoder().decode([ARIOReferenceCase].self, from: Data(contentsOf: url))
    }

    /// The case as a ShockFlow scenario on an economy with these region and sector codes.
    func scenario(regions: [String], sectors: [String]) throws -> ARIOScenario {
        func index(_ code: String, in codes: [String]) throws -> Int {
            guard let index = codes.firstIndex(of: code) else { throw ReadError.unknown("code \(code)") }
            return index
        }
        func distribution(_ given: Distribution, codes: [String]) throws -> ARIOEvent.Distribution {
            switch given {
            case .named("equal"): return .equal
            case .named("value_added"): return .valueAdded
            case .named(let other): throw ReadError.unknown("distribution \(other)")
            case .weights(let weights):
                return .weights(Dictionary(uniqueKeysWithValues: try weights.map { (try index($0.key, in: codes), $0.value) }))
            }
        }
        let p = parameters
        guard let orderType = ARIOParameters.OrderType(rawValue: p.order_type) else { throw ReadError.unknown("order type \(p.order_type)") }
        var resolved = ARIOParameters(
            orderType: orderType, alphaBase: p.alpha_base, alphaMax: p.alpha_max, alphaTau: p.alpha_tau,
            rebuildTau: p.rebuild_tau, inventoryDays: p.inventory_days, psi: p.psi,
            inventoryRestorationTau: p.inventory_restoration_tau, monetaryFactor: p.monetary_factor)
        for (code, days) in p.inventories {
            switch days {
            case .days(let value): resolved.inventories[try index(code, in: sectors)] = .days(value)
            case .infinite: resolved.inventories[try index(code, in: sectors)] = .infinite
            }
        }
        for (code, ratio) in p.capital_to_value_added { resolved.capitalToValueAdded[try index(code, in: sectors)] = ratio }
        let events = try self.events.enumerated().map { number, event -> ARIOEvent in
            func recovery() throws -> ARIORecovery {
                guard let name = event.recovery, let function = ARIORecovery.Function(rawValue: name), let tau = event.recovery_tau else {
                    throw ReadError.unknown("recovery \(event.recovery ?? "none")")
                }
                return ARIORecovery(function, tau: tau)
            }
            let kind: ARIOEvent.Kind
            switch event.kind {
            case "capacity_loss": kind = .capacityLoss(recovery: try recovery())
            case "capital_destruction": kind = .capitalDestruction(recovery: try recovery())
            case "capital_destruction_with_rebuilding":
                let shares = Dictionary(uniqueKeysWithValues: try (event.rebuilding_sectors ?? [:]).map { (try index($0.key, in: sectors), $0.value) })
                kind = .capitalDestructionWithRebuilding(
                    ARIORebuilding(tau: event.rebuild_tau, sectors: shares, factor: event.rebuilding_factor ?? 1))
            default: throw ReadError.unknown("event kind \(event.kind)")
            }
            return ARIOEvent(
                id: "event \(number + 1)", kind: kind, amount: event.amount,
                regions: try event.regions.map { try index($0, in: regions) },
                sectors: try event.sectors.map { try index($0, in: sectors) },
                regionalDistribution: try distribution(event.regional_distribution, codes: regions),
                sectoralDistribution: try distribution(event.sectoral_distribution, codes: sectors),
                occurrence: event.occurrence, duration: event.duration)
        }
        return ARIOScenario(name: name, parameters: resolved, events: events)
    }
}

/// The folder `Fixtures/ario/<name>` of the Model tests' bundle.
struct ARIOFixtureFolder {
    let url: URL

    init(_ name: String) throws {
        guard let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw ReferenceFolder.ReadError.missingResources
        }
        url = fixtures.appendingPathComponent("ario").appendingPathComponent(name)
    }

    /// A plain CSV matrix (a first line starting with '#' is a comment).
    func matrix(_ file: String) throws -> Matrix {
        let text = try String(contentsOf: url.appendingPathComponent(file), encoding: .utf8)
        var rows: [[Double]] = []
        for (number, line) in text.split(separator: "\n").enumerated() where !line.hasPrefix("#") {
            let fields = line.split(separator: ",")
            let values = fields.compactMap { Double($0) }
            guard values.count == fields.count else { throw ReferenceFolder.ReadError.unreadableNumber(file: file, line: number + 1) }
            rows.append(values)
        }
        return try Matrix(rowMajor: rows)
    }

    func cases() throws -> [ARIOReferenceCase] { try ARIOReferenceCase.read(url.appendingPathComponent("cases.json")) }

    /// The economy of `pymrio-test`: economy.json's labels, Z.csv, Y.csv and x.csv.
    func economy() throws -> Economy {
        struct Labels: Decodable {
            var regions, sectors, categories: [String]
            var final_demand_columns: [[Int]]
        }
        let labels = try JSONDecoder().decode(Labels.self, from: Data(contentsOf: url.appendingPathComponent("economy.json")))
        let z = try matrix("Z.csv")
        let x = try matrix("x.csv").elements
        let inputs = try z.columnSums()
        return Economy(
            metadata: EconomyMetadata(name: "pymrio test system, aggregated"),
            regions: labels.regions.map { Label(code: $0) }, sectors: labels.sectors.map { Label(code: $0) },
            finalDemandCategories: labels.categories.map { Label(code: $0) }, intermediateFlows: z,
            finalDemand: try matrix("Y.csv"),
            finalDemandColumns: labels.final_demand_columns.map { FinalDemandColumn(region: $0[0], category: $0[1]) },
            valueAdded: zip(x, inputs).map { $0 - $1 }, grossOutput: x)
    }
}

/// The largest relative deviation of `actual` from `expected` over days in `days` (rows are days,
/// columns industries), with the day and industry where it occurs.
struct ARIODeviation: CustomStringConvertible {
    var relative = 0.0
    var day = 0
    var industry = 0

    init(_ actual: [[Double]], _ expected: Matrix, days: Range<Int>) {
        for day in days {
            for industry in 0..<expected.columns {
                let reference = expected[day, industry]
                let deviation = abs(actual[day][industry] - reference) / max(abs(reference), .leastNormalMagnitude)
                if deviation > relative || deviation.isNaN { (relative, self.day, self.industry) = (deviation, day, industry) }
            }
        }
    }

    var description: String { "\(relative) (day \(day), industry \(industry))" }
}
