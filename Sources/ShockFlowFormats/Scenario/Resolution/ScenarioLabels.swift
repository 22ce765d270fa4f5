import ShockFlowModel

/// The names a scenario can use for an economy's regions, sectors, imported products and final-demand
/// categories (codes, names, aliases and groups), with the commodity hints of the NBS sectors.
package struct ScenarioLabels: Sendable {
    package let regions: LabelCatalog
    package let sectors: LabelCatalog
    let products: LabelCatalog
    let categories: LabelCatalog
    /// The value-added components a `cost` shock can name, sorted as `PriceStructure.componentNames`.
    let components: LabelCatalog
    /// Plan tables' rows resolved to this economy's indices, shared by every scenario resolved with these labels.
    let planRows = PlanRowIndexCache()

    package init(_ economy: Economy) {
        let name = economy.metadata.name
        regions = LabelCatalog(kind: "region", labels: economy.regions, groups: economy.metadata.regionGroups, economyName: name)
        sectors = LabelCatalog(
            kind: "sector", labels: economy.sectors, groups: economy.metadata.sectorGroups, commodities: CommodityHints.nbs42,
            economyName: name)
        products = LabelCatalog(
            kind: "imported product", labels: economy.importProducts, commodities: CommodityHints.nbs42, economyName: name)
        categories = LabelCatalog(kind: "final-demand category", labels: economy.finalDemandCategories, economyName: name)
        components = LabelCatalog(
            kind: "value-added component", labels: economy.valueAddedComponents.keys.sorted().map { Label(code: $0) },
            economyName: name)
    }
}
