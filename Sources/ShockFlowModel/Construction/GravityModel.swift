import Foundation
import ShockFlowLinearAlgebra

/// The gravity prior of inter-regional trade in one product: flow from origin o to destination d
/// ∝ supply_o × demand_d × distance_od^(−β), with a zero diagonal (own-region supply is handled
/// as local supply, outside the trade matrix).
///
/// After bi-proportional balancing only the distance term and the zero pattern matter: the
/// balancing absorbs any row and column factors, so supply and demand set which cells may trade.
public func gravityPrior(supply: [Double], demand: [Double], distances: Matrix, distanceExponent beta: Double) -> Matrix {
    let regions = supply.count
    var prior = Matrix(rows: regions, columns: regions)
    for d in 0..<regions where demand[d] > 0 {
        for o in 0..<regions where o != d && supply[o] > 0 {
            prior[o, d] = supply[o] * demand[d] * pow(distances[o, d], -beta)
        }
    }
    return prior
}
