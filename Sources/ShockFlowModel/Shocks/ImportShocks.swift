import ShockFlowLinearAlgebra

/// Import shocks: φ_p(t), the available share of imported product p.
extension ShockSchedule {
    /// φ_p = ∏ of the import shocks' factors on p (1 for products no shock touches), by product.
    func importAvailability(factors: [Double], productCount: Int) -> [Double] {
        var availability = [Double](repeating: 1, count: productCount)
        for (shock, products) in importTargets {
            for product in products { availability[product] *= factors[shock] }
        }
        return availability
    }

    /// MODEL (13)–(17): φ(t) of one scenario, written into its column of the P × N availability matrix.
    func applyImports(factors: [Double], to availability: inout Matrix, column: Int) {
        for (shock, products) in importTargets {
            for product in products { availability[product, column] *= factors[shock] }
        }
    }

    /// Ghosh (8) reading: an import shock removes that share of the product's intermediate imports,
    /// added to `change` (Δv by cell): Δv_i += m_pi·(φ_p − 1) for every product p the shocks touch.
    func addImportLoss(intermediateImports: Matrix, factors: [Double], to change: inout [Double]) {
        let availability = importAvailability(factors: factors, productCount: intermediateImports.rows)
        for product in availability.indices where availability[product] != 1 {
            for cell in change.indices { change[cell] += intermediateImports[product, cell] * (availability[product] - 1) }
        }
    }
}
