import ShockFlowLinearAlgebra

/// An event with its amount distributed over industries (A22–A24) and, for rebuilding, its
/// initial rebuilding demand by supplying industry (A7).
struct ARIOResolvedEvent: Sendable {
    enum Effect: Sendable {
        case capacityLoss(ARIORecovery)
        case capitalDestruction(ARIORecovery)
        /// rows: the rebuilding industries (every region × rebuilding sector); initialDemand: rows × industries.
        case rebuilding(tau: Int, factor: Double, rows: [Int], initialDemand: Matrix)
    }

    let id: String
    let occurrence: Int
    let duration: Int
    /// The industries hit (impact > 0), ascending, and the impact on each.
    let industries: [Int]
    let impacts: [Double]
    let effect: Effect

    init(
        _ event: ARIOEvent, scenario: String, model: ARIOModel, capital: [Double], defaultRebuildTau: Int
    ) throws {
        func invalid(_ field: String, _ value: Any, _ expected: String) -> ARIOError {
            .invalidEvent(scenario: scenario, event: event.id, field: field, value: "\(value)", expected: expected)
        }
        id = event.id
        guard event.occurrence >= 1 else { throw invalid("occurrence", event.occurrence, "a day ≥ 1") }
        guard event.duration >= 1 else { throw invalid("duration", event.duration, "a number of days ≥ 1") }
        occurrence = event.occurrence
        duration = event.duration
        guard event.amount.isFinite, event.amount > 0 else { throw invalid("amount", event.amount, "a finite number > 0") }
        let (industries, impacts) = try Self.distribute(event, model: model, invalid: invalid)
        self.industries = industries
        self.impacts = impacts
        switch event.kind {
        case .capacityLoss(let recovery):
            try Self.check(recovery, invalid: invalid)
            if let (index, share) = zip(industries, impacts).first(where: { $0.1 > 1 }) {
                throw invalid("amount", share, "a capacity share ≤ 1 in every industry (\(model.industryName(index)))")
            }
            effect = .capacityLoss(recovery)
        case .capitalDestruction(let recovery):
            try Self.check(recovery, invalid: invalid)
            try Self.checkCapital(industries, impacts, capital: capital, model: model, invalid: invalid)
            effect = .capitalDestruction(recovery)
        case .capitalDestructionWithRebuilding(let rebuilding):
            try Self.checkCapital(industries, impacts, capital: capital, model: model, invalid: invalid)
            let tau = rebuilding.tau ?? defaultRebuildTau
            guard tau >= 1 else { throw invalid("rebuild_tau", tau, "a whole number of days ≥ 1") }
            guard rebuilding.factor.isFinite, rebuilding.factor > 0 else {
                throw invalid("rebuilding_factor", rebuilding.factor, "a finite number > 0")
            }
            effect = try Self.rebuilding(
                rebuilding, tau: tau, industries: industries, impacts: impacts, model: model, invalid: invalid)
        }
    }

    private static func check(_ recovery: ARIORecovery, invalid: (String, Any, String) -> ARIOError) throws {
        guard recovery.tau >= 1 else { throw invalid("recovery_tau", recovery.tau, "a whole number of days ≥ 1") }
    }

    private static func checkCapital(
        _ industries: [Int], _ impacts: [Double], capital: [Double], model: ARIOModel,
        invalid: (String, Any, String) -> ARIOError
    ) throws {
        if let (index, impact) = zip(industries, impacts).first(where: { $0.1 > capital[$0.0] }) {
            throw invalid("amount", impact, "at most the capital of \(model.industryName(index)) (\(capital[index]))")
        }
    }

    /// (A22) impact = amount · (regional share · sectoral share) for every region × sector pair, as
    /// BoARIO's `from_scalar_regions_sectors`; (A23) equal shares are 1/count, weights are divided
    /// by their sum; (A24) value-added weights. Pairs with no impact are dropped.
    private static func distribute(
        _ event: ARIOEvent, model: ARIOModel, invalid: (String, Any, String) -> ARIOError
    ) throws -> (industries: [Int], impacts: [Double]) {
        guard !event.regions.isEmpty else { throw invalid("regions", "none", "at least one region") }
        guard !event.sectors.isEmpty else { throw invalid("sectors", "none", "at least one sector") }
        for (field, indices, count) in [
            ("regions", event.regions, model.regionCount), ("sectors", event.sectors, model.sectorCount),
        ] {
            if let bad = indices.first(where: { !(0..<count).contains($0) }) { throw invalid(field, bad, "an index in 0..<\(count)") }
            if Set(indices).count != indices.count { throw invalid(field, indices, "no index twice") }
        }
        let S = model.sectorCount
        let valueAdded = model.valueAdded
        let regionalWeights = event.regions.map { r in event.sectors.reduce(0.0) { $0 + valueAdded[r * S + $1] } }
        let sectoralWeights = event.sectors.map { s in event.regions.reduce(0.0) { $0 + valueAdded[$1 * S + s] } }
        let regional = try shares(
            event.regionalDistribution, indices: event.regions, valueAddedWeights: regionalWeights,
            field: "regional_distribution", invalid: invalid)
        let sectoral = try shares(
            event.sectoralDistribution, indices: event.sectors, valueAddedWeights: sectoralWeights,
            field: "sectoral_distribution", invalid: invalid)
        var impacts: [Int: Double] = [:]
        for (r, regionShare) in zip(event.regions, regional) {
            for (s, sectorShare) in zip(event.sectors, sectoral) {
                let impact = event.amount * (regionShare * sectorShare)
                if impact != 0 { impacts[r * S + s] = impact }
            }
        }
        guard !impacts.isEmpty else { throw invalid("amount", event.amount, "an impact on at least one industry") }
        let industries = impacts.keys.sorted()
        return (industries, industries.map { impacts[$0]! })
    }

    private static func shares(
        _ distribution: ARIOEvent.Distribution, indices: [Int], valueAddedWeights: [Double], field: String,
        invalid: (String, Any, String) -> ARIOError
    ) throws -> [Double] {
        let weights: [Double]
        switch distribution {
        case .equal:
            return indices.map { _ in 1 / Double(indices.count) }
        case .each:
            return indices.map { _ in 1 }
        case .valueAdded:
            weights = valueAddedWeights
        case .weights(let given):
            weights = try indices.map { index in
                guard let weight = given[index] else { throw invalid(field, "no weight for index \(index)", "a weight for each of the event's indices") }
                guard weight.isFinite, weight >= 0 else { throw invalid(field, weight, "weights that are finite and ≥ 0") }
                return weight
            }
        }
        let total = weights.reduce(0, +)
        guard total > 0 else { throw invalid(field, "weights summing to \(total)", "weights with a positive sum") }
        return weights.map { $0 / total }
    }

    /// (A7) The rebuilding demand of an event: D[(r, k), j] = ((share_k · impact_j) · factor) ·
    /// Z[(r, k), j] / Σ_r′ Z[(r′, k), j] for every region r and rebuilding sector k (0 where j buys
    /// no k), as BoARIO's EventTracker (its `_normalize_distribution` of mriot.Z).
    private static func rebuilding(
        _ rebuilding: ARIORebuilding, tau: Int, industries: [Int], impacts: [Double], model: ARIOModel,
        invalid: (String, Any, String) -> ARIOError
    ) throws -> Effect {
        let (R, S) = (model.regionCount, model.sectorCount)
        guard !rebuilding.sectors.isEmpty else { throw invalid("rebuilding_sectors", "none", "at least one sector") }
        let rebuildingSectors = rebuilding.sectors.keys.sorted()
        if let bad = rebuildingSectors.first(where: { !(0..<S).contains($0) }) {
            throw invalid("rebuilding_sectors", bad, "a sector index in 0..<\(S)")
        }
        let shares = rebuildingSectors.map { rebuilding.sectors[$0]! }
        if let bad = shares.first(where: { !($0.isFinite && $0 >= 0) }) { throw invalid("rebuilding_sectors", bad, "shares ≥ 0") }
        let total = shares.reduce(0, +)
        // BoARIO: np.isclose(sum, 1.0).
        guard abs(total - 1) <= 1e-8 + 1e-5 else { throw invalid("rebuilding_sectors", "shares summing to \(total)", "shares summing to 1") }
        let K = rebuildingSectors.count
        // Row r·K + k: industry (r, k-th rebuilding sector).
        let rows = (0..<R).flatMap { r in rebuildingSectors.map { r * S + $0 } }
        var demand = Matrix(rows: rows.count, columns: industries.count)
        let flows = model.annualFlows
        for (column, (j, impact)) in zip(industries, impacts).enumerated() {
            for (k, (sector, share)) in zip(rebuildingSectors, shares).enumerated() {
                var purchases = 0.0
                for r in 0..<R { purchases += flows[r * S + sector, j] }
                let base = (share * impact) * rebuilding.factor
                for r in 0..<R {
                    demand[r * K + k, column] = base * (purchases == 0 ? 0 : flows[r * S + sector, j] / purchases)
                }
            }
        }
        return .rebuilding(tau: tau, factor: rebuilding.factor, rows: rows, initialDemand: demand)
    }
}
