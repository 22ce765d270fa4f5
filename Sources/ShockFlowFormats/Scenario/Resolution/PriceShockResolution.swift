import ShockFlowModel

extension ScenarioResolver {
    /// An `import_price` or `cost` shock's targets (docs/prices.md): every region of use or every
    /// value-added component becomes the empty list, the model's "all".
    mutating func resolvePriceShock(_ spec: ShockSpec) -> Shock.Kind? {
        if spec.kind == .importPrice {
            let selectedProducts = products.resolve(spec.products, diagnostics: &diagnostics)
            let selectedRegions = regions.resolve(spec.regions, diagnostics: &diagnostics)
            guard let selectedProducts, let selectedRegions else { return nil }
            return .importPrice(
                products: selectedProducts, regions: selectedRegions.count == economy.regionCount ? [] : selectedRegions)
        }
        let selectedCells = cells(regions: spec.regions, sectors: spec.sectors)
        if spec.components != .everything, components.labels.isEmpty {
            diagnostics.report(
                "economy \(economy.metadata.name) has no value-added components to name: remove `components` to change "
                    + "the cost of all value added", at: spec.path.appending("components"))
            return nil
        }
        let selectedComponents = spec.components == .everything ? [] : components.resolve(spec.components, diagnostics: &diagnostics)
        guard let selectedCells, let selectedComponents else { return nil }
        return .cost(cells: selectedCells, components: selectedComponents.count == components.labels.count ? [] : selectedComponents)
    }
}
