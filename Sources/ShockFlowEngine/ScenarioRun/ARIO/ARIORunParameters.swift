import ShockFlowFormats
import ShockFlowModel

/// The ario model's parameters after defaults, its events and what the run writes, as text for
/// `manifest.json` (as `ScenarioRunParameters` writes the other fields).
enum ARIORunParameters {
    static func text(_ settings: ARIOSettings, days: Int, economy: Economy) -> [String: String] {
        let number = NumberFormatting.shortest
        let parameters = settings.parameters
        func duration(_ value: ARIOParameters.InventoryDuration) -> String {
            switch value {
            case .days(let days): number(days)
            case .infinite: "infinite"
            }
        }
        func entries<Value>(_ values: [Int: Value], labels: [Label], _ text: (Value) -> String) -> String {
            values.sorted { $0.key < $1.key }.map { "\(labels[$0.key].code)=\(text($0.value))" }.joined(separator: " ")
        }
        let windows = (days + settings.every - 1) / settings.every
        var text: [String: String] = [
            "model.order_type": parameters.orderType.rawValue,
            "model.alpha_base": number(parameters.alphaBase),
            "model.alpha_max": number(parameters.alphaMax),
            "model.alpha_tau": String(parameters.alphaTau),
            "model.rebuild_tau": String(parameters.rebuildTau),
            "model.inventory_days": number(parameters.inventoryDays),
            "model.psi": number(parameters.psi),
            "model.inventory_restoration_tau": String(parameters.inventoryRestorationTau),
            "model.inventories": entries(parameters.inventories, labels: economy.sectors, duration),
            "model.import_inventories": entries(parameters.importInventories, labels: economy.importProducts, duration),
            "model.capital_to_value_added": entries(parameters.capitalToValueAdded, labels: economy.sectors, number),
            "model.monetary_factor": String(parameters.monetaryFactor),
            "results.every": String(settings.every),
            "results.metrics": settings.metrics.map(\.rawValue).joined(separator: " "),
            "results.periods": String(windows),
            "results.period_years": number(Double(settings.every) / Double(ARIOModel.daysPerYear)),
        ]
        if let name = [1: "day", 7: "week"][settings.every] { text["results.period"] = name }
        for event in settings.events {
            let key = "shocks.\(event.id)."
            let cells = event.regions.flatMap { r in event.sectors.map { economy.regions[r].code + "/" + economy.sectors[$0].code } }
            text[key + "target"] = cells.joined(separator: " ")
            text[key + "amount"] = number(event.amount)
            func profile(_ recovery: ARIORecovery) -> String {
                ScenarioRunParameters.describe(.event(occurrence: event.occurrence, duration: event.duration, recovery: recovery))
            }
            switch event.kind {
            case .capacityLoss(let recovery):
                text[key + "kind"] = "capacity"
                text[key + "profile"] = profile(recovery)
            case .capitalDestruction(let recovery):
                text[key + "kind"] = "capital_destruction"
                text[key + "profile"] = profile(recovery)
            case .capitalDestructionWithRebuilding(let rebuilding):
                text[key + "kind"] = "capital_destruction"
                text[key + "profile"] = "event occurrence=\(event.occurrence) duration=\(event.duration)"
                text[key + "rebuild"] =
                    "tau=\(rebuilding.tau.map(String.init) ?? "model") factor=\(number(rebuilding.factor)) sectors "
                    + entries(rebuilding.sectors, labels: economy.sectors, number)
            }
            text[key + "regional_distribution"] = describe(event.regionalDistribution, labels: economy.regions)
            text[key + "sectoral_distribution"] = describe(event.sectoralDistribution, labels: economy.sectors)
        }
        return text
    }

    private static func describe(_ distribution: ARIOEvent.Distribution, labels: [Label]) -> String {
        switch distribution {
        case .equal: "equal"
        case .valueAdded: "value_added"
        case .each: "each"
        case .weights(let weights):
            weights.sorted { $0.key < $1.key }.map { "\(labels[$0.key].code)=\(NumberFormatting.shortest($0.value))" }
                .joined(separator: " ")
        }
    }
}
