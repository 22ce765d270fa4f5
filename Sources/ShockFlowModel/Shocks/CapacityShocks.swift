import ShockFlowLinearAlgebra

/// Capacity shocks: s_i(t), a share of cells' capacity lost.
extension ShockSchedule {
    /// MODEL (18), the factor (1 − s(t)): multiplies `remaining` (1 per cell) by each capacity
    /// shock's factor on its cells. `clearCapacity` sets the touched cells back to 1.
    func applyCapacity(factors: [Double], to remaining: inout [Double]) {
        for (shock, cells) in capacityTargets {
            for cell in cells { remaining[cell] *= factors[shock] }
        }
    }

    func clearCapacity(_ remaining: inout [Double]) {
        for (_, cells) in capacityTargets {
            for cell in cells { remaining[cell] = 1 }
        }
    }

    /// Ghosh (8) reading: a capacity shock removes that share of a cell's value added, Δv_i =
    /// v_i·(∏ factors − 1).
    func valueAddedChange(valueAdded: [Double], factors: [Double]) -> [Double] {
        var remaining = [Double](repeating: 1, count: valueAdded.count)
        applyCapacity(factors: factors, to: &remaining)
        return valueAdded.indices.map { valueAdded[$0] * (remaining[$0] - 1) }
    }
}
