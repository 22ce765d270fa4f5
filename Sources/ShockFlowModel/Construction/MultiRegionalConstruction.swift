import ShockFlowLinearAlgebra

/// What the multi-regional construction starts from: single-region tables and the geography.
public struct MultiRegionalInputs: Sendable {
    public var tables: [SingleRegionTable]
    /// R×R distances (km) between regions; only the off-diagonal entries are used.
    public var distances: Matrix
    public var regions: [Label]
    /// Sectors, which are also the products of the rows and the imported products.
    public var sectors: [Label]
    /// The columns of every table's `finalUse`.
    public var domesticFinalDemandCategories: [Label]
    /// The rows of every table's `valueAddedComponents`.
    public var valueAddedComponentNames: [String]
    public var metadata: EconomyMetadata

    public init(
        tables: [SingleRegionTable], distances: Matrix, regions: [Label], sectors: [Label],
        domesticFinalDemandCategories: [Label], valueAddedComponentNames: [String], metadata: EconomyMetadata
    ) {
        self.tables = tables
        self.distances = distances
        self.regions = regions
        self.sectors = sectors
        self.domesticFinalDemandCategories = domesticFinalDemandCategories
        self.valueAddedComponentNames = valueAddedComponentNames
        self.metadata = metadata
    }
}

/// Builds a multi-regional input–output table from single-region tables the way published
/// Chinese MRIO tables are built: fix transit trade and trade totals, estimate inter-regional
/// flows with a gravity prior balanced by RAS, split every region's uses by origin.
public enum MultiRegionalConstruction {
    /// The final-demand categories appended to the tables' own in every region.
    public static let exportsCategory = Label(code: "exports", name: "Exports")
    public static let discrepancyCategory = Label(
        code: "discrepancy", name: "Statistical discrepancy (tables' ERR and trade reconciliation)")

    public static func build(_ inputs: MultiRegionalInputs, options: ConstructionOptions = ConstructionOptions())
        throws -> (economy: Economy, report: ConstructionReport)
    {
        try validate(inputs)
        let balances = inputs.tables.map { $0.balance() }
        var tables = inputs.tables
        let roundOff = cleanRoundOff(in: &tables, outputThreshold: options.outputRoundOff)
        let reExports = removeReExports(from: &tables)
        let underReporting = options.underReportingThreshold.map {
            raiseUnderReportedTrade(in: &tables, thresholdShareOfMedian: $0)
        }
        let trade = reconcileTradeTotals(
            in: &tables, rule: options.tradeTotalsRule, shareCap: options.localSupplyShareCap)
        let (flows, balancing) = try balanceTradeFlows(tables, totals: trade, inputs: inputs, options: options)
        let assembled = try assembleMultiRegionalTable(
            tables: tables, flows: flows, regionLabels: inputs.regions, productLabels: inputs.sectors,
            roundOff: options.localSupplyRoundOff)
        let economy = makeEconomy(assembled, inputs: inputs)
        let geography = tradeGeography(flows, distances: inputs.distances)
        let report = ConstructionReport(
            tableBalances: balances, roundOff: roundOff, reExports: reExports, underReporting: underReporting,
            tradeTotals: trade, balancing: balancing, clampedLocalSupply: assembled.clampedLocalSupply,
            discrepancyByProduct: inputs.sectors.indices.map { p in assembled.discrepancy.reduce(0) { $0 + $1[p] } },
            statisticalDiscrepancyByProduct: inputs.sectors.indices.map { p in
                inputs.tables.reduce(0) { $0 + $1.statisticalDiscrepancy[p] }
            },
            interRegionalTrade: geography.total, meanTradeDistance: geography.meanDistance,
            tradeShareWithin1000Kilometres: geography.shareWithin1000Kilometres,
            ownSupplyShares: inputs.regions.indices.map { r in
                let local = assembled.localSupply[r].reduce(0, +)
                let domestic = local + tables[r].inflows.reduce(0, +)
                return domestic > 0 ? local / domestic : 1
            },
            valueAddedByRegion: inputs.regions.indices.map { r in
                economy.valueAdded[(r * inputs.sectors.count)..<((r + 1) * inputs.sectors.count)].reduce(0, +)
            },
            reportedValueAddedByRegion: inputs.tables.map { $0.reportedValueAdded.reduce(0, +) },
            sourceTotals: TableTotals(publishedTables: inputs.tables), builtTotals: try TableTotals(economy: economy))
        return (economy, report)
    }

    private static func validate(_ inputs: MultiRegionalInputs) throws {
        let regions = inputs.regions.count, products = inputs.sectors.count
        let categories = inputs.domesticFinalDemandCategories.count
        let components = inputs.valueAddedComponentNames.count
        guard inputs.tables.count == regions, inputs.distances.rows == regions, inputs.distances.columns == regions else {
            throw ConstructionError.inconsistentInputs(
                "\(regions) regions, \(inputs.tables.count) tables, a \(inputs.distances.rows)×\(inputs.distances.columns) distance matrix")
        }
        for (r, table) in inputs.tables.enumerated() {
            let vectors = [
                table.exports, table.outflows, table.imports, table.inflows, table.statisticalDiscrepancy,
                table.grossOutput, table.reportedValueAdded,
            ]
            guard table.intermediateUse.rows == products, table.intermediateUse.columns == products,
                table.finalUse.rows == products, table.finalUse.columns == categories,
                table.valueAddedComponents.rows == components, table.valueAddedComponents.columns == products,
                vectors.allSatisfy({ $0.count == products })
            else {
                throw ConstructionError.inconsistentInputs(
                    "the table of \(inputs.regions[r].code) does not have \(products) products, \(categories) final-use "
                        + "categories and \(components) value-added components")
            }
        }
        for o in 0..<regions {
            for d in 0..<regions where d != o {
                let distance = inputs.distances[o, d]
                guard distance > 0, distance.isFinite else {
                    throw ConstructionError.invalidDistance(
                        origin: inputs.regions[o].code, destination: inputs.regions[d].code, value: distance)
                }
            }
        }
    }

    /// Gravity prior (perturbed when the options say so) and RAS for every product.
    private static func balanceTradeFlows(
        _ tables: [SingleRegionTable], totals: [ProductTradeReconciliation], inputs: MultiRegionalInputs,
        options: ConstructionOptions
    ) throws -> ([Matrix], [TradeBalancingSummary]) {
        var flows: [Matrix] = [], summaries: [TradeBalancingSummary] = []
        let noise = options.tradePriorPerturbation?.factors(products: inputs.sectors.count, regions: inputs.regions.count)
        for p in inputs.sectors.indices {
            let outflows = tables.map { $0.outflows[p] }, inflows = tables.map { $0.inflows[p] }
            let total = totals[p].reconciledTotal
            for r in inputs.regions.indices where outflows[r] + inflows[r] > total * (1 + options.balancingTolerance) {
                throw ConstructionError.infeasibleTrade(
                    product: inputs.sectors[p].code, region: inputs.regions[r].code, outflow: outflows[r],
                    inflow: inflows[r], total: total)
            }
            var prior = gravityPrior(
                supply: outflows, demand: inflows, distances: inputs.distances,
                distanceExponent: options.distanceExponent)
            if let noise {
                for index in prior.elements.indices { prior.elements[index] *= noise[p].elements[index] }
            }
            let balanced = try balanceBiproportionally(
                prior, rowTargets: outflows, columnTargets: inflows, tolerance: options.balancingTolerance,
                maximumIterations: options.maximumBalancingIterations)
            guard balanced.converged else {
                throw ConstructionError.balancingDidNotConverge(
                    product: inputs.sectors[p].code, iterations: balanced.iterations,
                    relativeResidual: balanced.relativeResidual)
            }
            flows.append(balanced.matrix)
            summaries.append(TradeBalancingSummary(iterations: balanced.iterations, relativeResidual: balanced.relativeResidual))
        }
        return (flows, summaries)
    }

    private static func makeEconomy(_ table: AssembledTable, inputs: MultiRegionalInputs) -> Economy {
        let categories = inputs.domesticFinalDemandCategories + [exportsCategory, discrepancyCategory]
        let columns = inputs.regions.indices.flatMap { r in
            categories.indices.map { FinalDemandColumn(region: r, category: $0) }
        }
        var components: [String: [Double]] = [:]
        for (name, values) in zip(inputs.valueAddedComponentNames, table.valueAddedComponents) { components[name] = values }
        // v = Σ components in the order of their sorted names, as economy folders are read back.
        var valueAdded = [Double](repeating: 0, count: table.grossOutput.count)
        for name in components.keys.sorted() {
            for (i, value) in (components[name] ?? []).enumerated() { valueAdded[i] += value }
        }
        return Economy(
            metadata: inputs.metadata, regions: inputs.regions, sectors: inputs.sectors,
            finalDemandCategories: categories, intermediateFlows: table.intermediateFlows,
            finalDemand: table.finalDemand, finalDemandColumns: columns, valueAdded: valueAdded,
            valueAddedComponents: components, importProducts: inputs.sectors,
            intermediateImports: table.intermediateImports, finalDemandImports: table.finalDemandImports,
            grossOutput: table.grossOutput)
    }
}
