import Foundation
import ShockFlowLinearAlgebra
@testable import ShockFlowModel

/// Seeded random economies for the rationing and plan-horizon property tests, balanced by
/// construction: A and a_m are drawn with column sums below 0.8 and x = (I − A)⁻¹·Y·1.
struct RandomEconomy {
    let structure: ProductionStructure
    /// Y (n×3R): per region households, GFCF and exports, at columns 3r, 3r + 1, 3r + 2.
    let finalDemand: Matrix
    /// The GFCF columns of Y (n×R).
    let capitalFormation: Matrix
    /// D: depreciation of fixed assets, 3–6 % of output.
    let depreciation: [Double]

    var n: Int { structure.cellCount }
    var exportColumns: [Int] { (0..<structure.regionCount).map { 3 * $0 + 2 } }

    init(regions: Int, sectors: Int, products: Int, seed: UInt64) throws {
        var random = PCG64(seed: seed)
        let n = regions * sectors
        var a = Matrix(rows: n, columns: n)
        var imports = Matrix(rows: products, columns: n)
        for j in 0..<n {
            for i in 0..<n {
                let sameRegion = i / sectors == j / sectors
                if Double.random(in: 0..<1, using: &random) < (sameRegion ? 0.7 : 0.35) {
                    a[i, j] = Double.random(in: 0..<(sameRegion ? 0.16 : 0.06), using: &random)
                }
            }
            for p in 0..<products { imports[p, j] = Double.random(in: 0..<0.08, using: &random) }
        }
        let purchases = zip(try a.columnSums(), try imports.columnSums()).map { $0 + $1 }
        let scale = purchases.map { $0 > 0.8 ? 0.8 / $0 : 1 }
        a = try a.scalingColumns(by: scale)
        imports = try imports.scalingColumns(by: scale)
        let valueAdded = zip(try a.columnSums(), try imports.columnSums()).map { 1 - $0 - $1 }
        var y = Matrix(rows: n, columns: 3 * regions)
        for index in y.elements.indices { y.elements[index] = Double.random(in: 5..<40, using: &random) }
        let output = try LUFactorization(a.identityMinus()).solve(try y.rowSums())
        structure = try ProductionStructure(
            regionCount: regions, sectorCount: sectors, technicalCoefficients: a, importCoefficients: imports,
            valueAddedCoefficients: valueAdded, grossOutput: output)
        finalDemand = y
        var gfcf = Matrix(rows: n, columns: regions)
        for region in 0..<regions { gfcf.setColumn(region, to: y.column(3 * region + 1)) }
        capitalFormation = gfcf
        depreciation = output.map { $0 * Double.random(in: 0.03..<0.06, using: &random) }
    }

    func rationingModel(
        threshold: Double = CriticalInputs.defaultThreshold, substitutes: [ImportSubstitute] = [],
        options: RationingOptions = RationingOptions()
    ) throws -> RationingModel {
        try RationingModel(
            structure: structure, criticalInputs: CriticalInputs(structure: structure, threshold: threshold),
            substitutes: substitutes, options: options)
    }

    func planHorizonModel(
        substitutes: [ImportSubstitute] = [], horizon: PlanHorizon = PlanHorizon(periods: 12)
    ) throws -> PlanHorizonModel {
        try PlanHorizonModel(
            rationing: rationingModel(substitutes: substitutes), finalDemand: finalDemand,
            capitalFormation: capitalFormation, depreciation: depreciation, horizon: horizon)
    }
}

/// Matrices with the same value in every column, for batches built from one vector.
func repeatedColumns(_ vector: [Double], count: Int) -> Matrix {
    var matrix = Matrix(rows: vector.count, columns: count)
    for column in 0..<count { matrix.setColumn(column, to: vector) }
    return matrix
}

extension ReferenceFolder {
    /// A folder written by `scripts/fixtures/rationing_reference.py`.
    init(rationing name: String) throws {
        guard let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw ReadError.missingResources
        }
        url = fixtures.appendingPathComponent("rationing").appendingPathComponent(name)
    }

    /// Rows of integers, one per line (an empty file is an empty list).
    func integerRows(_ file: String) throws -> [[Int]] {
        let table = try matrix(file)
        return (0..<table.rows).map { row in (0..<table.columns).map { Int(table[row, $0]) } }
    }

    /// (product, sector, region bit mask: 0 for every region) per line of `substitutes.csv`.
    func substitutes(regionCount: Int) throws -> [ImportSubstitute] {
        try integerRows("substitutes").map { row in
            let regions = (0..<regionCount).filter { (row[2] >> $0) & 1 == 1 }
            return ImportSubstitute(product: row[0], sector: row[1], regions: row[2] == 0 ? nil : regions)
        }
    }

    /// The production structure, masks and substitutes of a reference folder.
    func rationingModel(options: RationingOptions) throws -> RationingModel {
        let dimensions = try vector("dimensions").map { Int($0) }
        let structure = try ProductionStructure(
            regionCount: dimensions[0], sectorCount: dimensions[1], technicalCoefficients: matrix("A"),
            importCoefficients: matrix("am"), valueAddedCoefficients: vector("av"), grossOutput: vector("x"))
        let masks = try CriticalInputs(
            structure: structure, threshold: vector("threshold")[0],
            domesticPairs: integerRows("domestic_pairs").map { CriticalPair(input: $0[0], user: $0[1]) },
            importPairs: integerRows("import_pairs").map { CriticalPair(input: $0[0], user: $0[1]) })
        var model = try RationingModel(
            structure: structure, criticalInputs: masks,
            substitutes: substitutes(regionCount: dimensions[0]), options: options)
        if try vector("cap_rule")[0] == 1 { model.options.substitutionCap = .sectorTotal }
        return model
    }
}
