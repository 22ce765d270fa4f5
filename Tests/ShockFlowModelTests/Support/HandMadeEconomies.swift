import ShockFlowLinearAlgebra
import ShockFlowModel

/// Small economies written out by hand, for published examples and broken-data checks.
enum HandMadeEconomies {
    /// Miller & Blair (2009), section 2.3: two sectors, Z = [[150, 500], [200, 100]],
    /// f = [350, 1700], x = [1000, 2000], so A = [[.15, .25], [.20, .05]]; v = x − Zᵀ·1.
    static func millerBlair() throws -> Economy {
        try economy(
            regions: ["us"], sectors: ["agriculture", "manufacturing"],
            flows: [[150, 500], [200, 100]], finalDemand: [[350], [1700]], output: [1000, 2000])
    }

    /// Two regions × two sectors, balanced by construction (x = Z·1 + Y·1, v = x − Zᵀ·1).
    /// Cells: 0 north/agri, 1 north/manu, 2 south/agri, 3 south/manu.
    static func twoRegions(
        flows: [[Double]] = [[10, 20, 5, 5], [15, 10, 10, 5], [5, 5, 20, 10], [10, 5, 15, 10]],
        finalDemand: [[Double]] = [[40, 10], [30, 20], [15, 35], [10, 45]]
    ) throws -> Economy {
        try economy(regions: ["north", "south"], sectors: ["agri", "manu"], flows: flows, finalDemand: finalDemand)
    }

    /// An economy with one household column per region; output defaults to the row sums and
    /// value added to the column residual, so the table balances unless told otherwise.
    static func economy(
        regions: [String], sectors: [String], flows: [[Double]], finalDemand: [[Double]], output: [Double]? = nil
    ) throws -> Economy {
        let z = try Matrix(rowMajor: flows)
        let y = try Matrix(rowMajor: finalDemand)
        let sales = zip(try z.rowSums(), try y.rowSums()).map { $0 + $1 }
        let x = output ?? sales
        let purchases = try z.columnSums()
        return Economy(
            metadata: EconomyMetadata(name: "hand-made"),
            regions: regions.map { Label(code: $0) }, sectors: sectors.map { Label(code: $0) },
            finalDemandCategories: [Label(code: "households")],
            intermediateFlows: z, finalDemand: y,
            finalDemandColumns: (0..<y.columns).map { FinalDemandColumn(region: $0, category: 0) },
            valueAdded: zip(x, purchases).map { $0 - $1 }, grossOutput: x)
    }
}
