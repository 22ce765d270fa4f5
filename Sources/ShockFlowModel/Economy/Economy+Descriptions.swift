extension Economy {
    /// Names cell i by its region and sector codes, as messages to a modeler should
    /// (e.g. `region CN-BJ, sector S03`).
    public func describeCell(_ index: Int) -> String {
        guard index >= 0, index < cellCount else { return "cell #\(index)" }
        let (region, sector) = cell(index)
        return "region \(regions[region].code), sector \(sectors[sector].code)"
    }

    /// Names column j of the final demand Y by its destination region and category.
    public func describeFinalDemandColumn(_ index: Int) -> String {
        guard index >= 0, index < finalDemandColumns.count else { return "final-demand column #\(index)" }
        let column = finalDemandColumns[index]
        let region = regions.indices.contains(column.region) ? regions[column.region].code : "#\(column.region)"
        let category =
            finalDemandCategories.indices.contains(column.category)
            ? finalDemandCategories[column.category].code : "#\(column.category)"
        return "destination region \(region), category \(category)"
    }

    /// Names imported product p.
    public func describeImportProduct(_ index: Int) -> String {
        importProducts.indices.contains(index) ? "imported product \(importProducts[index].code)" : "imported product #\(index)"
    }
}

extension Economy {
    /// Names up to `limit` cells, then says how many more there are.
    func describeCells(_ cells: [Int], limit: Int = 5, detail: (Int) -> String = { _ in "" }) -> String {
        let named = cells.prefix(limit).map { describeCell($0) + detail($0) }.joined(separator: "; ")
        return cells.count > limit ? named + "; and \(cells.count - limit) more" : named
    }
}
