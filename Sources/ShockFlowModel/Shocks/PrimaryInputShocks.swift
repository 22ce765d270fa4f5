import ShockFlowLinearAlgebra

/// The supply shocks read as lost primary inputs for the Ghosh model (MODEL (8)).
extension ShockSchedule {
    /// Δv by cell: the capacity shocks' value added lost, plus the import shocks' intermediate imports
    /// lost (`CapacityShocks`, `ImportShocks`); demand, export and budget shocks play no part.
    public func primaryInputChange(valueAdded: [Double], intermediateImports: Matrix, factors: [Double]) -> [Double] {
        var change = valueAddedChange(valueAdded: valueAdded, factors: factors)
        addImportLoss(intermediateImports: intermediateImports, factors: factors, to: &change)
        return change
    }
}
