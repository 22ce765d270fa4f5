import ShockFlowLinearAlgebra

/// Imported inputs as inventories (docs/ario.md, "Imported inputs as inventories", (A26)–(A31)):
/// for the imported products an import shock cuts, each industry holds a stock that it draws down
/// and restocks from abroad, where φ_p(t) of what it orders arrives. Columns without an import
/// shock on p do none of this, so a scenario without import shocks is BoARIO's model exactly.
extension ARIOLockstep {
    /// (A27) Iᵐ[p, j](0) = (X⁰_j·Aᵐ[p, j])·sᵐ_p (∞ for an infinite inventory) and (A31) Qᵐ(−1) = X⁰_j·Aᵐ[p, j],
    /// for the tracked products in the columns that cut them; 0 elsewhere.
    static func initialImports(model: ARIOModel, columns: [ARIOColumn], tracked: [Int]) -> (inventories: [Matrix], orders: [Matrix]) {
        let n = model.industryCount
        var inventories: [Matrix] = [], orders: [Matrix] = []
        for p in tracked {
            var inventory = Matrix(rows: n, columns: columns.count)
            var order = Matrix(rows: n, columns: columns.count)
            for (c, column) in columns.enumerated() where column.shockedImports.contains(p) {
                for j in 0..<n {
                    let use = model.dailyOutput[j] * model.importCoefficients[p, j]
                    let level = use * column.importDuration[p]
                    inventory[j, c] = level.isNaN ? .infinity : level
                    order[j, c] = use
                }
            }
            inventories.append(inventory)
            orders.append(order)
        }
        return (inventories, orders)
    }

    /// (A28) ratio_j ← min(ratio_j, Iᵐ[p, j] / Cᵐ[p, j]) with Cᵐ = (x_opt,j·Aᵐ[p, j])·max(ψ·sᵐ_p, 1), for the
    /// imported products held that count in j's constraint (A26).
    func constrainByImports(optimal: UnsafeBufferPointer<Double>, ratio: UnsafeMutableBufferPointer<Double>) {
        let P = model.importProducts.count
        for (k, p) in trackedImports.enumerated() {
            for c in 0..<columnCount where columns[c].shockedImports.contains(p) {
                let (days, offset) = (columns[c].importConstraintDays[p], c * n)
                guard days != 0 else { continue }
                for j in 0..<n where model.constrainingImport[p + j * P] {
                    let required = (optimal[offset + j] * model.importCoefficients[p, j]) * days
                    if required != 0 { ratio[offset + j] = min(ratio[offset + j], importInventories[k][j, c] / required) }
                }
            }
        }
    }

    /// (A29), (A30) Of the imports ordered the day before, φ_p(t)·Qᵐ arrives; Iᵐ ← max(0, (Iᵐ − x·Aᵐ) + φ_p(t)·Qᵐ).
    /// Returns the shortfall (1 − φ_p(t))·Σ_j Qᵐ[p, j] (P × N); 0 for products not held.
    mutating func receiveImports(day t: Int) throws -> Matrix {
        var shortfall = Matrix(rows: model.importProducts.count, columns: columnCount)
        for c in 0..<columnCount where !columns[c].shockedImports.isEmpty {
            let availability = columns[c].shocks.importAvailability(
                factors: columns[c].shocks.factors(at: t), productCount: model.importProducts.count)
            for (k, p) in trackedImports.enumerated() where columns[c].shockedImports.contains(p) {
                var missing = 0.0
                for j in 0..<n {
                    let ordered = importOrders[k][j, c]
                    let used = production[j, c] * model.importCoefficients[p, j]
                    importInventories[k][j, c] = max(0, (importInventories[k][j, c] - used) + availability[p] * ordered)
                    missing += (1 - availability[p]) * ordered
                }
                shortfall[p, c] = missing
            }
        }
        return shortfall
    }

    /// (A31) Qᵐ[p, j] = gapᵐ/τ_INV + x_j·Aᵐ[p, j], gapᵐ = (Iᵐ* − Iᵐ)₊ with the target Iᵐ* = (x′_opt,j·Aᵐ[p, j])·sᵐ_p
    /// where it is finite, as domestic inputs are ordered (A18), (A19).
    mutating func placeImportOrders(optimal: Matrix) {
        for (k, p) in trackedImports.enumerated() {
            for c in 0..<columnCount where columns[c].shockedImports.contains(p) {
                let (duration, rate) = (columns[c].importDuration[p], columns[c].importRestorationRate)
                for j in 0..<n {
                    let coefficient = model.importCoefficients[p, j]
                    let target = (optimal[j, c] * coefficient) * duration
                    let gap = target.isFinite ? max(0, target - importInventories[k][j, c]) * rate : 0
                    importOrders[k][j, c] = gap + production[j, c] * coefficient
                }
            }
        }
    }

    /// Σ_p I[p, j] over the finite domestic inventories plus Σ_p Iᵐ[p, j] over the finite imported ones held.
    /// A product's inventory is finite in a column exactly when its duration is (A4), (A27).
    func inventoryTotals() throws -> Matrix {
        var total = Matrix(rows: n, columns: columnCount)
        for (p, inventory) in inventories.enumerated() {
            let finite = columns.map { $0.inventoryDuration[p].isFinite }
            if finite.allSatisfy({ $0 }) {
                try total.add(inventory)
            } else {
                for c in 0..<columnCount where finite[c] { try total.addColumn(c, of: inventory) }
            }
        }
        for (k, p) in trackedImports.enumerated() {
            for c in 0..<columnCount where columns[c].shockedImports.contains(p) && columns[c].importDuration[p].isFinite {
                try total.addColumn(c, of: importInventories[k])
            }
        }
        return total
    }

    /// Aᵐ·x (P × N): imported inputs used by every industry, by product (A26).
    func importUse() throws -> Matrix {
        var use = Matrix(rows: model.importProducts.count, columns: columnCount)
        try Matrix.gemm(model.importCoefficients, production, into: &use)
        return use
    }

    /// Σ_j Iᵐ[p, j] (P × N) for the products held; 0 for the others and for an infinite inventory.
    func importInventoryTotals() -> Matrix {
        var totals = Matrix(rows: model.importProducts.count, columns: columnCount)
        for (k, p) in trackedImports.enumerated() {
            for c in 0..<columnCount where columns[c].shockedImports.contains(p) {
                let stock = importInventories[k].column(c)
                totals[p, c] = stock.allSatisfy(\.isFinite) ? stock.reduce(0, +) : 0
            }
        }
        return totals
    }
}
