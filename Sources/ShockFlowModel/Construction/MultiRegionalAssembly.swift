import ShockFlowLinearAlgebra

/// The arrays of the assembled table, before labels and metadata are attached.
struct AssembledTable {
    var intermediateFlows: Matrix
    var finalDemand: Matrix
    var intermediateImports: Matrix
    var finalDemandImports: Matrix
    var grossOutput: [Double]
    var valueAddedComponents: [[Double]]
    /// [region][product]: local supply used at home (own output kept at home).
    var localSupply: [[Double]]
    /// [region][product]: the discrepancy column of each region.
    var discrepancy: [[Double]]
    var clampedLocalSupply: RoundOffClamp
}

/// Local supply within round-off of zero, set to exactly zero.
public struct RoundOffClamp: Sendable, Equatable {
    public var cellCount: Int
    public var total: Double
}

/// Splits every region's origin-blind use of each product into local supply, inflows and imports
/// in the region's own proportions (the same shares for every intermediate and final user of the
/// product in that region), and spreads the inflow share over origins by the balanced trade flows.
///
/// Final-demand columns per region: the domestic categories of the tables, then exports (own output
/// only), then the discrepancy that keeps every row balanced: output − exports − outflows − local supply.
/// - Parameter flows: per product, R×R inter-regional flows with zero diagonal; column d sums to
///   `tables[d].inflows[p]`, row o to `tables[o].outflows[p]`.
func assembleMultiRegionalTable(
    tables: [SingleRegionTable], flows: [Matrix], regionLabels: [Label], productLabels: [Label], roundOff: Double
) throws -> AssembledTable {
    let regions = tables.count, products = productLabels.count, n = regions * products
    let domesticCategories = tables.first?.finalUse.columns ?? 0
    let categories = domesticCategories + 2
    let exportsColumn = domesticCategories, discrepancyColumn = domesticCategories + 1
    var table = AssembledTable(
        intermediateFlows: Matrix(rows: n, columns: n), finalDemand: Matrix(rows: n, columns: regions * categories),
        intermediateImports: Matrix(rows: products, columns: n),
        finalDemandImports: Matrix(rows: products, columns: regions * categories),
        grossOutput: tables.flatMap(\.grossOutput),
        valueAddedComponents: (0..<(tables.first?.valueAddedComponents.rows ?? 0)).map { k in
            tables.flatMap { table in (0..<products).map { table.valueAddedComponents[k, $0] } }
        },
        localSupply: [], discrepancy: [], clampedLocalSupply: RoundOffClamp(cellCount: 0, total: 0))

    for d in 0..<regions {
        let home = tables[d].homeUse()
        var local = [Double](repeating: 0, count: products)
        // originShares[o * products + p]: share of d's use of p supplied by region o; importShares[p] from abroad.
        var originShares = [Double](repeating: 0, count: regions * products)
        var importShares = [Double](repeating: 0, count: products)
        for p in 0..<products {
            let inflow = tables[d].inflows[p], imports = tables[d].imports[p]
            var supply = home[p] - inflow - imports
            if abs(supply) <= roundOff * max(abs(home[p]), inflow + imports), supply != 0 {
                table.clampedLocalSupply.cellCount += 1
                table.clampedLocalSupply.total += abs(supply)
                supply = 0
            }
            guard supply >= 0 else {
                throw ConstructionError.negativeLocalSupply(
                    region: regionLabels[d].code, product: productLabels[p].code, value: supply)
            }
            local[p] = supply
            guard home[p] > 0 else { continue }
            originShares[d * products + p] = supply / home[p]
            importShares[p] = imports / home[p]
            guard inflow > 0 else { continue }
            for o in 0..<regions where o != d {
                originShares[o * products + p] = flows[p][o, d] / home[p]
            }
        }
        fillUses(of: tables[d], region: d, originShares: originShares, importShares: importShares, into: &table)
        let discrepancy = (0..<products).map { p in
            tables[d].grossOutput[p] - tables[d].exports[p] - tables[d].outflows[p] - local[p]
        }
        for p in 0..<products {
            let row = d * products + p
            table.finalDemand[row, d * categories + exportsColumn] = tables[d].exports[p]
            table.finalDemand[row, d * categories + discrepancyColumn] = discrepancy[p]
        }
        table.localSupply.append(local)
        table.discrepancy.append(discrepancy)
    }
    return table
}

/// Writes destination region d's intermediate and final uses, split by origin, into Z, Y and the import arrays.
private func fillUses(
    of source: SingleRegionTable, region d: Int, originShares: [Double], importShares: [Double],
    into table: inout AssembledTable
) {
    let products = source.productCount, n = table.intermediateFlows.rows
    let regions = n / products
    let categories = table.finalDemand.columns / regions
    table.intermediateFlows.elements.withUnsafeMutableBufferPointer { z in
        for s in 0..<products {
            let columnStart = (d * products + s) * n
            for o in 0..<regions {
                for p in 0..<products {
                    z[columnStart + o * products + p] = originShares[o * products + p] * source.intermediateUse[p, s]
                }
            }
        }
    }
    for s in 0..<products {
        for p in 0..<products {
            table.intermediateImports[p, d * products + s] = importShares[p] * source.intermediateUse[p, s]
        }
    }
    for c in 0..<source.finalUse.columns {
        let column = d * categories + c
        for o in 0..<regions {
            for p in 0..<products {
                table.finalDemand[o * products + p, column] = originShares[o * products + p] * source.finalUse[p, c]
            }
        }
        for p in 0..<products { table.finalDemandImports[p, column] = importShares[p] * source.finalUse[p, c] }
    }
}
