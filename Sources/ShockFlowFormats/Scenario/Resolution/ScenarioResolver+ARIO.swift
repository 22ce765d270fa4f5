import ShockFlowModel

extension ScenarioSpec {
    /// Under the ario model, capacity and capital_destruction shocks are BoARIO's events (`ARIOSettings.events`),
    /// not `Shock`s.
    func isARIOEvent(_ shock: ShockSpec) -> Bool {
        model.type == .ario && (shock.kind == .capacity || shock.kind == .capitalDestruction)
    }
}

extension ScenarioResolver {
    /// The ario model's parameters and events, every name resolved (docs/ario.md, "Parameters", "Events").
    mutating func resolveARIO(_ spec: ScenarioSpec) -> ScenarioModel? {
        let written = spec.model.ario
        let inventories = resolveEach(written.inventories, in: sectors)
        let importInventories = resolveEach(written.importInventories, in: products)
        let capitalRatios = resolveEach(written.capitalToValueAdded, in: sectors)
        let events = spec.shocks.filter(spec.isARIOEvent).compactMap { resolveEvent($0) }
        guard let inventories, let importInventories, let capitalRatios,
            events.count == spec.shocks.filter(spec.isARIOEvent).count
        else { return nil }
        let parameters = ARIOParameters(
            orderType: written.orderType, alphaBase: written.alphaBase, alphaMax: written.alphaMax, alphaTau: written.alphaTau,
            rebuildTau: written.rebuildTau, inventoryDays: written.inventoryDays, psi: written.psi,
            inventoryRestorationTau: written.inventoryRestorationTau, inventories: inventories,
            importInventories: importInventories, capitalToValueAdded: capitalRatios, monetaryFactor: written.monetaryFactor)
        let metrics = spec.results.metrics.map { chosen in ARIOResultMetric.allCases.filter(chosen.contains) } ?? ARIOResultMetric.allCases
        return .ario(ARIOSettings(parameters: parameters, events: events, every: spec.results.every, metrics: metrics))
    }

    /// A capacity shock loses share × magnitude of each cell's capacity (BoARIO's capacity loss, the
    /// same impact in every industry); a capital_destruction shock shares its amount out (A22)–(A24).
    private mutating func resolveEvent(_ shock: ShockSpec) -> ARIOEvent? {
        let selectedRegions = regions.resolve(shock.regions, diagnostics: &diagnostics)
        let selectedSectors = sectors.resolve(shock.sectors, diagnostics: &diagnostics)
        let profile = shock.profile.event
        let recovery = ARIORecovery(profile.recovery, tau: profile.recoveryTau ?? 1)
        guard let selectedRegions, let selectedSectors, shock.profile.type == .event else { return nil }
        var event = ARIOEvent(
            id: shock.id, kind: .capacityLoss(recovery: recovery), amount: shock.share * shock.magnitude,
            regions: selectedRegions, sectors: selectedSectors, regionalDistribution: .each, sectoralDistribution: .each,
            occurrence: profile.occurrence, duration: profile.duration)
        guard shock.kind == .capitalDestruction else { return event }
        let capital = shock.capital
        let regional = resolveDistribution(capital.regionalDistribution, in: regions, selected: selectedRegions)
        let sectoral = resolveDistribution(capital.sectoralDistribution, in: sectors, selected: selectedSectors)
        guard let regional, let sectoral else { return nil }
        (event.amount, event.regionalDistribution, event.sectoralDistribution) = (capital.amount, regional, sectoral)
        guard let rebuild = capital.rebuild else {
            event.kind = .capitalDestruction(recovery: recovery)
            return event
        }
        guard let shares = resolveOne(rebuild.sectors, in: sectors) else { return nil }
        let total = shares.values.reduce(0, +)
        // BoARIO: np.isclose(sum, 1.0).
        guard abs(total - 1) <= 1e-8 + 1e-5 else {
            diagnostics.report(
                "the rebuilding shares add up to \(JSONValue.format(total)); they must add up to 1",
                at: rebuild.path.appending("sectors"))
            return nil
        }
        event.kind = .capitalDestructionWithRebuilding(ARIORebuilding(tau: rebuild.tau, sectors: shares, factor: rebuild.factor))
        return event
    }

    private mutating func resolveDistribution(
        _ distribution: DistributionSpec, in catalog: LabelCatalog, selected: [Int]
    ) -> ARIOEvent.Distribution? {
        switch distribution {
        case .equal: return .equal
        case .valueAdded: return .valueAdded
        case .weights(let entries):
            guard let weights = resolveOne(entries, in: catalog) else { return nil }
            var complete = true
            for index in selected where weights[index] == nil {
                complete = false
                diagnostics.report(
                    "no weight for \(catalog.labels[index].code) (\(catalog.labels[index].name)): give one for each of the shock's "
                        + "\(catalog.kind)s", at: entries.first?.name.path.parent ?? .root)
            }
            for (index, _) in weights where !selected.contains(index) {
                complete = false
                diagnostics.report(
                    "\(catalog.labels[index].code) is not one of the shock's \(catalog.kind)s", at: entries.first?.name.path.parent ?? .root)
            }
            return complete ? .weights(weights) : nil
        }
    }

    /// Names to values, a name that selects several labels (a group) setting each of them.
    private mutating func resolveEach<Value>(_ entries: [NamedValue<Value>], in catalog: LabelCatalog) -> [Int: Value]? {
        var values: [Int: Value] = [:]
        var complete = true
        for entry in entries {
            guard let indices = catalog.resolve(Selector(terms: [entry.name]), diagnostics: &diagnostics) else {
                complete = false
                continue
            }
            for index in indices { values[index] = entry.value }
        }
        return complete ? values : nil
    }

    /// Names to values, each name naming one label, each label once.
    private mutating func resolveOne(_ entries: [NamedValue<Double>], in catalog: LabelCatalog) -> [Int: Double]? {
        var values: [Int: Double] = [:]
        var complete = true
        for entry in entries {
            guard let indices = catalog.resolve(Selector(terms: [entry.name]), diagnostics: &diagnostics) else {
                complete = false
                continue
            }
            guard indices.count == 1, let index = indices.first, values[index] == nil else {
                complete = false
                let message =
                    indices.count == 1
                    ? "\(catalog.kind) \(catalog.labels[indices[0]].code) is named twice" : "name one \(catalog.kind); '\(entry.name.text)' selects \(indices.count)"
                diagnostics.report(message, at: entry.name.path, location: entry.name.location)
                continue
            }
            values[index] = entry.value
        }
        return complete ? values : nil
    }
}
